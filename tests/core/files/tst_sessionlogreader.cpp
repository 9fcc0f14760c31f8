// SessionLogReader: sessions recorded from a real python3-websockets peer and hand-made ones (invalid UTF-8,
// TLS, every event type) are written, read back and written again: the event lines must be byte-identical.
// What the reader refuses or tolerates in damaged and unusual input is tst_sessionlogrefusals.
#include "connection/connection.h"
#include "explain/closeexplainer.h"
#include "files/sessionlogreader.h"
#include "files/sessionlogwriter.h"
#include "peerprocess.h"
#include "protocol/frameheader.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wsi;

namespace {

QByteArray eventLines(const Connection &c)
{
    QByteArray out;
    for (qsizetype i = 0; i < c.events().size(); ++i)
        out += SessionLogWriter::eventLine(c, i);
    return out;
}

// Each Connection of a run has its own id, so a re-read connection is written with a new "conn" number;
// put the original back (the key is never inside a string: quotes in strings are escaped).
QByteArray renumbered(QByteArray lines, int from, int to)
{
    const QByteArray a = "\"conn\":" + QByteArray::number(from) + ',';
    const QByteArray b = "\"conn\":" + QByteArray::number(to) + ',';
    lines.replace('{' + a, '{' + b);
    lines.replace(',' + a, ',' + b);
    return lines;
}

// Writes back what the reader read, in the file's line order and with the file's conn numbers.
QByteArray rewrite(const SessionLogReader &reader)
{
    QByteArray out;
    std::vector<qsizetype> next(reader.connections().size(), 0);
    for (quint32 index : reader.lineOrder()) {
        const Connection &c = *reader.connections()[index];
        out += renumbered(SessionLogWriter::eventLine(c, next[index]++), c.id(), reader.originalIds()[index]);
    }
    return out;
}

QByteArray session(const QByteArray &lines)
{
    return SessionLogWriter::header(QStringLiteral("tst_sessionlogreader")) + lines;
}

EventRecord record(EventType type, Direction dir, qint64 t, quint8 flags = 0, quint64 value = 0, quint8 sub = 0)
{
    EventRecord r;
    r.type = type;
    r.dir = dir;
    r.timeUs = t;
    r.flags = flags;
    r.value = value;
    r.sub = sub;
    return r;
}

ConnectionOptions optionsFor(const QString &url)
{
    ConnectionOptions options;
    options.url = QUrl(url);
    return options;
}

bool waitFinished(Connection &c, int ms = 15000)
{
    QSignalSpy spy(&c, &Connection::finished);
    return spy.count() > 0 || spy.wait(ms);
}

} // namespace

