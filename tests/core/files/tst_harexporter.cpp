// HarExporter: HAR 1.2 with Chrome's _webSocketMessages, checked field by field against the HAR 1.2 shape
// (required fields and their types) and read back by HarImporter; a binary message round-trips byte-exact.
#include "connection/connection.h"
#include "files/harexporter.h"
#include "files/harimporter.h"
#include "peerprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wsi;

namespace {

// A small schema check: each required field of HAR 1.2 (and of Chrome's WebSocket extension) with its JSON
// type. Returns the first problem as "log.entries[0].request.headers[2].value: expected string", or empty.
enum class T { String, Number, Integer, Object, Array, Bool };

QString typeProblem(const QJsonValue &v, T type)
{
    switch (type) {
    case T::String:
        return v.isString() ? QString() : QStringLiteral("expected string");
    case T::Number:
        return v.isDouble() ? QString() : QStringLiteral("expected number");
    case T::Integer:
        return v.isDouble() && v.toDouble() == double(qint64(v.toDouble())) ? QString()
                                                                            : QStringLiteral("expected integer");
    case T::Object:
        return v.isObject() ? QString() : QStringLiteral("expected object");
    case T::Array:
        return v.isArray() ? QString() : QStringLiteral("expected array");
    case T::Bool:
        return v.isBool() ? QString() : QStringLiteral("expected boolean");
    }
    return {};
}

QString require(const QJsonObject &o, const QString &path, const QList<QPair<const char *, T>> &fields)
{
    for (const auto &f : fields) {
        const QString name = QLatin1String(f.first);
        if (!o.contains(name))
            return QStringLiteral("%1.%2: missing").arg(path, name);
        const QString problem = typeProblem(o.value(name), f.second);
        if (!problem.isEmpty())
            return QStringLiteral("%1.%2: %3").arg(path, name, problem);
    }
    return {};
}

QString checkNameValues(const QJsonArray &list, const QString &path)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString p = QStringLiteral("%1[%2]").arg(path).arg(i);
        if (!list.at(i).isObject())
            return p + QStringLiteral(": expected object");
        const QString problem = require(list.at(i).toObject(), p, { { "name", T::String }, { "value", T::String } });
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

#define CHECK(expr)                                                                                                    \
    do {                                                                                                               \
        const QString problem_ = (expr);                                                                               \
        if (!problem_.isEmpty())                                                                                       \
            return problem_;                                                                                           \
    } while (false)

QString validateHar(const QJsonDocument &doc)
{
    if (!doc.isObject())
        return QStringLiteral("top level: expected object");
    CHECK(require(doc.object(), QStringLiteral("$"), { { "log", T::Object } }));
    const QJsonObject log = doc.object().value(QLatin1String("log")).toObject();
    CHECK(require(
        log, QStringLiteral("log"), { { "version", T::String }, { "creator", T::Object }, { "entries", T::Array } }));
    if (log.value(QLatin1String("version")).toString() != QLatin1String("1.2"))
        return QStringLiteral("log.version: expected \"1.2\"");
    CHECK(require(log.value(QLatin1String("creator")).toObject(), QStringLiteral("log.creator"),
        { { "name", T::String }, { "version", T::String } }));
    const QJsonArray entries = log.value(QLatin1String("entries")).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString p = QStringLiteral("log.entries[%1]").arg(i);
        const QJsonObject e = entries.at(i).toObject();
        CHECK(require(e, p,
            { { "startedDateTime", T::String }, { "time", T::Number }, { "request", T::Object },
                { "response", T::Object }, { "cache", T::Object }, { "timings", T::Object },
                { "_resourceType", T::String }, { "_webSocketMessages", T::Array } }));
        if (!QDateTime::fromString(e.value(QLatin1String("startedDateTime")).toString(), Qt::ISODateWithMs).isValid())
            return p + QStringLiteral(".startedDateTime: not ISO 8601");
        const QJsonObject req = e.value(QLatin1String("request")).toObject();
        CHECK(require(req, p + QStringLiteral(".request"),
            { { "method", T::String }, { "url", T::String }, { "httpVersion", T::String }, { "cookies", T::Array },
                { "headers", T::Array }, { "queryString", T::Array }, { "headersSize", T::Integer },
                { "bodySize", T::Integer } }));
        CHECK(checkNameValues(req.value(QLatin1String("headers")).toArray(), p + QStringLiteral(".request.headers")));
        CHECK(checkNameValues(
            req.value(QLatin1String("queryString")).toArray(), p + QStringLiteral(".request.queryString")));
        const QJsonObject res = e.value(QLatin1String("response")).toObject();
        CHECK(require(res, p + QStringLiteral(".response"),
            { { "status", T::Integer }, { "statusText", T::String }, { "httpVersion", T::String },
                { "cookies", T::Array }, { "headers", T::Array }, { "content", T::Object },
                { "redirectURL", T::String }, { "headersSize", T::Integer }, { "bodySize", T::Integer } }));
        CHECK(checkNameValues(res.value(QLatin1String("headers")).toArray(), p + QStringLiteral(".response.headers")));
        CHECK(require(res.value(QLatin1String("content")).toObject(), p + QStringLiteral(".response.content"),
            { { "size", T::Integer }, { "mimeType", T::String } }));
        const QJsonObject timings = e.value(QLatin1String("timings")).toObject();
        CHECK(require(timings, p + QStringLiteral(".timings"),
            { { "send", T::Number }, { "wait", T::Number }, { "receive", T::Number } }));
        for (const char *name : { "send", "wait", "receive" }) {
            if (timings.value(QLatin1String(name)).toDouble() < 0)
                return p + QStringLiteral(".timings.%1: must not be negative").arg(QLatin1String(name));
        }
        if (e.value(QLatin1String("_resourceType")).toString() != QLatin1String("websocket"))
            return p + QStringLiteral("._resourceType: expected \"websocket\"");
        const QJsonArray messages = e.value(QLatin1String("_webSocketMessages")).toArray();
        for (qsizetype k = 0; k < messages.size(); ++k) {
            const QString mp = p + QStringLiteral("._webSocketMessages[%1]").arg(k);
            const QJsonObject m = messages.at(k).toObject();
            CHECK(require(m, mp,
                { { "type", T::String }, { "time", T::Number }, { "opcode", T::Integer }, { "data", T::String } }));
            const QString type = m.value(QLatin1String("type")).toString();
            if (type != QLatin1String("send") && type != QLatin1String("receive"))
                return mp + QStringLiteral(".type: expected send or receive");
            const int opcode = m.value(QLatin1String("opcode")).toInt();
            if (opcode != 1 && opcode != 2)
                return mp + QStringLiteral(".opcode: expected 1 or 2");
            if (m.value(QLatin1String("time")).toDouble() < 1e9)
                return mp + QStringLiteral(".time: expected seconds since the epoch");
        }
    }
    return {};
}

} // namespace

