// SessionLogReader: reads the session log format (JSON Lines) back into connections, byte-exact.
#include "files/sessionlogreader.h"

#include "connection/connection.h"
#include "explain/closeexplainer.h"
#include "files/jsonlinescanner.h"
#include "files/proxymarkline.h"
#include "files/recentinmessages.h"
#include "files/sessioneventdecoder.h"
#include "language/qterrortext.h"
#include "protocol/handshakecheck.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>

namespace wsi {

namespace {

// Why a file cannot be read: English for the CLI and the journal, the window's language in an import's error.
RecordedText said(const char *source)
{
    return RecordedText("wsi::SessionLogReader", source);
}

const JsonValue &field(const std::vector<JsonField> &fields, QByteArrayView key)
{
    return SessionEventDecoder::field(fields, key);
}

} // namespace

// What is learned about one connection while its lines are read; turned into its HandshakeRecord,
// timings and outcome at the end.
struct SessionLogReader::Pending
{
    // One wire's share: a proxied connection (lines with "leg") has two, every other connection one.
    struct Leg
    {
        HandshakeRecord handshake;
        qint64 firstUs = -1;
        qint64 lastUs = -1;
        qint64 requestUs = -1;
        qint64 responseUs = -1;
        qint64 openUs = -1;
        quint64 messagesIn = 0; // message lines so far: a "proxy_mark" line names its message by number
        quint64 messagesOut = 0;
        RecentInMessages recentIn; // what a "payload_of" line of the other leg may name (version 4)
    };
    struct Held
    {
        EventRecord record;
        QByteArray payload;
        ConnectionLeg::Facing facing;
    };
    Leg server; // the only leg of a connection with one wire
    Leg client;
    bool proxied = false; // its first line said "leg"
    std::vector<Held> held; // lines before the connection exists

    Leg &leg(ConnectionLeg::Facing facing) { return facing == ConnectionLeg::Facing::Client ? client : server; }
};

SessionLogReader::SessionLogReader() = default;
SessionLogReader::~SessionLogReader() = default;

void SessionLogReader::clear()
{
    m_error = RecordedText();
    m_errorLine = 0;
    m_notes.clear();
    m_header = SessionLogHeader();
    m_headerSeen = false;
    m_connections.clear();
    m_originalIds.clear();
    m_lineOrder.clear();
    m_pending.clear();
}

QStringList SessionLogReader::notes() const
{
    QStringList out;
    for (const RecordedText &note : m_notes)
        out << note.english();
    return out;
}

QStringList SessionLogReader::translatedNotes() const
{
    QStringList out;
    for (const RecordedText &note : m_notes)
        out << note.translated();
    return out;
}

bool SessionLogReader::fail(int lineNumber, const RecordedText &message)
{
    m_errorLine = lineNumber;
    m_error = lineNumber > 0
        ? said(QT_TRANSLATE_NOOP("wsi::SessionLogReader", "line %1: %2")).arg(lineNumber).arg(message)
        : message;
    m_connections.clear();
    m_originalIds.clear();
    m_lineOrder.clear();
    m_pending.clear();
    return false;
}

bool SessionLogReader::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        clear();
        return fail(0,
            said(QT_TRANSLATE_NOOP("wsi::SessionLogReader", "Cannot open %1: %2"))
                .arg(path)
                .arg(QtErrorText::recorded(file.errorString())));
    }
    return read(&file);
}

bool SessionLogReader::read(const QByteArray &data)
{
    clear();
    int lineNumber = 0;
    qsizetype start = 0;
    while (start < data.size()) {
        const qsizetype newline = data.indexOf('\n', start);
        const bool last = newline < 0;
        const qsizetype end = last ? data.size() : newline;
        ++lineNumber;
        if (!readLine(QByteArrayView(data).sliced(start, end - start), lineNumber, last))
            return false;
        start = end + 1;
    }
    return finishAll();
}