class tst_SessionLogReader : public QObject
{
    Q_OBJECT

private:
    PeerProcess m_python;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_python.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")),
            "python3-websockets server did not start");
    }

    void roundTripsSessionsFromARealPeer_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("converse");
        QTest::newRow("echo: text, binary, ping, client close") << QStringLiteral("/echo") << true;
        QTest::newRow("fragmented message") << QStringLiteral("/fragmented") << true;
        QTest::newRow("server closes with 4001") << QStringLiteral("/close4001") << false;
        QTest::newRow("upgrade refused with 403 and a body") << QStringLiteral("/reject") << false;
        QTest::newRow("server drops TCP (1006)") << QStringLiteral("/drop") << true;
        QTest::newRow("server pings") << QStringLiteral("/ping") << true;
    }

    void roundTripsSessionsFromARealPeer()
    {
        QFETCH(QString, path);
        QFETCH(bool, converse);
        ConnectionOptions options;
        options.url = QUrl(m_python.url(path));
        options.subprotocols = { QStringLiteral("chat") };
        options.timeoutMs = 10000;
        Connection c(options);
        c.open();
        if (converse) {
            QTRY_COMPARE_WITH_TIMEOUT(c.state(), Connection::State::Open, 10000);
            QByteArray binary;
            for (int i = 0; i < 256; ++i)
                binary += char(i);
            QVERIFY(c.sendText(QStringLiteral("héllo \"quoted\"\n\ttabbed \\ back")));
            if (path != QLatin1String("/drop")) {
                QVERIFY(c.sendBinary(binary));
                QVERIFY(c.ping("are you there"));
                QTest::qWait(200);
                c.close(1000, QStringLiteral("done ✓"));
            }
        }
        QVERIFY(waitFinished(c));
        QVERIFY(c.events().size() >= 2);

        const QByteArray original = session(eventLines(c));
        SessionLogReader reader;
        QVERIFY2(reader.read(original), qPrintable(reader.errorString()));
        QCOMPARE(reader.connections().size(), size_t(1));
        QCOMPARE(reader.originalIds().front(), c.id());
        QCOMPARE(reader.format(), QStringLiteral("wsinspector-session/4"));
        QCOMPARE(reader.tool(), QStringLiteral("tst_sessionlogreader"));
        QVERIFY(reader.notes().isEmpty());

        const Connection &read = *reader.connections().front();
        QCOMPARE(read.events().size(), c.events().size());
        const QByteArray again = rewrite(reader);
        QCOMPARE(again, eventLines(c));
        QCOMPARE(session(again).mid(original.indexOf('\n')), original.mid(original.indexOf('\n')));

        // The records, not just the text, are what was captured.
        for (qsizetype i = 0; i < c.events().size(); ++i) {
            const EventRecord &a = c.events().at(i);
            const EventRecord &b = read.events().at(i);
            QCOMPARE(b.type, a.type);
            QCOMPARE(b.dir, a.dir);
            QCOMPARE(b.timeUs, a.timeUs);
            QCOMPARE(b.flags, a.flags);
            if (a.type != EventType::Message) // the store keeps a message's size; the file has the payload
                QCOMPARE(b.value, a.value);
            QCOMPARE(b.maskKey, a.maskKey);
            QCOMPARE(read.events().payloadCopy(i), c.events().payloadCopy(i));
        }
        QCOMPARE(read.url(), c.url());
        QCOMPARE(read.handshake().request.raw, c.handshake().request.raw);
        QCOMPARE(read.handshake().request.version, QByteArray("HTTP/1.1"));
        QCOMPARE(read.handshake().response.status, c.handshake().response.status);
        QCOMPARE(read.handshake().response.raw, c.handshake().response.raw);
        QCOMPARE(read.handshake().responseBody, c.handshake().responseBody);
        QCOMPARE(read.handshake().accept.valid, c.handshake().accept.valid);
        QCOMPARE(read.handshake().checks.size(), c.handshake().checks.size());
        QCOMPARE(read.counters().messagesIn, c.counters().messagesIn);
        QCOMPARE(read.counters().messagesOut, c.counters().messagesOut);
        QCOMPARE(read.counters().errors, c.counters().errors);
        QCOMPARE(read.state(), c.state());
        QVERIFY(read.isImported());
        QVERIFY(!c.isImported());
        QVERIFY(!read.statusText().isEmpty());
    }

    void roundTripsEveryFieldOfHandMadeEvents()
    {
        // What no friendly peer sends: invalid UTF-8 in text, ping and close reason; a Close without a code;
        // RSV bits and reserved opcodes; a TLS report; a huge frame length; errors of every layer.
        Connection c(optionsFor(QStringLiteral("wss://example.test:8443/chat?x=1&y=%C3%A9")));
        HandshakeRecord hs;
        hs.request.isRequest = true;
        hs.request.method = "GET";
        hs.request.target = "/chat?x=1&y=%C3%A9";
        hs.request.headers = { { "Host", "example.test:8443" }, { "X-Repeat", "a" }, { "X-Repeat", "b" },
            { "X-Latin", "caf\xc3\xa9" } };
        hs.request.raw = "GET /chat?x=1&y=%C3%A9 HTTP/1.1\r\nHost: example.test:8443\r\n\r\n";
        hs.response.status = 101;
        hs.response.reason = "Switching Protocols";
        hs.response.headers
            = { { "Upgrade", "websocket" }, { "Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=" } };
        hs.response.raw = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n";
        hs.accept = computeAccept("dGhlIHNhbXBsZSBub25jZQ==", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        hs.requestComplete = hs.responseComplete = true;
        hs.tlsKnown = true;
        hs.tls.host = QStringLiteral("example.test");
        hs.tls.protocol = QStringLiteral("TLS 1.3");
        hs.tls.cipher = QStringLiteral("TLS_AES_128_GCM_SHA256");
        hs.tls.alpn = QStringLiteral("http/1.1");
        hs.tls.verified = false;
        hs.tls.proceededDespiteErrors = true;
        hs.tls.errorTexts = { QStringLiteral("The certificate expired on 2024-01-01.") };
        CertificateSummary leaf;
        leaf.subject = QStringLiteral("CN=example.test");
        leaf.issuer = QStringLiteral("CN=Test CA");
        leaf.subjectAltNames = { QStringLiteral("DNS:example.test"), QStringLiteral("IP:127.0.0.1") };
        leaf.notBefore = QDateTime(QDate(2023, 1, 1), QTime(0, 0), Qt::UTC);
        leaf.notAfter = QDateTime(QDate(2024, 1, 1), QTime(12, 30, 5), Qt::UTC);
        leaf.sha256 = QStringLiteral("AB:CD");
        leaf.keyType = QStringLiteral("EC");
        leaf.keyBits = 256;
        hs.tls.chain = { leaf };

        qint64 t = 1764000000123456;
        c.appendEvent(record(EventType::Tls, Direction::None, t++), "example.test with TLS 1.3");
        c.appendEvent(record(EventType::HandshakeRequest, Direction::Outgoing, t++), hs.request.raw);
        c.appendEvent(
            record(EventType::HandshakeResponse, Direction::Incoming, t++, 0, quint64(hs.response.raw.size())),
            hs.response.raw);
        c.appendEvent(record(EventType::Open, Direction::None, t++), "chat");
        c.appendEvent(record(EventType::Frame, Direction::Incoming, t++, FlagFin | FlagRsv1 | FlagRsv3, 5, 1),
            QByteArray::fromHex("c105"));
        c.appendEvent(record(EventType::Frame, Direction::Outgoing, t++, FlagMasked, 0x100000000ull, 0xb),
            QByteArray::fromHex("8bff0000000100000000a1b2c3d4"));
        EventRecord masked = record(EventType::Frame, Direction::Outgoing, t++, FlagFin | FlagMasked, 3, 2);
        masked.maskKey = 0xa1b2c3d4;
        c.appendEvent(masked, QByteArray::fromHex("8283a1b2c3d4"));
        c.appendEvent(record(EventType::Message, Direction::Incoming, t++, FlagText, 2, 3), QByteArray("\xc3\x28", 2));
        c.appendEvent(record(EventType::Message, Direction::Incoming, t++, FlagText, 0), QByteArray());
        c.appendEvent(record(EventType::Message, Direction::Outgoing, t++, 0, 4), QByteArray("\x00\xff\x80\n", 4));
        c.appendEvent(record(EventType::Message, Direction::Outgoing, t++, FlagText | FlagFromSocket, 0),
            QByteArray("\x01\x1f control \xf0\x9f\x98\x80 emoji \x7f"));
        c.appendEvent(record(EventType::Ping, Direction::Outgoing, t++), QByteArray("\xff\xfe", 2));
        c.appendEvent(record(EventType::Pong, Direction::Incoming, t++, 0, 1234), QByteArray("\xff\xfe", 2));
        c.appendEvent(record(EventType::Pong, Direction::Incoming, t++, 0, 0), QByteArray());
        for (ErrorLayer layer : { ErrorLayer::Dns, ErrorLayer::Tcp, ErrorLayer::Tls, ErrorLayer::Proxy,
                 ErrorLayer::Http, ErrorLayer::WebSocket, ErrorLayer::App })
            c.appendEvent(record(EventType::Error, Direction::None, t++, 0, 0, quint8(layer)),
                QByteArray("Something \"went\" wrong: ") + errorLayerId(layer));
        c.appendEvent(record(EventType::Info, Direction::None, t++), "just so you know");
        c.appendEvent(record(EventType::Close, Direction::Incoming, t++, 0, 4001), QByteArray("bye \xc3", 5));
        c.appendEvent(record(EventType::Close, Direction::Outgoing, t++, 0, kNoCloseCode), QByteArray());
        c.restoreImported(hs, ConnectionTimings {}, Connection::State::Closed, {});

        const QByteArray lines = eventLines(c);
        QVERIFY(lines.contains("\"text_base64\":\"wyg=\""));
        QVERIFY(lines.contains("\"reason_base64\""));
        QVERIFY(lines.contains("\"payload_base64\""));
        QVERIFY(lines.contains("\"code\":null"));
        SessionLogReader reader;
        QVERIFY2(reader.read(session(lines)), qPrintable(reader.errorString()));
        QCOMPARE(reader.connections().size(), size_t(1));
        const QList<QByteArray> again = rewrite(reader).split('\n');
        const QList<QByteArray> expected = lines.split('\n');
        QCOMPARE(again.size(), expected.size());
        for (qsizetype i = 0; i < again.size(); ++i)
            QCOMPARE(again.at(i), expected.at(i));
        const Connection &read = *reader.connections().front();
        QCOMPARE(read.events().payloadCopy(7), QByteArray("\xc3\x28", 2));
        QCOMPARE(read.events().at(7).sub, quint8(3));
        QCOMPARE(read.events().at(5).value, 0x100000000ull);
        QCOMPARE(read.events().at(6).maskKey, 0xa1b2c3d4u);
        QCOMPARE(read.events().at(12).value, quint64(1234));
        QVERIFY(read.handshake().tlsKnown);
        QCOMPARE(read.handshake().tls.chain.size(), 1);
        QCOMPARE(read.handshake().tls.chain.first().keyBits, 256);
        QCOMPARE(read.handshake().tls.chain.first().notAfter, leaf.notAfter);
        QVERIFY(read.handshake().intercepted);
        QCOMPARE(read.handshake().request.headers.at(3).value, QByteArray("caf\xc3\xa9"));
        QCOMPARE(read.handshake().accept.expected, hs.accept.expected);
        QVERIFY(read.handshake().accept.valid);
    }

    void roundTripsCompressedMessages()
    {
        // permessage-deflate: a message line carries the inflated payload, "compressed" and its wire length;
        // the frames keep their header with RSV1 and, after it, the deflated payload that crossed the wire.
        Connection c(optionsFor(QStringLiteral("ws://example.test/")));
        qint64 t = 1764000000123456;
        const QByteArray deflated = QByteArray::fromHex("f248cdc9c957c840270000");
        c.appendEvent(record(EventType::Frame, Direction::Incoming, t, FlagFin | FlagRsv1, 11, 1),
            QByteArray::fromHex("c10b") + deflated);
        EventRecord text = record(EventType::Message, Direction::Incoming, t++, FlagText | FlagRsv1, 23, 1);
        text.maskKey = 11;
        c.appendEvent(text, "hello hello hello hello");
        EventRecord binary = record(EventType::Message, Direction::Outgoing, t++, FlagRsv1, 80, 2);
        binary.maskKey = 6;
        c.appendEvent(binary, QByteArray(80, '\0'));
        c.appendEvent(record(EventType::Message, Direction::Outgoing, t++, FlagText, 5, 1), "plain");
        c.restoreImported(HandshakeRecord {}, ConnectionTimings {}, Connection::State::Closed, {});

        const QByteArray lines = eventLines(c);
        const QList<QByteArray> written = lines.split('\n');
        QVERIFY2(written.at(0).contains("\"header_hex\":\"c10b\",")
                && written.at(0).contains(",\"payload_base64\":\"" + deflated.toBase64() + "\","),
            written.at(0).constData());
        QVERIFY(written.at(1).startsWith("{\"compressed\":true,\"conn\":"));
        QVERIFY(written.at(1).endsWith(",\"type\":\"text\",\"wire_length\":11}"));
        QVERIFY(written.at(2).contains("\"compressed\":true,") && written.at(2).endsWith("\"wire_length\":6}"));
        QVERIFY(!written.at(3).contains("compressed") && !written.at(3).contains("wire_length"));
        SessionLogReader reader;
        QVERIFY2(reader.read(session(lines)), qPrintable(reader.errorString()));
        QCOMPARE(rewrite(reader), lines);
        const EventStore &read = reader.connections().front()->events();
        QCOMPARE(read.payloadCopy(0), QByteArray::fromHex("c10b") + deflated);
        QVERIFY(read.at(1).hasFlag(FlagRsv1));
        QCOMPARE(read.at(1).maskKey, 11u);
        QCOMPARE(read.payloadCopy(1), QByteArray("hello hello hello hello"));
        QCOMPARE(read.at(2).maskKey, 6u);
        QCOMPARE(read.at(2).sub, quint8(2));
        QVERIFY(!read.at(3).hasFlag(FlagRsv1));
    }

    void splitsConnectionsByConnIdAndKeepsTheInterleaving()
    {
        const QByteArray lines = R"({"conn":3,"dir":"out","event":"message","size":1,"t_us":10,"text":"a","type":"text"}
{"conn":9,"dir":"in","event":"message","size":1,"t_us":11,"text":"b","type":"text"}
{"conn":3,"event":"info","message":"between","t_us":12}
{"conn":9,"dir":"in","event":"close","code":1001,"code_name":"Going Away","reason":"","t_us":13}
)";
        SessionLogReader reader;
        QVERIFY2(reader.read(session(lines)), qPrintable(reader.errorString()));
        QCOMPARE(reader.connections().size(), size_t(2));
        QCOMPARE(reader.originalIds(), (std::vector<int> { 3, 9 }));
        QCOMPARE(reader.lineOrder(), (std::vector<quint32> { 0, 1, 0, 1 }));
        QCOMPARE(reader.connections()[0]->events().size(), 2);
        QCOMPARE(reader.connections()[1]->events().size(), 2);
        QCOMPARE(reader.connections()[1]->events().at(1).value, quint64(1001));
        auto taken = reader.takeConnections();
        QCOMPARE(taken.size(), size_t(2));
        QVERIFY(reader.connections().empty());
    }

    void readsFilesInBlocksLikeWholeBuffers()
    {
        // More than one 4 MiB read block, with lines straddling the block edges.
        Connection c(optionsFor(QStringLiteral("ws://127.0.0.1:1/")));
        const QByteArray big(3000, 'x');
        for (int i = 0; i < 4000; ++i)
            c.appendEvent(
                record(EventType::Message, Direction::Incoming, 1000 + i, FlagText), big + QByteArray::number(i));
        const QByteArray data = session(eventLines(c));
        QVERIFY(data.size() > 8 * 1024 * 1024);
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("big.jsonl")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(data);
        file.close();
        SessionLogReader fromFile;
        QVERIFY2(fromFile.readFile(file.fileName()), qPrintable(fromFile.errorString()));
        QCOMPARE(fromFile.eventCount(), 4000);
        QCOMPARE(rewrite(fromFile), eventLines(c));
    }

    void importedConnectionIsReadOnlyAndExplained()
    {
        const QByteArray lines = R"({"conn":1,"event":"open","subprotocol":"","t_us":10}
{"code":4001,"code_name":"Private use","conn":1,"dir":"in","event":"close","reason":"bye now","t_us":20}
{"code":4001,"code_name":"Private use","conn":1,"dir":"out","event":"close","reason":"bye now","t_us":1020}
)";
        SessionLogReader reader;
        QVERIFY(reader.read(session(lines)));
        Connection &c = *reader.connections().front();
        QVERIFY(c.isImported());
        QCOMPARE(c.state(), Connection::State::Closed);
        QVERIFY(!c.sendText(QStringLiteral("x")));
        QVERIFY(!c.close());
        c.open();
        QCOMPARE(c.state(), Connection::State::Closed);
        QVERIFY2(c.statusText().contains(QStringLiteral("4001")), qPrintable(c.statusText()));
        QVERIFY2(c.statusText().contains(QStringLiteral("The server")), qPrintable(c.statusText()));
        QCOMPARE(c.timings().totalUs, qint64(0));
    }
};

QTEST_GUILESS_MAIN(tst_SessionLogReader)
#include "tst_sessionlogreader.moc"