class tst_HarExporter : public QObject
{
    Q_OBJECT

private:
    PeerProcess m_python;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_python.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py"))); }

    void schemaCheckerCatchesMistakes()
    {
        QVERIFY(!validateHar(QJsonDocument(QJsonObject {})).isEmpty());
        QJsonObject doc = HarExporter::document({});
        QVERIFY2(validateHar(QJsonDocument(doc)).isEmpty(), qPrintable(validateHar(QJsonDocument(doc))));
        QJsonObject log = doc.value(QLatin1String("log")).toObject();
        log.insert(QStringLiteral("version"), 1.2);
        doc.insert(QStringLiteral("log"), log);
        QCOMPARE(validateHar(QJsonDocument(doc)), QStringLiteral("log.version: expected string"));
    }

    void exportsARealSessionThatReadsBackByteExact()
    {
        ConnectionOptions options;
        options.url = QUrl(m_python.url(QStringLiteral("/echo?room=a%20b&x=1")));
        options.subprotocols = { QStringLiteral("chat") };
        options.headers = { { "X-Custom", "42" } };
        Connection c(options);
        c.open();
        QTRY_COMPARE_WITH_TIMEOUT(c.state(), Connection::State::Open, 10000);
        QByteArray binary;
        for (int i = 0; i < 256; ++i)
            binary += char(255 - i);
        binary += QByteArray("\x00\x00\xff", 3);
        QVERIFY(c.sendText(QStringLiteral("héllo \"HAR\" 👋")));
        QVERIFY(c.sendBinary(binary));
        QTRY_COMPARE_WITH_TIMEOUT(c.counters().messagesIn, quint64(2), 5000);
        c.close(1000, QStringLiteral("done"));
        QSignalSpy finished(&c, &Connection::finished);
        QVERIFY(finished.wait(10000));

        const QByteArray har = HarExporter::toJson({ &c });
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(har, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QString problem = validateHar(doc);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        const QJsonObject entry = doc.object()[QLatin1String("log")][QLatin1String("entries")][0].toObject();
        const QJsonObject request = entry[QLatin1String("request")].toObject();
        QCOMPARE(request[QLatin1String("method")].toString(), QStringLiteral("GET"));
        QCOMPARE(request[QLatin1String("httpVersion")].toString(), QStringLiteral("HTTP/1.1"));
        QCOMPARE(request[QLatin1String("url")].toString(), c.url().toString(QUrl::FullyEncoded));
        QCOMPARE(request[QLatin1String("headersSize")].toInt(), c.handshake().request.raw.size());
        QCOMPARE(request[QLatin1String("queryString")].toArray().size(), 2);
        QCOMPARE(request[QLatin1String("queryString")][0][QLatin1String("value")].toString(), QStringLiteral("a b"));
        // Every header on the wire, Qt's own included, in wire order.
        const QJsonArray headers = request[QLatin1String("headers")].toArray();
        QCOMPARE(headers.size(), c.handshake().request.headers.size());
        for (qsizetype i = 0; i < headers.size(); ++i)
            QCOMPARE(headers[i][QLatin1String("name")].toString().toLatin1(), c.handshake().request.headers[i].name);
        const QJsonObject response = entry[QLatin1String("response")].toObject();
        QCOMPARE(response[QLatin1String("status")].toInt(), 101);
        QCOMPARE(response[QLatin1String("statusText")].toString(), QStringLiteral("Switching Protocols"));
        const QJsonArray messages = entry[QLatin1String("_webSocketMessages")].toArray();
        QCOMPARE(messages.size(), 4);
        QCOMPARE(messages[0][QLatin1String("type")].toString(), QStringLiteral("send"));
        QCOMPARE(messages[0][QLatin1String("opcode")].toInt(), 1);
        QCOMPARE(messages[0][QLatin1String("data")].toString(), QStringLiteral("héllo \"HAR\" 👋"));
        QCOMPARE(messages[3][QLatin1String("type")].toString(), QStringLiteral("receive"));
        QCOMPARE(messages[3][QLatin1String("opcode")].toInt(), 2);
        QCOMPARE(QByteArray::fromBase64(messages[3][QLatin1String("data")].toString().toLatin1()), binary);

        // Our importer reads it back: handshake, directions, times (to the microsecond) and bytes.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.har"));
        QString writeError;
        QVERIFY2(HarExporter::writeFile(path, { &c }, &writeError), qPrintable(writeError));
        HarImporter importer;
        QVERIFY2(importer.readFile(path), qPrintable(importer.errorString()));
        QCOMPARE(importer.connections().size(), size_t(1));
        const Connection &back = *importer.connections().front();
        QVERIFY(back.isImported());
        QCOMPARE(back.url(), c.url());
        QCOMPARE(back.handshake().response.status, 101);
        QCOMPARE(back.handshake().request.headers.size(), c.handshake().request.headers.size());
        QVERIFY(back.handshake().accept.valid);
        QList<qsizetype> original;
        QList<qsizetype> imported;
        for (qsizetype i = 0; i < c.events().size(); ++i)
            if (c.events().at(i).type == EventType::Message)
                original << i;
        for (qsizetype i = 0; i < back.events().size(); ++i)
            if (back.events().at(i).type == EventType::Message)
                imported << i;
        QCOMPARE(imported.size(), original.size());
        for (qsizetype k = 0; k < original.size(); ++k) {
            const EventRecord &a = c.events().at(original[k]);
            const EventRecord &b = back.events().at(imported[k]);
            QCOMPARE(back.events().payloadCopy(imported[k]), c.events().payloadCopy(original[k]));
            QCOMPARE(b.dir, a.dir);
            QCOMPARE(b.flags & FlagText, a.flags & FlagText);
            QVERIFY2(qAbs(b.timeUs - a.timeUs) <= 1, qPrintable(QString::number(b.timeUs - a.timeUs)));
        }
    }

    void invalidUtf8TextKeepsItsBytes()
    {
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("ws://127.0.0.1:1/"));
        Connection c(options);
        EventRecord r;
        r.type = EventType::Message;
        r.dir = Direction::Incoming;
        r.flags = FlagText;
        r.timeUs = 1700000000000000;
        c.appendEvent(r, QByteArray("\xc3\x28 bad", 6));
        c.restoreImported(HandshakeRecord {}, ConnectionTimings {}, Connection::State::Closed, {});
        const QByteArray har = HarExporter::toJson({ &c });
        QVERIFY(validateHar(QJsonDocument::fromJson(har)).isEmpty());
        HarImporter importer;
        QVERIFY(importer.read(har));
        const Connection &back = *importer.connections().front();
        QCOMPARE(back.events().payloadCopy(back.events().size() - 1), QByteArray("\xc3\x28 bad", 6));
    }