bool SessionLogReader::read(QIODevice *device)
{
    clear();
    // Blocks of a few MiB: a million-event journal is hundreds of MiB, too much to hold twice.
    constexpr qint64 kBlock = 4 * 1024 * 1024;
    QByteArray carry;
    int lineNumber = 0;
    for (;;) {
        QByteArray block = device->read(kBlock);
        const bool atEnd = block.isEmpty();
        if (!carry.isEmpty()) {
            carry += block;
            block = std::move(carry);
            carry.clear();
        }
        qsizetype start = 0;
        for (;;) {
            const qsizetype newline = block.indexOf('\n', start);
            if (newline < 0)
                break;
            ++lineNumber;
            if (!readLine(QByteArrayView(block).sliced(start, newline - start), lineNumber, false))
                return false;
            start = newline + 1;
        }
        if (atEnd) {
            if (start < block.size() && !readLine(QByteArrayView(block).sliced(start), ++lineNumber, true))
                return false;
            break;
        }
        carry = block.mid(start);
    }
    return finishAll();
}

bool SessionLogReader::readLine(QByteArrayView line, int lineNumber, bool last)
{
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.trimmed().isEmpty())
        return true;

    thread_local std::vector<JsonField> fields;
    JsonLineScanner scanner(line);
    if (!scanner.scan(fields)) {
        if (last && m_headerSeen) {
            // A line without its newline at the very end: the writer was stopped mid-write (a crash, a kill).
            m_notes << said(QT_TRANSLATE_NOOP("wsi::SessionLogReader",
                                "line %1: ignored a torn last line (%2 bytes; %3): the process writing the session "
                                "was probably stopped while writing it."))
                           .arg(lineNumber)
                           .arg(line.size())
                           .arg(RecordedText::plain(scanner.errorText()));
            return true;
        }
        return fail(lineNumber,
            said(QT_TRANSLATE_NOOP("wsi::SessionLogReader", "not a valid JSON object: %1")).arg(scanner.errorText()));
    }

    if (!m_headerSeen) {
        if (!m_header.read(fields))
            return fail(lineNumber, m_header.error());
        m_headerSeen = true;
        return true;
    }

    const JsonValue &eventValue = field(fields, "event");
    if (!eventValue.isString())
        return fail(lineNumber, said(QT_TRANSLATE_NOOP("wsi::SessionLogReader", "no \"event\" field.")));
    const QByteArrayView event = eventValue.raw;
    if (event == "session")
        return true; // a second header (files concatenated): nothing to keep
    // wsinspector-cli's own lines among the events (docs/cli.md): where it listens, and the held messages it asks
    // about and their release. No connection's record: what a decision did comes as a message's mark.
    if (event == "listening" || event == "held" || event == "released")
        return true;

    SessionEventDecoder decoder(fields);
    if (!decoder.readCommon())
        return fail(lineNumber, decoder.errorText());
    const int connId = int(decoder.connectionId());
    const qint64 timeUs = decoder.record().timeUs;

    // Find or create the connection.
    size_t index = 0;
    for (index = m_originalIds.size(); index > 0; --index) {
        if (m_originalIds[index - 1] == connId)
            break;
    }
    if (index == 0) {
        m_connections.emplace_back(); // created once its URL is known (see holdOrAppend)
        m_originalIds.push_back(connId);
        m_pending.push_back(std::make_unique<Pending>());
        index = m_connections.size();
    }
    --index;
    Pending &pending = *m_pending[index];

    // A proxied connection's lines say which of its two wires they crossed; its first line decides.
    const JsonValue &legValue = field(fields, "leg");
    ConnectionLeg::Facing facing = ConnectionLeg::Facing::Server;
    if (!legValue.isMissing()) {
        if (!legValue.isString() || (legValue.raw != "client" && legValue.raw != "server"))
            return fail(lineNumber,
                said(QT_TRANSLATE_NOOP("wsi::SessionLogReader", "\"leg\" must be \"client\" or \"server\".")));
        facing = legValue.raw == "client" ? ConnectionLeg::Facing::Client : ConnectionLeg::Facing::Server;
    }
    if (pending.server.firstUs < 0 && pending.client.firstUs < 0)
        pending.proxied = !legValue.isMissing();
    else if (pending.proxied == legValue.isMissing())
        return fail(lineNumber,
            said(QT_TRANSLATE_NOOP("wsi::SessionLogReader",
                     "connection %1 mixes lines with and without \"leg\": either all of a connection's lines "
                     "say which leg they crossed (a proxied connection) or none does."))
                .arg(connId));
    Pending::Leg &leg = pending.leg(facing);
    if (event == "proxy_mark") {
        // A mark that came after its message (version 3): on that message of this leg, read before.
        RecordedText error;
        Connection *connection = pending.proxied ? m_connections[index].get() : nullptr;
        if (!ProxyMarkLine::read(fields, decoder, connection, facing, leg.messagesIn, leg.messagesOut, &error))
            return fail(lineNumber, error);
        return true;
    }
    if (leg.firstUs < 0)
        leg.firstUs = timeUs;
    leg.lastUs = timeUs;

    if (!decoder.readEvent(line, leg.handshake))
        return fail(lineNumber, decoder.errorText());
    if (decoder.payloadOf() && !resolvePayloadOf(decoder, index, facing, lineNumber))
        return false;
    const EventRecord &r = decoder.record();
    if (r.type == EventType::Open && leg.openUs < 0)
        leg.openUs = timeUs;
    else if (r.type == EventType::HandshakeRequest)
        leg.requestUs = timeUs;
    else if (r.type == EventType::HandshakeResponse)
        leg.responseUs = timeUs;
    if (!decoder.unknownEvent().isEmpty()) {
        const RecordedText note = said(QT_TRANSLATE_NOOP("wsi::SessionLogReader",
                                           "events of type \"%1\" are not known to this version; kept as info rows."))
                                      .arg(decoder.unknownEvent());
        const QString english = note.english();
        if (std::none_of(
                m_notes.cbegin(), m_notes.cend(), [&english](const RecordedText &n) { return n.english() == english; }))
            m_notes << note;
    }

    holdOrAppend(
        index, facing, r, decoder.payload(), r.type == EventType::HandshakeRequest ? decoder.url() : QString());
    if (r.type == EventType::Message)
        ++(r.dir == Direction::Incoming ? leg.messagesIn : leg.messagesOut);
    if (r.type == EventType::Message && r.dir == Direction::Incoming && pending.proxied)
        leg.recentIn.add(m_connections[index]->leg(facing)->events.size() - 1);
    if (decoder.proxyMark())
        m_connections[index]->markLastEvent(facing, *decoder.proxyMark());
    m_lineOrder.push_back(quint32(index));
    return true;
}

