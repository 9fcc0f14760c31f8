// A proxied connection read back from a session log keeps its two legs: each line's events, handshake and
// marks on the leg its "leg" names, and export -> import -> export writes the same lines byte for byte.
#include "connection/connection.h"
#include "files/sessionexporter.h"
#include "files/sessionlogreader.h"
#include "files/sessionlogwriter.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace wsi;

namespace {

// conn 3 is proxied (every line says its leg); conn 4, interleaved with it, is an ordinary connection.
// The two lines at t_us ...005000 tie, both received by the proxy: the client leg's comes first (LegOrder).
const QByteArray kLines[] = {
    R"({"conn":3,"dir":"in","event":"handshake_request","headers":[["Host","127.0.0.1:8080"],["Upgrade","websocket"],["Sec-WebSocket-Key","dGhlIHNhbXBsZSBub25jZQ=="]],"leg":"client","method":"GET","raw":"GET /chat HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUpgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n","t":"2026-01-01T00:00:00.000Z","t_us":1767225600000000,"target":"/chat","url":"ws://upstream.test:9000/chat"})",
    R"({"conn":4,"event":"info","message":"not proxied","t":"2026-01-01T00:00:00.000Z","t_us":1767225600000500})",
    R"({"conn":3,"dir":"out","event":"handshake_request","headers":[["Host","upstream.test:9000"],["Upgrade","websocket"],["Sec-WebSocket-Key","dGhlIHNhbXBsZSBub25jZQ=="]],"leg":"server","method":"GET","raw":"GET /chat HTTP/1.1\r\nHost: upstream.test:9000\r\nUpgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n","t":"2026-01-01T00:00:00.001Z","t_us":1767225600001000,"target":"/chat","url":"ws://upstream.test:9000/chat"})",
    R"({"accept":{"expected":"s3pPLMBiTxaQ9kYGzzhZRbK+xOo=","key":"dGhlIHNhbXBsZSBub25jZQ==","received":"s3pPLMBiTxaQ9kYGzzhZRbK+xOo=","valid":true},"conn":3,"dir":"in","event":"handshake_response","headers":[["Upgrade","websocket"],["Sec-WebSocket-Accept","s3pPLMBiTxaQ9kYGzzhZRbK+xOo="],["X-Upstream","yes"]],"leg":"server","raw":"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nX-Upstream: yes\r\n\r\n","reason":"Switching Protocols","status":101,"t":"2026-01-01T00:00:00.002Z","t_us":1767225600002000})",
    R"({"conn":3,"event":"open","leg":"server","subprotocol":"","t":"2026-01-01T00:00:00.002Z","t_us":1767225600002001})",
    R"({"accept":{"expected":"s3pPLMBiTxaQ9kYGzzhZRbK+xOo=","key":"dGhlIHNhbXBsZSBub25jZQ==","received":"s3pPLMBiTxaQ9kYGzzhZRbK+xOo=","valid":true},"conn":3,"dir":"out","event":"handshake_response","headers":[["Upgrade","websocket"],["Sec-WebSocket-Accept","s3pPLMBiTxaQ9kYGzzhZRbK+xOo="]],"leg":"client","raw":"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n","reason":"Switching Protocols","status":101,"t":"2026-01-01T00:00:00.003Z","t_us":1767225600003000})",
    R"({"conn":3,"event":"open","leg":"client","subprotocol":"","t":"2026-01-01T00:00:00.003Z","t_us":1767225600003001})",
    R"({"conn":3,"dir":"in","event":"message","leg":"client","size":11,"t":"2026-01-01T00:00:00.004Z","t_us":1767225600004000,"text":"hello world","type":"text"})",
    R"({"conn":3,"dir":"out","event":"message","leg":"server","original_payload":"hello world","proxy_action":"replaced","size":9,"t":"2026-01-01T00:00:00.004Z","t_us":1767225600004500,"text":"bye world","type":"text"})",
    R"({"conn":3,"dir":"in","event":"message","leg":"client","proxy_action":"dropped","size":6,"t":"2026-01-01T00:00:00.005Z","t_us":1767225600005000,"text":"secret","type":"text"})",
    R"({"conn":3,"dir":"in","event":"message","leg":"server","size":4,"t":"2026-01-01T00:00:00.005Z","t_us":1767225600005000,"text":"pong","type":"text"})",
    R"({"conn":4,"event":"info","message":"still not proxied","t":"2026-01-01T00:00:00.005Z","t_us":1767225600005500})",
    R"({"conn":3,"dir":"out","event":"message","leg":"client","size":4,"t":"2026-01-01T00:00:00.006Z","t_us":1767225600006000,"text":"pong","type":"text"})",
    R"({"conn":3,"dir":"out","event":"message","leg":"client","proxy_action":"injected","size":2,"t":"2026-01-01T00:00:00.007Z","t_us":1767225600007000,"text":"hi","type":"text"})",
    R"({"code":1000,"code_name":"Normal Closure","conn":3,"dir":"in","event":"close","leg":"client","reason":"","t":"2026-01-01T00:00:00.008Z","t_us":1767225600008000})",
    R"({"conn":3,"event":"info","leg":"server","message":"the client closed its TCP connection first","t":"2026-01-01T00:00:00.009Z","t_us":1767225600009000})",
};

QByteArray fileOf(const QByteArray &header, const QList<QByteArray> &lines)
{
    QByteArray file = header;
    for (const QByteArray &line : lines)
        file += line + '\n';
    return file;
}

QList<QByteArray> inputLines()
{
    return QList<QByteArray>(std::begin(kLines), std::end(kLines));
}

// The event lines of a session log with every "conn" renumbered by first appearance (1, 2, ...): each
// Connection of a run has its own id, so a file read back is written with new numbers.
QList<QByteArray> eventLinesOf(const QByteArray &file)
{
    QList<QByteArray> lines = file.split('\n');
    lines.removeFirst(); // the header: its "t" is when it was written
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    static const QRegularExpression conn(QStringLiteral("\"conn\":(\\d+)"));
    QStringList seen;
    for (QByteArray &line : lines) {
        const QString text = QString::fromUtf8(line);
        const QRegularExpressionMatch m = conn.match(text);
        if (!m.hasMatch())
            continue;
        if (!seen.contains(m.captured(1)))
            seen << m.captured(1);
        line = QString(text)
                   .replace(m.capturedStart(), m.capturedLength(),
                       QStringLiteral("\"conn\":%1").arg(seen.indexOf(m.captured(1)) + 1))
                   .toUtf8();
    }
    return lines;
}

QList<const Connection *> viewOf(const std::vector<std::unique_ptr<Connection>> &connections)
{
    QList<const Connection *> view;
    for (const auto &c : connections)
        view << c.get();
    return view;
}

} // namespace

