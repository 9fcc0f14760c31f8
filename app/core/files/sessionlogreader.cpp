#include "files/sessionlogreader.h"

#include "connection/connection.h"
#include "explain/closeexplainer.h"
#include "files/jsonlinescanner.h"
#include "files/sessionlogwriter.h"
#include "protocol/handshakecheck.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstring>

namespace wsi {

namespace {

QString stringText(const JsonValue &v)
{
    return QString::fromUtf8(JsonLineScanner::stringBytes(v));
}

const JsonValue &field(const std::vector<JsonField> &fields, QByteArrayView key)
{
    static const JsonValue missing;
    for (const JsonField &f : fields) {
        if (f.key == key)
            return f.value;
    }
    return missing;
}

bool toInt64(const JsonValue &v, qint64 *out)
{
    if (v.kind != JsonValue::Kind::Number)
        return false;
    bool ok = false;
    const qint64 n = v.raw.toLongLong(&ok);
    if (ok) {
        *out = n;
        return true;
    }
    const double d = v.raw.toByteArray().toDouble(&ok); // "1.5e15": the writer prints huge integers as doubles
    if (!ok || !std::isfinite(d))
        return false;
    *out = qint64(std::llround(d));
    return true;
}

bool toBool(const JsonValue &v)
{
    return v.kind == JsonValue::Kind::True;
}

// A wire-bytes field written as <name> (valid UTF-8) or <name>_base64.
bool wireBytes(const std::vector<JsonField> &fields, const char *name, QByteArray *out)
{
    const JsonValue &plain = field(fields, name);
    if (plain.isString()) {
        *out = JsonLineScanner::stringBytes(plain);
        return true;
    }
    const JsonValue &encoded = field(fields, QByteArray(name) + "_base64");
    if (encoded.isString()) {
        *out = QByteArray::fromBase64(encoded.raw.toByteArray());
        return true;
    }
    out->clear();
    return false;
}

QJsonValue nested(const JsonValue &v)
{
    if (v.kind != JsonValue::Kind::Array && v.kind != JsonValue::Kind::Object)
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(v.raw.toByteArray());
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

// The writer sends header names through Latin-1 and values through (lossy) UTF-8: undo exactly that.
QList<HttpHeader> headersFrom(const JsonValue &v)
{
    QList<HttpHeader> headers;
    const QJsonArray list = nested(v).toArray();
    for (const QJsonValue &pair : list) {
        const QJsonArray nameValue = pair.toArray();
        headers.append({ nameValue.at(0).toString().toLatin1(), nameValue.at(1).toString().toUtf8() });
    }
    return headers;
}

// "HTTP/1.1" from "GET /x HTTP/1.1\r\n..." or "HTTP/1.1 101 ...\r\n...".
QByteArray httpVersion(const QByteArray &raw, bool request)
{
    const qsizetype eol = raw.indexOf("\r\n");
    const QList<QByteArray> parts = raw.left(eol < 0 ? raw.size() : eol).split(' ');
    if (request)
        return parts.size() >= 3 ? parts.at(2) : QByteArray();
    return parts.value(0).startsWith("HTTP/") ? parts.value(0) : QByteArray();
}

} // namespace

// What is learned about one connection while its lines are read; turned into its HandshakeRecord,
// timings and outcome at the end.
struct SessionLogReader::Pending
{
    HandshakeRecord handshake;
    QString url;
    qint64 firstUs = -1;
    qint64 lastUs = -1;
    qint64 requestUs = -1;
    qint64 responseUs = -1;
    qint64 openUs = -1;
    std::vector<std::pair<EventRecord, QByteArray>> held; // lines before the connection exists
};

SessionLogReader::SessionLogReader() = default;
SessionLogReader::~SessionLogReader() = default;

void SessionLogReader::clear()
{
    m_error.clear();
    m_errorLine = 0;
    m_notes.clear();
    m_format.clear();
    m_tool.clear();
    m_startedAt.clear();
    m_headerSeen = false;
    m_connections.clear();
    m_originalIds.clear();
    m_lineOrder.clear();
    m_pending.clear();
}

bool SessionLogReader::fail(int lineNumber, const QString &message)
{
    m_errorLine = lineNumber;
    m_error = lineNumber > 0 ? QStringLiteral("line %1: %2").arg(lineNumber).arg(message) : message;
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
        return fail(0, QStringLiteral("Cannot open %1: %2").arg(path, file.errorString()));
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
            m_notes << QStringLiteral("line %1: ignored a torn last line (%2 bytes; %3): the process writing the "
                                      "session was probably stopped while writing it.")
                           .arg(lineNumber)
                           .arg(line.size())
                           .arg(scanner.errorText());
            return true;
        }
        return fail(lineNumber, QStringLiteral("not a valid JSON object: %1").arg(scanner.errorText()));
    }

