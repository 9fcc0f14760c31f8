// StdinLines: standard input as lines, read when the event loop says it is readable.
#include "stdinlines.h"

#include <QSocketNotifier>

#include <unistd.h>

namespace wsi {

StdinLines::StdinLines(QObject *parent)
    : QObject(parent)
    , m_notifier(new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this))
{
    connect(m_notifier, &QSocketNotifier::activated, this, &StdinLines::onReadable);
}

void StdinLines::onReadable()
{
    char chunk[4096];
    const ssize_t got = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (got <= 0) {
        m_notifier->setEnabled(false);
        if (!m_buffer.isEmpty())
            Q_EMIT line(std::exchange(m_buffer, {}));
        Q_EMIT ended();
        return;
    }
    m_buffer.append(chunk, qsizetype(got));
    qsizetype newline;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        QByteArray one = m_buffer.left(newline);
        m_buffer.remove(0, newline + 1);
        if (one.endsWith('\r'))
            one.chop(1);
        Q_EMIT line(one);
    }
}

} // namespace wsi