    void exportsAWholeWorkspaceAndRefusals()
    {
        ConnectionOptions options;
        options.url = QUrl(m_python.url(QStringLiteral("/reject")));
        Connection refused(options);
        refused.open();
        QSignalSpy finished(&refused, &Connection::finished);
        QVERIFY(finished.wait(10000));
        Connection empty(ConnectionOptions {});
        const QJsonDocument doc = QJsonDocument::fromJson(HarExporter::toJson({ &refused, &empty }));
        QVERIFY2(validateHar(doc).isEmpty(), qPrintable(validateHar(doc)));
        const QJsonArray entries = doc.object()[QLatin1String("log")][QLatin1String("entries")].toArray();
        QCOMPARE(entries.size(), 2);
        const QJsonObject response = entries[0][QLatin1String("response")].toObject();
        QCOMPARE(response[QLatin1String("status")].toInt(), 403);
        QCOMPARE(response[QLatin1String("content")][QLatin1String("text")].toString(),
            QStringLiteral("forbidden: token missing\n"));
        QCOMPARE(
            response[QLatin1String("content")][QLatin1String("mimeType")].toString(), QStringLiteral("text/plain"));
        HarImporter importer;
        QVERIFY(importer.read(QJsonDocument(doc).toJson()));
        QCOMPARE(importer.connections().size(), size_t(2));
        QCOMPARE(importer.connections()[0]->state(), Connection::State::Failed);
        QCOMPARE(importer.connections()[0]->handshake().responseBody, QByteArray("forbidden: token missing\n"));
        QVERIFY(importer.connections()[0]->statusText().contains(QStringLiteral("403")));
    }
};

QTEST_GUILESS_MAIN(tst_HarExporter)
#include "tst_harexporter.moc"
