// StdinLines: the process's standard input, line by line, from the event loop.
#pragma once

#include <QByteArray>
#include <QObject>

class QSocketNotifier;

namespace wsi {

// Reads standard input without blocking the event loop (a notifier on descriptor 0) and emits each line
// without its newline; ended() once it is closed.
class StdinLines : public QObject
{
    Q_OBJECT
public:
    explicit StdinLines(QObject *parent = nullptr);

Q_SIGNALS:
    void line(const QByteArray &line);
    void ended();

private:
    void onReadable();

    QSocketNotifier *m_notifier;
    QByteArray m_buffer;
};

} // namespace wsi
