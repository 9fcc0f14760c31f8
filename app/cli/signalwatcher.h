#pragma once

#include <QList>
#include <QObject>
#include <initializer_list>

class QSocketNotifier;

namespace wsi {

// Turns POSIX signals (SIGINT, SIGTERM) into a Qt signal. The handler only write()s the signal number to a
// pipe (async-signal-safe); a QSocketNotifier on the other end emits received() from the event loop.
// One instance per process.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(std::initializer_list<int> signalNumbers, QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void received(int signalNumber);

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
    QList<int> m_signals;
};

} // namespace wsi