    if (!m_headerSeen) {
        const JsonValue &format = field(fields, "format");
        if (!format.isString())
            return fail(lineNumber,
                QStringLiteral("this is not a WS Inspector session log: the first line has no "
                               "\"format\" field."));
        m_format = stringText(format);
        if (m_format != QLatin1String(SessionLogWriter::kFormat)) {
            if (m_format.startsWith(QLatin1String("wsinspector-session/")))
                return fail(lineNumber,
                    QStringLiteral("unsupported session log version \"%1\": this version of WS "
                                   "Inspector reads \"%2\" only; open the file with a newer one.")
                        .arg(m_format, QLatin1String(SessionLogWriter::kFormat)));
            return fail(lineNumber,
                QStringLiteral("unknown format \"%1\": this is not a WS Inspector session log "
                               "(expected \"%2\").")
                    .arg(m_format, QLatin1String(SessionLogWriter::kFormat)));
        }
        m_tool = stringText(field(fields, "tool"));
        m_startedAt = stringText(field(fields, "t"));
        m_headerSeen = true;
        return true;
    }

    const JsonValue &eventValue = field(fields, "event");
    if (!eventValue.isString())
        return fail(lineNumber, QStringLiteral("no \"event\" field."));
    const QByteArrayView event = eventValue.raw;
    if (event == "session")
        return true; // a second header (files concatenated): nothing to keep

    qint64 connId = 0;
    if (!toInt64(field(fields, "conn"), &connId))
        return fail(lineNumber, QStringLiteral("no \"conn\" number."));

    EventRecord r;
    if (!toInt64(field(fields, "t_us"), &r.timeUs)) {
        const QDateTime t = QDateTime::fromString(stringText(field(fields, "t")), Qt::ISODateWithMs);
        if (!t.isValid())
            return fail(lineNumber, QStringLiteral("no \"t_us\" or \"t\" time."));
        r.timeUs = t.toMSecsSinceEpoch() * 1000;
    }
    const JsonValue &dir = field(fields, "dir");
    if (dir.isString()) {
        if (dir.raw == "out")
            r.dir = Direction::Outgoing;
        else if (dir.raw == "in")
            r.dir = Direction::Incoming;
        else if (!dir.raw.isEmpty())
            return fail(lineNumber, QStringLiteral("unknown \"dir\" \"%1\".").arg(stringText(dir)));
    }
    if (field(fields, "source").isString() && field(fields, "source").raw == "socket")
        r.flags |= FlagFromSocket;

    // Find or create the connection.
    size_t index = 0;
    for (index = m_originalIds.size(); index > 0; --index) {
        if (m_originalIds[index - 1] == int(connId))
            break;
    }
    if (index == 0) {
        m_connections.emplace_back(); // created once its URL is known (see holdOrAppend)
        m_originalIds.push_back(int(connId));
        m_pending.push_back(std::make_unique<Pending>());
        index = m_connections.size();
    }
    --index;
    Pending &pending = *m_pending[index];
    if (pending.firstUs < 0)
        pending.firstUs = r.timeUs;
    pending.lastUs = r.timeUs;