bool SessionLogReader::resolvePayloadOf(
    SessionEventDecoder &decoder, size_t index, ConnectionLeg::Facing facing, int lineNumber)
{
    Pending &pending = *m_pending[index];
    if (!pending.proxied || decoder.record().dir != Direction::Outgoing)
        return fail(lineNumber,
            said(QT_TRANSLATE_NOOP("wsi::SessionLogReader",
                "\"payload_of\" belongs on an \"out\" message line of a proxied connection: it names the \"in\" "
                "message of the other leg whose payload the line forwards.")));
    const bool fromClient = facing == ConnectionLeg::Facing::Server; // what the server leg sends, the client sent
    const ConnectionLeg::Facing sender = fromClient ? ConnectionLeg::Facing::Client : ConnectionLeg::Facing::Server;
    const Connection *connection = m_connections[index].get();
    const ConnectionLeg *senderLeg = connection ? connection->leg(sender) : nullptr;
    RecordedText error;
    if (!pending.leg(sender).recentIn.resolve(
            decoder, senderLeg ? &senderLeg->events : nullptr, fromClient ? "client" : "server", &error))
        return fail(lineNumber, error);
    return true;
}

void SessionLogReader::holdOrAppend(size_t index, ConnectionLeg::Facing facing, const EventRecord &record,
    const QByteArray &payload, const QString &url)
{
    std::unique_ptr<Connection> &connection = m_connections[index];
    Pending &pending = *m_pending[index];
    if (!connection) {
        // A Connection's URL is fixed when it is made, and a wss session's tls line comes before the
        // handshake_request that names the URL: hold the few lines before it.
        const bool knowsUrl = record.type == EventType::HandshakeRequest;
        const bool beforeRequest
            = record.type == EventType::Tls || record.type == EventType::Info || record.type == EventType::Error;
        if (!knowsUrl && beforeRequest && pending.held.size() < 64) {
            pending.held.push_back({ record, payload, facing });
            return;
        }
        connection = makeConnection(pending, url);
    }
    connection->appendEvent(facing, record, payload);
}

