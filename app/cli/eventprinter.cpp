#include "eventprinter.h"

#include "connection/connection.h"
#include "connection/connectionleg.h"
#include "connection/legorder.h"
#include "connection/proxiedtransport.h"
#include "explain/protocolannotator.h"
#include "files/proxymarkline.h"
#include "files/sessionlogwriter.h"
#include "store/wallclock.h"
#include "usage.h"

#include "files/jsonline.h"

#include <algorithm>
#include <iterator>

namespace wsi {

EventPrinter::EventPrinter(FILE *out, bool showFrames, QObject *parent)
    : QObject(parent)
    , m_out(out)
    , m_showFrames(showFrames)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushDelayMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &EventPrinter::flush);
}

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

// Lines gather up to about this much before they go to the stream: a few dozen system calls' worth of work at once.
constexpr qsizetype kLinesBlock = 64 * 1024;

// One decoded message as DecodedMessage::toJson() has it: its fields, and protocol, kind, summary (and a
// malformed one's note, note_id) in their sorted places, replacing a field of the same name. Written straight
// into the line: building that object and a QJsonDocument per event cost more than the decoding itself.
void writeDecoded(JsonLine &line, const DecodedMessage &message)
{
    struct Extra
    {
        const char *key;
        const QString *value;
    };
    // Sorted, as QJsonObject keeps its keys.
    const Extra all[] = { { "kind", &message.kind }, { "note", &message.note }, { "note_id", &message.noteId },
        { "protocol", &message.protocol }, { "summary", &message.summary } };
    const bool malformed = message.isMalformed();
    auto wanted = [malformed](const Extra &extra) { return malformed || extra.key[0] != 'n'; };
    const Extra *next = std::begin(all);
    const Extra *const end = std::end(all);
    auto writeExtrasBefore = [&](const QString *fieldKey) {
        for (; next != end; ++next) {
            if (fieldKey && *fieldKey < QLatin1String(next->key))
                return;
            if (wanted(*next))
                line.text(next->key, *next->value);
        }
    };
    for (auto it = message.fields.constBegin(); it != message.fields.constEnd(); ++it) {
        const QString key = it.key();
        writeExtrasBefore(&key);
        const bool replaced = std::any_of(
            std::begin(all), end, [&](const Extra &extra) { return wanted(extra) && key == QLatin1String(extra.key); });
        if (!replaced)
            line.json(key, it.value());
    }
    writeExtrasBefore(nullptr);
}

// What a line gains (",\"decoded\":...,\"pair\":{...}}\n"): "decoded" is one object, or an array when one
// WebSocket message carried several. Written into `buffer`, reused from line to line.
QByteArray annotationText(QByteArray &&buffer, const ProtocolAnnotator::Annotation &annotation)
{
    JsonLine out = JsonLine::continuation(std::move(buffer));
    // None when only a pairing rule matched: the line gains just "pair".
    if (annotation.messages.size() == 1) {
        out.beginObject("decoded");
        writeDecoded(out, annotation.messages.first());
        out.endObject();
    } else if (annotation.messages.size() > 1) {
        out.beginArray("decoded");
        for (const DecodedMessage &message : annotation.messages) {
            out.beginElementObject();
            writeDecoded(out, message);
            out.endObject();
        }
        out.endArray();
    }
    if (annotation.requestTimeUs) {
        // Sorted keys, numbers as the QJsonValue(double) they were.
        out.beginObject("pair");
        out.number("latency_ms", annotation.latencyMs);
        out.number("request_t_us", double(*annotation.requestTimeUs));
        out.endObject();
    }
    return out.finish();
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
    connect(connection, &Connection::eventsAppended, this, [this, connection] { printAppended(connection); });
    if (ProxiedTransport *proxied = connection->proxied()) {
        proxied->observeMarks(this, [this, connection](ConnectionLeg::Facing facing, qsizetype row, quint64 number) {
            printLateMark(connection, facing, row, number);
        });
    }
    connect(connection, &QObject::destroyed, this, [this, connection] { m_watched.remove(connection); });
    printPending(connection);
}

void EventPrinter::printPending(Connection *connection)
{
    printAppended(connection);
    flush();
}