    QByteArray payload;
    if (event == "message") {
        r.type = EventType::Message;
        const JsonValue &type = field(fields, "type");
        if (type.isString() && type.raw == "text") {
            r.flags |= FlagText;
            if (!wireBytes(fields, "text", &payload))
                return fail(lineNumber, QStringLiteral("a text message without \"text\"."));
        } else if (type.isString() && type.raw == "binary") {
            const JsonValue &data = field(fields, "base64");
            if (!data.isString())
                return fail(lineNumber, QStringLiteral("a binary message without \"base64\"."));
            payload = QByteArray::fromBase64(data.raw.toByteArray());
        } else {
            return fail(lineNumber, QStringLiteral("a message whose \"type\" is neither text nor binary."));
        }
        qint64 frames = 1;
        toInt64(field(fields, "frames"), &frames);
        r.sub = quint8(qBound(qint64(1), frames, qint64(255)));
        r.value = quint64(payload.size());
    } else if (event == "frame") {
        r.type = EventType::Frame;
        const JsonValue &header = field(fields, "header_hex");
        qint64 opcode = 0;
        qint64 length = 0;
        if (!header.isString() || !toInt64(field(fields, "opcode"), &opcode)
            || !toInt64(field(fields, "length"), &length))
            return fail(lineNumber, QStringLiteral("a frame needs \"header_hex\", \"opcode\" and \"length\"."));
        payload = QByteArray::fromHex(header.raw.toByteArray());
        r.sub = quint8(opcode);
        r.value = quint64(length);
        if (toBool(field(fields, "fin")))
            r.flags |= FlagFin;
        if (toBool(field(fields, "rsv1")))
            r.flags |= FlagRsv1;
        if (toBool(field(fields, "rsv2")))
            r.flags |= FlagRsv2;
        if (toBool(field(fields, "rsv3")))
            r.flags |= FlagRsv3;
        if (toBool(field(fields, "masked")))
            r.flags |= FlagMasked;
        const JsonValue &mask = field(fields, "mask_key");
        if (mask.isString())
            r.maskKey = mask.raw.toByteArray().toUInt(nullptr, 16);
    } else if (event == "ping" || event == "pong") {
        r.type = event == "ping" ? EventType::Ping : EventType::Pong;
        wireBytes(fields, "payload", &payload);
        const JsonValue &rtt = field(fields, "rtt_ms");
        if (rtt.kind == JsonValue::Kind::Number)
            r.value = quint64(std::llround(rtt.raw.toByteArray().toDouble() * 1000.0));
    } else if (event == "close") {
        r.type = EventType::Close;
        qint64 code = 0;
        r.value = toInt64(field(fields, "code"), &code) ? quint64(code) : kNoCloseCode;
        wireBytes(fields, "reason", &payload);
    } else if (event == "error") {
        r.type = EventType::Error;
        const QByteArrayView layer = field(fields, "layer").raw;
        ErrorLayer l = ErrorLayer::App;
        for (ErrorLayer candidate : { ErrorLayer::Dns, ErrorLayer::Tcp, ErrorLayer::Tls, ErrorLayer::Proxy,
                 ErrorLayer::Http, ErrorLayer::WebSocket }) {
            if (layer == errorLayerId(candidate))
                l = candidate;
        }
        r.sub = quint8(l);
        payload = JsonLineScanner::stringBytes(field(fields, "message"));
    } else if (event == "info") {
        r.type = EventType::Info;
        payload = JsonLineScanner::stringBytes(field(fields, "message"));
    } else if (event == "open") {
        r.type = EventType::Open;
        payload = JsonLineScanner::stringBytes(field(fields, "subprotocol"));
        if (pending.openUs < 0)
            pending.openUs = r.timeUs;
    } else if (event == "handshake_request") {
        r.type = EventType::HandshakeRequest;
        wireBytes(fields, "raw", &payload);
        HttpHead &head = pending.handshake.request;
        head.isRequest = true;
        head.method = stringText(field(fields, "method")).toLatin1();
        head.target = stringText(field(fields, "target")).toLatin1();
        head.headers = headersFrom(field(fields, "headers"));
        head.raw = payload;
        head.version = httpVersion(payload, true);
        pending.handshake.requestComplete = true;
        pending.url = stringText(field(fields, "url"));
        pending.requestUs = r.timeUs;
    } else if (event == "handshake_response") {
        r.type = EventType::HandshakeResponse;
        QByteArray raw;
        QByteArray body;
        wireBytes(fields, "raw", &raw);
        wireBytes(fields, "body", &body);
        HttpHead &head = pending.handshake.response;
        qint64 status = 0;
        toInt64(field(fields, "status"), &status);
        head.status = int(status);
        head.reason = stringText(field(fields, "reason")).toLatin1();
        head.headers = headersFrom(field(fields, "headers"));
        head.raw = raw;
        head.version = httpVersion(raw, false);
        pending.handshake.responseComplete = true;
        pending.handshake.responseBody = body;
        const QJsonObject accept = nested(field(fields, "accept")).toObject();
        if (!accept.isEmpty()) {
            pending.handshake.accept = computeAccept(accept.value(QLatin1String("key")).toString().toLatin1(),
                accept.value(QLatin1String("received")).toString().toLatin1());
            // What the file says wins: it is the record of what was seen.
            pending.handshake.accept.expected = accept.value(QLatin1String("expected")).toString().toLatin1();
            pending.handshake.accept.valid = accept.value(QLatin1String("valid")).toBool();
        }
        r.value = quint64(raw.size());
        payload = raw + body;
        pending.responseUs = r.timeUs;
    } else if (event == "tls") {
        r.type = EventType::Tls;
        payload = JsonLineScanner::stringBytes(field(fields, "summary"));
        TlsReport &tls = pending.handshake.tls;
        pending.handshake.tlsKnown = true;
        tls.handshakeDone = true;
        tls.host = stringText(field(fields, "host"));
        tls.protocol = stringText(field(fields, "protocol"));
        tls.cipher = stringText(field(fields, "cipher"));
        tls.alpn = stringText(field(fields, "alpn"));
        tls.verified = toBool(field(fields, "verified"));
        tls.proceededDespiteErrors = toBool(field(fields, "proceeded_despite_errors"));
        tls.errorTexts.clear();
        for (const QJsonValue &e : nested(field(fields, "errors")).toArray())
            tls.errorTexts << e.toString();
        tls.chain.clear();
        for (const QJsonValue &c : nested(field(fields, "chain")).toArray()) {
            const QJsonObject o = c.toObject();
            CertificateSummary s;
            s.subject = o.value(QLatin1String("subject")).toString();
            s.issuer = o.value(QLatin1String("issuer")).toString();
            for (const QJsonValue &san : o.value(QLatin1String("san")).toArray())
                s.subjectAltNames << san.toString();
            s.notBefore = QDateTime::fromString(o.value(QLatin1String("not_before")).toString(), Qt::ISODate);
            s.notAfter = QDateTime::fromString(o.value(QLatin1String("not_after")).toString(), Qt::ISODate);
            s.sha256 = o.value(QLatin1String("sha256")).toString();
            const QString key = o.value(QLatin1String("key")).toString();
            const qsizetype space = key.lastIndexOf(QLatin1Char(' '));
            s.keyType = key.left(space);
            s.keyBits = key.mid(space + 1).toInt();
            tls.chain << s;
        }
    } else {
        // Fields are only ever added to format 1, but a newer writer may know more events: keep what it said.
        const QString name = stringText(eventValue);
        const QString note
            = QStringLiteral("events of type \"%1\" are not known to this version; kept as info rows.").arg(name);
        if (!m_notes.contains(note))
            m_notes << note;
        r.type = EventType::Info;
        payload = QStringLiteral("%1: %2").arg(name, QString::fromUtf8(line)).toUtf8();
    }

