#include "eventprinter.h"

#include "connection/connection.h"
#include "connection/connectionleg.h"
#include "explain/protocolannotator.h"
#include "files/sessionlogwriter.h"
#include "usage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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

namespace {

// The line with "decoded" (one object, or an array when one WebSocket message carried several; none when
// only a pairing rule matched) and "pair" added before its closing brace.
QByteArray annotated(QByteArray line, const ProtocolAnnotator::Annotation &annotation)
{
    QByteArray extra;
    if (annotation.messages.size() == 1) {
        extra += ",\"decoded\":" + QJsonDocument(annotation.messages.first().toJson()).toJson(QJsonDocument::Compact);
    } else if (annotation.messages.size() > 1) {
        QJsonArray all;
        for (const DecodedMessage &message : annotation.messages)
            all.append(message.toJson());
        extra += ",\"decoded\":" + QJsonDocument(all).toJson(QJsonDocument::Compact);
    }
    if (annotation.requestTimeUs) {
        const QJsonObject pair { { QStringLiteral("request_t_us"), double(*annotation.requestTimeUs) },
            { QStringLiteral("latency_ms"), annotation.latencyMs } };
        extra += ",\"pair\":" + QJsonDocument(pair).toJson(QJsonDocument::Compact);
    }
    const qsizetype brace = line.lastIndexOf('}');
    if (brace > 0)
        line.insert(brace, extra);
    return line;
}

} // namespace

void EventPrinter::watch(Connection *connection)
{
    Watched &watched = m_watched[connection];
    // The connection's own pairing rule (connect --pair-request, or the saved endpoint's) pairs even when
    // nothing is decoded.
    const PairingRule &rule = connection->options().pairingRule;
    if (m_protocol != QLatin1String("none") || rule.isSet()) {
        const Direction client
            = connection->kind() == Connection::Kind::Incoming ? Direction::Incoming : Direction::Outgoing;
        watched.annotator = std::make_shared<ProtocolAnnotator>(m_protocol, client, rule);
        watched.annotator->setUrl(connection->options().url);
    }
    connect(connection, &Connection::eventsAppended, this, [this, connection] { printPending(connection); });
    connect(connection, &QObject::destroyed, this, [this, connection] { m_watched.remove(connection); });
    printPending(connection);
}

void EventPrinter::printPending(Connection *connection)
{
    auto it = m_watched.find(connection);
    if (it == m_watched.end())
        return;
    const EventStore &events = connection->events();
    Watched &watched = *it;
    const qsizetype printedBefore = watched.printed + watched.printedClientLeg;
    if (const ConnectionLeg *clientLeg
        = connection->hasTwoLegs() ? connection->leg(ConnectionLeg::Facing::Client) : nullptr) {
        // Both legs of a proxied connection, merged in time order (the client leg first at equal times: the
        // proxy reads a chunk there before it writes it on the server leg).
        const EventStore &client = clientLeg->events;
        while (watched.printed < events.size() || watched.printedClientLeg < client.size()) {
            const bool clientNext = watched.printed >= events.size()
                || (watched.printedClientLeg < client.size()
                    && client.at(watched.printedClientLeg).timeUs <= events.at(watched.printed).timeUs);
            if (!clientNext) {
                printServerLegEvent(connection, watched);
                continue;
            }
            const qsizetype index = watched.printedClientLeg++;
            if (!m_showFrames && client.at(index).type == EventType::Frame)
                continue;
            const QByteArray line = SessionLogWriter::eventLine(*connection, ConnectionLeg::Facing::Client, index);
            std::fwrite(line.constData(), 1, size_t(line.size()), m_out);
        }
    } else {
        while (watched.printed < events.size())
            printServerLegEvent(connection, watched);
    }
    if (watched.printed + watched.printedClientLeg != printedBefore)
        flush();
}

void EventPrinter::printServerLegEvent(Connection *connection, Watched &watched)
{
    const EventStore &events = connection->events();
    const qsizetype index = watched.printed++;
    const EventRecord r = events.at(index);
    ProtocolAnnotator *annotator = watched.annotator.get();
    // Every row goes through the annotator, in order, shown or not: it follows the whole conversation.
    ProtocolAnnotator::Annotation annotation;
    // Only Open and Message rows carry what it reads: other payloads are not fetched (a spilled chunk
    // would be read back from disk for nothing).
    if (annotator && (r.type == EventType::Open || r.type == EventType::Message))
        annotation = annotator->next(r, events.payload(index));
    if (!m_showFrames && r.type == EventType::Frame)
        return;
    QByteArray line = connection->hasTwoLegs()
        ? SessionLogWriter::eventLine(*connection, ConnectionLeg::Facing::Server, index)
        : SessionLogWriter::eventLine(*connection, index);
    if (!annotation.messages.isEmpty() || annotation.requestTimeUs)
        line = annotated(std::move(line), annotation);
    std::fwrite(line.constData(), 1, size_t(line.size()), m_out);
}

void EventPrinter::flush()
{
    std::fflush(m_out);
}

} // namespace wsi