std::unique_ptr<Connection> SessionLogReader::makeConnection(Pending &pending, const QString &url)
{
    ConnectionOptions options;
    options.url = QUrl(url);
    // A proxied connection's URL is the upstream's, which both legs' handshake_request lines name.
    auto connection = pending.proxied ? std::make_unique<Connection>(Connection::Kind::Proxied, options, QString())
                                      : std::make_unique<Connection>(options);
    for (const Pending::Held &held : pending.held)
        connection->appendEvent(held.facing, held.record, held.payload);
    pending.held.clear();
    return connection;
}

bool SessionLogReader::finishAll()
{
    if (!m_headerSeen)
        return fail(0,
            said(QT_TRANSLATE_NOOP(
                "wsi::SessionLogReader", "The file is empty: a session log starts with a \"format\" line.")));
    for (size_t i = 0; i < m_connections.size(); ++i) {
        Pending &pending = *m_pending[i];
        if (!m_connections[i]) // only lines that never named a URL
            m_connections[i] = makeConnection(pending, QString());
        Connection &connection = *m_connections[i];
        const bool secure = connection.url().scheme() == QLatin1String("wss");
        // Each leg's handshake checks and timings, from its own lines.
        auto restoreLeg = [secure](Pending::Leg &leg, ConnectionTimings &timings) {
            HandshakeRecord &hs = leg.handshake;
            if (hs.requestComplete && hs.responseComplete)
                hs.checks = checkHandshake(hs.request, hs.response);
            hs.intercepted = secure && hs.requestComplete;
            hs.encrypted = secure && !hs.requestComplete;
            if (leg.requestUs >= 0 && leg.responseUs >= leg.requestUs)
                timings.upgradeUs = leg.responseUs - leg.requestUs;
            const qint64 endUs = leg.openUs >= 0 ? leg.openUs : leg.lastUs;
            if (leg.firstUs >= 0)
                timings.totalUs = endUs - leg.firstUs;
        };
        if (pending.proxied) {
            ConnectionTimings clientTimings;
            restoreLeg(pending.client, clientTimings);
            connection.restoreImportedClientLeg(pending.client.handshake, clientTimings);
        }
        ConnectionTimings timings;
        restoreLeg(pending.server, timings);
        HandshakeRecord &hs = pending.server.handshake;

        // A proxied connection opened if either of its legs did (an unreachable upstream opens neither).
        const bool opened = pending.server.openUs >= 0 || pending.client.openUs >= 0;
        const Connection::State state = opened ? Connection::State::Closed : Connection::State::Failed;
        connection.restoreImported(hs, timings, state, {});
        // The explanation reads the events, so it comes once they are all in.
        // As words: English for files, the window's language for the status line, following a switch either way.
        connection.restoreImported(hs, timings, state, connection.closeExplanation().summaryWords);
    }
    m_pending.clear();
    return true;
}

std::vector<std::unique_ptr<Connection>> SessionLogReader::takeConnections()
{
    std::vector<std::unique_ptr<Connection>> taken = std::move(m_connections);
    m_connections.clear();
    return taken;
}

} // namespace wsi