    holdOrAppend(index, r, payload, event == "handshake_request" ? stringText(field(fields, "url")) : QString());
    m_lineOrder.push_back(quint32(index));
    return true;
}

void SessionLogReader::holdOrAppend(
    size_t index, const EventRecord &record, const QByteArray &payload, const QString &url)
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
            pending.held.push_back({ record, payload });
            return;
        }
        ConnectionOptions options;
        options.url = QUrl(url);
        connection = std::make_unique<Connection>(options);
        for (const auto &held : pending.held)
            connection->appendEvent(held.first, held.second);
        pending.held.clear();
    }
    connection->appendEvent(record, payload);
}

bool SessionLogReader::finishAll()
{
    if (!m_headerSeen)
        return fail(0, QStringLiteral("The file is empty: a session log starts with a \"format\" line."));
    for (size_t i = 0; i < m_connections.size(); ++i) {
        if (!m_connections[i]) { // only lines that never named a URL
            ConnectionOptions options;
            m_connections[i] = std::make_unique<Connection>(options);
            for (const auto &held : m_pending[i]->held)
                m_connections[i]->appendEvent(held.first, held.second);
            m_pending[i]->held.clear();
        }
        Connection &connection = *m_connections[i];
        Pending &pending = *m_pending[i];
        HandshakeRecord &hs = pending.handshake;
        if (hs.requestComplete && hs.responseComplete)
            hs.checks = checkHandshake(hs.request, hs.response);
        const bool secure = connection.url().scheme() == QLatin1String("wss");
        hs.intercepted = secure && hs.requestComplete;
        hs.encrypted = secure && !hs.requestComplete;

        ConnectionTimings timings;
        if (pending.requestUs >= 0 && pending.responseUs >= pending.requestUs)
            timings.upgradeUs = pending.responseUs - pending.requestUs;
        const qint64 endUs = pending.openUs >= 0 ? pending.openUs : pending.lastUs;
        if (pending.firstUs >= 0)
            timings.totalUs = endUs - pending.firstUs;

        const Connection::State state = pending.openUs >= 0 ? Connection::State::Closed : Connection::State::Failed;
        connection.restoreImported(hs, timings, state, {});
        // The explanation reads the events, so it comes once they are all in.
        const CloseExplanation explanation = connection.closeExplanation();
        connection.restoreImported(hs, timings, state, explanation.summary);
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