class tst_SessionLegs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void proxiedFileKeepsBothLegs()
    {
        SessionLogReader reader;
        QVERIFY2(reader.read(fileOf(SessionLogWriter::header(QStringLiteral("t")), inputLines())),
            qPrintable(reader.errorString()));
        QCOMPARE(reader.connections().size(), size_t(2));
        const Connection &proxied = *reader.connections().at(0);
        QCOMPARE(proxied.kind(), Connection::Kind::Proxied);
        QVERIFY(proxied.hasTwoLegs());
        QVERIFY(proxied.isImported());
        QCOMPARE(proxied.state(), Connection::State::Closed);
        QCOMPARE(proxied.url(), QUrl(QStringLiteral("ws://upstream.test:9000/chat")));

        const ConnectionLeg &client = *proxied.leg(ConnectionLeg::Facing::Client);
        const ConnectionLeg &server = *proxied.leg(ConnectionLeg::Facing::Server);
        QCOMPARE(client.events.size(), qsizetype(8));
        QCOMPARE(server.events.size(), qsizetype(6));
        QCOMPARE(proxied.events().size(), server.events.size());

        // Each leg's own handshake: the request as the client sent it, and as it went upstream.
        QCOMPARE(client.handshake.request.headers.at(0).value, QByteArray("127.0.0.1:8080"));
        QCOMPARE(server.handshake.request.headers.at(0).value, QByteArray("upstream.test:9000"));
        QCOMPARE(client.handshake.response.status, 101);
        QCOMPARE(server.handshake.response.status, 101);
        QCOMPARE(server.handshake.response.headers.size(), 3);
        QCOMPARE(client.handshake.response.headers.size(), 2);
        QVERIFY(client.handshake.accept.valid);
        QCOMPARE(proxied.handshake().request.headers.at(0).value, QByteArray("upstream.test:9000"));
        QCOMPARE(client.timings.upgradeUs, qint64(3000));
        QCOMPARE(server.timings.upgradeUs, qint64(1000));

        // Marks on the leg their line named.
        QCOMPARE(server.proxyMarks.size(), 1);
        QCOMPARE(server.proxyMarks.value(3).action, ProxyMark::Action::Replaced);
        QCOMPARE(server.proxyMarks.value(3).original, QByteArray("hello world"));
        QCOMPARE(client.proxyMarks.size(), 2);
        QCOMPARE(client.proxyMarks.value(4).action, ProxyMark::Action::Dropped);
        QCOMPARE(client.proxyMarks.value(6).action, ProxyMark::Action::Injected);
        QCOMPARE(client.events.payloadCopy(3), QByteArray("hello world"));
        QCOMPARE(client.counters.messagesIn, quint64(2));
        QCOMPARE(client.counters.messagesOut, quint64(2));

        const Connection &plain = *reader.connections().at(1);
        QCOMPARE(plain.kind(), Connection::Kind::Outgoing);
        QVERIFY(!plain.hasTwoLegs());
        QCOMPARE(plain.events().size(), qsizetype(2));
    }

    void exportImportExportIsByteIdentical()
    {
        SessionLogReader first;
        QVERIFY2(first.read(fileOf(SessionLogWriter::header(QStringLiteral("t")), inputLines())),
            qPrintable(first.errorString()));
        const QByteArray exported = SessionExporter::sessionLog(viewOf(first.connections()), QStringLiteral("t"));
        // The lines as the proxy wrote them: both legs with "leg", in time order, the other connection without.
        const QList<QByteArray> exportedLines = eventLinesOf(exported);
        const QList<QByteArray> expected
            = eventLinesOf(fileOf(SessionLogWriter::header(QStringLiteral("t")), inputLines()));
        QCOMPARE(exportedLines.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i)
            QCOMPARE(exportedLines.at(i), expected.at(i));

        SessionLogReader second;
        QVERIFY2(second.read(exported), qPrintable(second.errorString()));
        const QByteArray again = SessionExporter::sessionLog(viewOf(second.connections()), QStringLiteral("t"));
        QCOMPARE(eventLinesOf(again), exportedLines);

        // The export to a file (secrets masked by default) keeps both legs and the marks as well.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("proxied.jsonl"));
        QString error;
        QVERIFY2(SessionExporter::write(path, SessionExporter::Format::SessionLog, viewOf(second.connections()),
                     SessionExporter::Options {}, &error),
            qPrintable(error));
        SessionLogReader third;
        QVERIFY2(third.readFile(path), qPrintable(third.errorString()));
        QCOMPARE(third.connections().at(0)->kind(), Connection::Kind::Proxied);
        QCOMPARE(
            eventLinesOf(SessionExporter::sessionLog(viewOf(third.connections()), QStringLiteral("t"))), exportedLines);
    }

    void aFileWithoutLegsIsUnchanged()
    {
        QList<QByteArray> lines;
        for (const QByteArray &line : kLines) {
            if (line.contains("\"conn\":4"))
                lines << line;
        }
        const QByteArray file = fileOf(SessionLogWriter::header(QStringLiteral("t")), lines);
        SessionLogReader reader;
        QVERIFY2(reader.read(file), qPrintable(reader.errorString()));
        QCOMPARE(reader.connections().size(), size_t(1));
        QCOMPARE(reader.connections().front()->kind(), Connection::Kind::Outgoing);
        const QByteArray exported = SessionExporter::sessionLog(viewOf(reader.connections()), QStringLiteral("t"));
        QCOMPARE(eventLinesOf(exported), eventLinesOf(file));
        QVERIFY(!exported.contains("\"leg\""));
    }

    void refusesABadLegOrAMixedConnection()
    {
        const QByteArray header = SessionLogWriter::header(QStringLiteral("t"));
        SessionLogReader bad;
        QVERIFY(!bad.read(header + R"({"conn":1,"event":"info","leg":"middle","message":"x","t_us":1})" + "\n"));
        QVERIFY2(bad.errorString().contains(QStringLiteral("\"leg\"")), qPrintable(bad.errorString()));
        QCOMPARE(bad.errorLine(), 2);
        SessionLogReader mixed;
        QVERIFY(!mixed.read(header + R"({"conn":1,"event":"info","leg":"client","message":"x","t_us":1})" + "\n"
            + R"({"conn":1,"event":"info","message":"y","t_us":2})" + "\n"));
        QCOMPARE(mixed.errorLine(), 3);
    }
};

QTEST_GUILESS_MAIN(tst_SessionLegs)
#include "tst_sessionlegs.moc"
