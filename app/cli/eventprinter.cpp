#include "eventprinter.h"

#include "connection/connection.h"
#include "files/sessionlogwriter.h"
#include "usage.h"

namespace wsi {

EventPrinter::EventPrinter(FILE *out, bool showFrames, QObject *parent)
    : QObject(parent)
    , m_out(out)
    , m_showFrames(showFrames)
{ }

EventPrinter::~EventPrinter() = default;

void EventPrinter::printHeader()
{
    const QByteArray header = SessionLogWriter::header(toolName());
    std::fwrite(header.constData(), 1, size_t(header.size()), m_out);
    flush();
}

void EventPrinter::printLine(const QByteArray &json)
{
    std::fwrite(json.constData(), 1, size_t(json.size()), m_out);
    std::fputc('\n', m_out);
    flush();
}

void EventPrinter::watch(Connection *connection)
{
    m_printed.insert(connection, 0);
    connect(connection, &Connection::eventsAppended, this, [this, connection] { printPending(connection); });
    connect(connection, &QObject::destroyed, this, [this, connection] { m_printed.remove(connection); });
    printPending(connection);
}

void EventPrinter::printPending(Connection *connection)
{
    auto it = m_printed.find(connection);
    if (it == m_printed.end())
        return;
    const EventStore &events = connection->events();
    qsizetype &printed = it.value();
    bool wrote = false;
    for (; printed < events.size(); ++printed) {
        if (!m_showFrames && events.at(printed).type == EventType::Frame)
            continue;
        const QByteArray line = SessionLogWriter::eventLine(*connection, printed);
        std::fwrite(line.constData(), 1, size_t(line.size()), m_out);
        wrote = true;
    }
    if (wrote)
        flush();
}

void EventPrinter::flush()
{
    std::fflush(m_out);
}

} // namespace wsi