void EventPrinter::printAppended(Connection *connection)
{
    auto it = m_watched.find(connection);
    if (it == m_watched.end())
        return;
    const EventStore &events = connection->events();
    Watched &watched = *it;
    const qsizetype printedBefore = watched.printed + watched.printedClientLeg;
    if (const ConnectionLeg *clientLeg
        = connection->hasTwoLegs() ? connection->leg(ConnectionLeg::Facing::Client) : nullptr) {
        // Both legs of a proxied connection, merged in time order (at equal times the leg that received the
        // bytes first, LegOrder: as the window, the journal and exports order them).
        const EventStore &client = clientLeg->events;
        while (watched.printed < events.size() || watched.printedClientLeg < client.size()) {
            const bool clientNext = watched.printed >= events.size()
                || (watched.printedClientLeg < client.size()
                    && !LegOrder::serverFirst(client.at(watched.printedClientLeg), events.at(watched.printed)));
            if (!clientNext) {
                printServerLegEvent(connection, watched);
                continue;
            }
            const qsizetype index = watched.printedClientLeg++;
            if (!m_showFrames && client.at(index).type == EventType::Frame)
                continue;
            SessionLogWriter::appendEventLine(
                m_lines, *connection, ConnectionLeg::Facing::Client, index, &watched.forwarded);
            writeLines(kLinesBlock);
        }
        // As for one leg below: the proxy records each payload twice, so keeping them would cost twice the memory.
        connection->releaseEvents(watched.printed);
        connection->releaseClientLegEvents(watched.printedClientLeg);
    } else {
        while (watched.printed < events.size())
            printServerLegEvent(connection, watched);
        // Printed once, never read again here (a streaming store lets them go; others ignore this).
        connection->releaseEvents(watched.printed);
    }
    writeLines();
    // Started by the first line after a flush, not restarted by the ones that follow: one flush (one write()) per
    // kFlushDelayMs at most, where a flood made one per socket read (a third of the proxy's system calls).
    if (watched.printed + watched.printedClientLeg != printedBefore && !m_flushTimer.isActive())
        m_flushTimer.start();
}

void EventPrinter::writeLines(qsizetype atLeast)
{
    if (m_lines.isEmpty() || m_lines.size() < atLeast)
        return;
    std::fwrite(m_lines.constData(), 1, size_t(m_lines.size()), m_out);
    m_lines.resize(0); // keeps the capacity
}

void EventPrinter::printServerLegEvent(Connection *connection, Watched &watched)
{
    const EventStore &events = connection->events();
    const qsizetype index = watched.printed++;
    ProtocolAnnotator *annotator = watched.annotator.get();
    ProtocolAnnotator::Annotation annotation;
    // The row is read once, for the annotator and the line alike.
    const EventRecord r = events.at(index);
    // A hidden frame row's payload is not fetched (a spilled chunk would be read back from disk for nothing); the
    // annotator reads only Open and Message rows, every one of them, in order.
    if (!m_showFrames && r.type == EventType::Frame)
        return;
    const QByteArrayView payload = events.payload(index);
    if (annotator && (r.type == EventType::Open || r.type == EventType::Message))
        annotation = annotator->next(r, payload);
    const qsizetype lineStart = m_lines.size();
    // As SessionLogWriter::eventLine(connection, index): the server-facing leg, which every connection but an
    // imported client-side record has.
    SessionLogWriter::appendEventLine(m_lines, *connection,
        connection->leg(ConnectionLeg::Facing::Server) ? ConnectionLeg::Facing::Server : ConnectionLeg::Facing::Client,
        index, r, payload, &watched.forwarded);
    if ((!annotation.messages.isEmpty() || annotation.requestTimeUs) && m_lines.size() - lineStart >= 2
        && m_lines.endsWith("}\n")) {
        // The line without its closing "}\n", then what decoding adds and the closing brace.
        m_lines.chop(2);
        m_annotationBuffer = annotationText(std::move(m_annotationBuffer), annotation);
        m_lines.append(m_annotationBuffer);
    }
    writeLines(kLinesBlock);
}

void EventPrinter::printLateMark(Connection *connection, ConnectionLeg::Facing facing, qsizetype row, quint64 number)
{
    const auto it = m_watched.constFind(connection);
    if (it == m_watched.constEnd())
        return;
    if (row >= (facing == ConnectionLeg::Facing::Client ? it->printedClientLeg : it->printed))
        return; // not printed yet: its line will carry the mark
    // A held message decided after its line was printed (dropped at a breakpoint): the mark follows as a line of
    // its own, as in the journal, so that reading this output back puts it on that message.
    const QByteArray line = ProxyMarkLine::format(*connection, facing, row, number, wallClockUs());
    std::fwrite(line.constData(), 1, size_t(line.size()), m_out);
    flush();
}

void EventPrinter::flush()
{
    m_flushTimer.stop();
    std::fflush(m_out);
}

} // namespace wsi
