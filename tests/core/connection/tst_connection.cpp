// Connection against real peers on 127.0.0.1: python3-websockets and node-ws, started by the test.
#include "connection/connection.h"
#include "eventquery.h"
#include "peerprocess.h"
#include "protocol/frameheader.h"
#include "store/timingbreakdown.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QWebSocket>

using namespace wsi;

namespace {

struct Found
{
    qsizetype index = -1;
    const EventRecord *record = nullptr;
};

QStringList errorsOf(const Connection &c, ErrorLayer *firstLayer = nullptr)
{
    QStringList errors;
    for (qsizetype i = 0; i < c.events().size(); ++i) {
        const EventRecord &r = c.events().at(i);
        if (r.type == EventType::Error) {
            if (errors.isEmpty() && firstLayer)
                *firstLayer = r.layer();
            errors << c.events().payloadText(i);
        }
    }
    return errors;
}

} // namespace

class tst_Connection : public QObject
{
    Q_OBJECT

private:
    PeerProcess m_python;
    PeerProcess m_node;

    std::unique_ptr<Connection> openTo(const QString &url, const QStringList &subprotocols = {},
        const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        ConnectionOptions options;
        options.url = QUrl(url);
        options.subprotocols = subprotocols;
        options.headers = headers;
        options.timeoutMs = 10000;
        auto c = std::make_unique<Connection>(options);
        c->open();
        return c;
    }

    static bool waitFinished(Connection &c, int ms = 15000)
    {
        QSignalSpy spy(&c, &Connection::finished);
        return spy.count() > 0 || spy.wait(ms);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_python.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")),
            "python3-websockets server did not start");
        QVERIFY2(m_node.start(QStringLiteral("node"), QStringLiteral("ws_server.js")), "node-ws server did not start");
    }

    void recordsUpgradeExactlyAsOnTheWire()
    {
        auto c = openTo(m_python.url(QStringLiteral("/echo")), { QStringLiteral("nope"), QStringLiteral("superchat") },
            { { "X-Custom", "42" } });
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), Connection::State::Open, 10000);
        const HandshakeRecord &hs = c->handshake();
        QVERIFY(hs.requestComplete);
        QCOMPARE(hs.request.method, QByteArray("GET"));
        QCOMPARE(hs.request.target, QByteArray("/echo"));
        // Headers Qt generated itself are on the wire and so in the record.
        for (const char *name : { "Host", "Upgrade", "Connection", "Sec-WebSocket-Key", "Sec-WebSocket-Version" })
            QVERIFY2(hs.request.has(name), name);
        QCOMPARE(hs.request.value("X-Custom"), QByteArray("42"));
        QCOMPARE(hs.request.value("Host"), QStringLiteral("127.0.0.1:%1").arg(m_python.port()).toLatin1());
        QVERIFY(hs.request.raw.startsWith("GET /echo HTTP/1.1\r\n"));
        QVERIFY(hs.request.raw.endsWith("\r\n\r\n"));

        QCOMPARE(hs.response.status, 101);
        QCOMPARE(hs.response.value("X-Test-Peer"), QByteArray("python-websockets"));
        QCOMPARE(hs.response.values("X-Repeat"), (QList<QByteArray> { "one", "two" }));
        QVERIFY(hs.accept.valid);
        QCOMPARE(hs.accept.received, hs.accept.expected);
        QCOMPARE(c->negotiatedSubprotocol(), QStringLiteral("superchat"));
        for (const HandshakeCheckItem &check : hs.checks)
            QVERIFY2(check.passed, qPrintable(check.name + QStringLiteral(": ") + check.explanation));
        QVERIFY(c->timings().tcpUs >= 0);
        QVERIFY(c->timings().upgradeUs >= 0);
        // The tap's own time and the socket's start are measured, not what is left of the total: with the
        // steps they make up the total to the microsecond, and no part is left over.
        const ConnectionTimings &t = c->timings();
        QVERIFY2(t.socketStartUs >= 0, qPrintable(QString::number(t.socketStartUs)));
        QVERIFY2(t.localTapUs >= 0, qPrintable(QString::number(t.localTapUs)));
        QVERIFY(t.dnsUs >= 0);
        QCOMPARE(t.tlsUs, qint64(-1));
        QCOMPARE(t.socketStartUs + t.dnsUs + t.tcpUs + t.upgradeUs + t.localTapUs, t.totalUs);
        const TimingBreakdown breakdown(t, false);
        QCOMPARE(breakdown.parts().constLast().step, TimingBreakdown::Step::Rest);
        QCOMPARE(breakdown.parts().constLast().us, qint64(0));
        QCOMPARE(breakdown.totalUs(), t.totalUs);
        qInfo("loopback ws: socket start %lld us, local tap %lld us, DNS %lld, TCP %lld, upgrade %lld, total %lld us",
            t.socketStartUs, t.localTapUs, t.dnsUs, t.tcpUs, t.upgradeUs, t.totalUs);

        QCOMPARE(c->events().at(0).type, EventType::HandshakeRequest);
        QCOMPARE(c->events().at(1).type, EventType::HandshakeResponse);
        QCOMPARE(c->events().at(2).type, EventType::Open);
        QCOMPARE(c->events().payloadText(2), QStringLiteral("superchat"));
        c->close();
        QVERIFY(waitFinished(*c));
    }

    void echoIsDecodedFromTheWire()
    {
        auto c = openTo(m_python.url(QStringLiteral("/echo")));
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), Connection::State::Open, 10000);
        QVERIFY(c->sendText(QStringLiteral("héllo wire")));
        QTRY_COMPARE_WITH_TIMEOUT(eventsOf(*c, EventType::Message, Direction::Incoming).size(), 1, 5000);
        const qsizetype out = eventsOf(*c, EventType::Message, Direction::Outgoing).value(0, -1);
        const qsizetype in = eventsOf(*c, EventType::Message, Direction::Incoming).value(0);
        QVERIFY(out >= 0);
        QCOMPARE(c->events().payloadText(out), QStringLiteral("héllo wire"));
        QCOMPARE(c->events().payloadText(in), QStringLiteral("héllo wire"));
        QVERIFY(c->events().at(in).hasFlag(FlagText));
        QVERIFY(!c->events().at(in).hasFlag(FlagFromSocket));

        // Client frames are masked on the wire, server frames are not.
        const qsizetype frameOut = eventsOf(*c, EventType::Frame, Direction::Outgoing).value(0, -1);
        const qsizetype frameIn = eventsOf(*c, EventType::Frame, Direction::Incoming).value(0, -1);
        QVERIFY(frameOut >= 0 && frameIn >= 0);
        QVERIFY(c->events().at(frameOut).hasFlag(FlagMasked));
        QVERIFY(c->events().at(frameOut).hasFlag(FlagFin));
        QCOMPARE(c->events().at(frameOut).value, quint64(QByteArray("héllo wire").size()));
        QVERIFY(!c->events().at(frameIn).hasFlag(FlagMasked));
        QCOMPARE(c->counters().messagesIn, quint64(1));
        QCOMPARE(c->counters().messagesOut, quint64(1));
        c->close();
        QVERIFY(waitFinished(*c));
    }

    void clientCloseRecordsTheServersReply()
    {
        auto c = openTo(m_python.url(QStringLiteral("/echo")));
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), Connection::State::Open, 10000);
        QVERIFY(c->close(4000, QStringLiteral("done here")));
        QVERIFY(waitFinished(*c));
        const QList<qsizetype> out = eventsOf(*c, EventType::Close, Direction::Outgoing);
        const QList<qsizetype> in = eventsOf(*c, EventType::Close, Direction::Incoming);
        QCOMPARE(out.size(), 1);
        QCOMPARE(c->events().at(out[0]).value, quint64(4000));
        QCOMPARE(c->events().payloadText(out[0]), QStringLiteral("done here"));
        // QWebSocket drops TCP right after its Close; the tap kept listening and caught the reply.
        QCOMPARE(in.size(), 1);
        QCOMPARE(c->events().at(in[0]).value, quint64(4000));
        QCOMPARE(c->state(), Connection::State::Closed);
        QVERIFY2(c->statusText().contains(QStringLiteral("this client")), qPrintable(c->statusText()));
    }

    void rejectedUpgradeShowsStatusHeadersAndBody()
    {
        auto c = openTo(m_python.url(QStringLiteral("/reject")));
        QVERIFY(waitFinished(*c));
        QCOMPARE(c->state(), Connection::State::Failed);
        const HandshakeRecord &hs = c->handshake();
        QCOMPARE(hs.response.status, 403);
        QCOMPARE(hs.response.value("X-Test-Peer"), QByteArray("python-websockets"));
        QCOMPARE(hs.responseBody, QByteArray("forbidden: token missing\n"));
        ErrorLayer layer = ErrorLayer::None;
        const QStringList errors = errorsOf(*c, &layer);
        QCOMPARE(layer, ErrorLayer::Http);
        QVERIFY2(errors.first().contains(QStringLiteral("403")), qPrintable(errors.first()));
        // Qt's own wording is replaced by the explanation from the wire.
        for (const QString &e : errors)
            QVERIFY2(!e.contains(QStringLiteral("Unhandled http status code")), qPrintable(e));
        QVERIFY(c->statusText().contains(QStringLiteral("403")));
    }

    void fragmentedMessageIsReassembled()
    {
        auto c = openTo(m_python.url(QStringLiteral("/fragmented")));
        QTRY_COMPARE_WITH_TIMEOUT(eventsOf(*c, EventType::Message, Direction::Incoming).size(), 1, 10000);
        const qsizetype m = eventsOf(*c, EventType::Message, Direction::Incoming).first();
        QCOMPARE(c->events().payloadText(m), QStringLiteral("Hello, fragments"));
        const QList<qsizetype> frames = eventsOf(*c, EventType::Frame, Direction::Incoming);
        // python-websockets ends a fragmented message with an empty FIN continuation: 4 frames on the wire.
        QVERIFY(frames.size() >= 3);
        QCOMPARE(int(c->events().at(m).sub), frames.size());
        QCOMPARE(int(c->events().at(frames[0]).sub), int(Opcode::Text));
        QVERIFY(!c->events().at(frames[0]).hasFlag(FlagFin));
        QCOMPARE(int(c->events().at(frames[1]).sub), int(Opcode::Continuation));
        QVERIFY(c->events().at(frames.last()).hasFlag(FlagFin));
        c->close();
        QVERIFY(waitFinished(*c));
    }

    void serverCloseWithCodeAndReason()
    {
        auto c = openTo(m_python.url(QStringLiteral("/close4001")));
        QVERIFY(waitFinished(*c));
        QCOMPARE(c->state(), Connection::State::Closed);
        const QList<qsizetype> in = eventsOf(*c, EventType::Close, Direction::Incoming);
        QCOMPARE(in.size(), 1);
        QCOMPARE(c->events().at(in[0]).value, quint64(4001));
        QCOMPARE(c->events().payloadText(in[0]), QStringLiteral("bye now"));
        QCOMPARE(eventsOf(*c, EventType::Close, Direction::Outgoing).size(), 1);
        QVERIFY2(c->statusText().contains(QStringLiteral("server")) && c->statusText().contains(QStringLiteral("4001")),
            qPrintable(c->statusText()));
    }

    void serverPingIsAnsweredWithPong()
    {
        auto c = openTo(m_python.url(QStringLiteral("/ping")));
        QTRY_COMPARE_WITH_TIMEOUT(eventsOf(*c, EventType::Pong, Direction::Outgoing).size(), 1, 10000);
        const qsizetype ping = eventsOf(*c, EventType::Ping, Direction::Incoming).value(0, -1);
        QVERIFY(ping >= 0);
        QCOMPARE(c->events().payloadCopy(ping), QByteArray("are-you-there"));
        const qsizetype pong = eventsOf(*c, EventType::Pong, Direction::Outgoing).first();
        QCOMPARE(c->events().payloadCopy(pong), QByteArray("are-you-there"));
        QVERIFY(pong > ping);
        c->close();
        QVERIFY(waitFinished(*c));
    }

    void clientPingShowsRoundTrip()
    {
        auto c = openTo(m_python.url(QStringLiteral("/echo")));
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), Connection::State::Open, 10000);
        QVERIFY(c->ping("rtt?"));
        QTRY_COMPARE_WITH_TIMEOUT(eventsOf(*c, EventType::Pong, Direction::Incoming).size(), 1, 5000);
        const qsizetype pong = eventsOf(*c, EventType::Pong, Direction::Incoming).first();
        QCOMPARE(c->events().payloadCopy(pong), QByteArray("rtt?"));
        QVERIFY(c->events().at(pong).value > 0);
        QVERIFY(!c->ping(QByteArray(126, 'x'))); // control frames carry at most 125 bytes
        c->close();
        QVERIFY(waitFinished(*c));
    }

    void abruptDropIsExplained()
    {
        auto c = openTo(m_python.url(QStringLiteral("/drop")));
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), Connection::State::Open, 10000);
        c->sendText(QStringLiteral("bye"));
        QVERIFY(waitFinished(*c));
        QCOMPARE(eventsOf(*c, EventType::Close, Direction::Incoming).size(), 0);
        QVERIFY2(c->statusText().contains(QStringLiteral("1006")), qPrintable(c->statusText()));
    }

    void nodeServerBinaryRoundTripsByteExact()
    {
        auto c = openTo(m_node.url(QStringLiteral("/")), { QStringLiteral("chat") });
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), Connection::State::Open, 10000);
        QCOMPARE(c->handshake().response.value("X-Test-Peer"), QByteArray("node-ws"));
        QCOMPARE(c->negotiatedSubprotocol(), QStringLiteral("chat"));
        QByteArray blob(70000, Qt::Uninitialized); // 64-bit length on the wire
        for (int i = 0; i < blob.size(); ++i)
            blob[i] = char(i * 7 + 3);
        QVERIFY(c->sendBinary(blob));
        QTRY_COMPARE_WITH_TIMEOUT(eventsOf(*c, EventType::Message, Direction::Incoming).size(), 1, 5000);
        const qsizetype in = eventsOf(*c, EventType::Message, Direction::Incoming).first();
        QVERIFY(!c->events().at(in).hasFlag(FlagText));
        QCOMPARE(c->events().payloadCopy(in), blob);
        c->close();
        QVERIFY(waitFinished(*c));
        QCOMPARE(c->state(), Connection::State::Closed);
    }

    // Messages of 1 MiB or more go out through the tap frame by frame (FramedSender), and sends made meanwhile
    // queue behind them: the server must see every message whole, in order, byte-exact.
    void largeMessagesGoOutInFramesInOrder()
    {
        auto c = openTo(m_node.url(QStringLiteral("/")));
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), Connection::State::Open, 10000);
        QByteArray blob(3 * 1024 * 1024 + 17, Qt::Uninitialized);
        for (int i = 0; i < blob.size(); ++i)
            blob[i] = char(i * 13 + (i >> 11));
        qint64 written = 0;
        connect(c.get(), &Connection::bytesWritten, this, [&written](qint64 n) { written += n; });
        QVERIFY(c->sendText(QStringLiteral("first")));
        QVERIFY(c->sendBinary(blob));
        QVERIFY(c->isSendingFramed());
        QVERIFY(c->sendText(QStringLiteral("last"))); // queued behind the framed message
        QTRY_COMPARE_WITH_TIMEOUT(eventsOf(*c, EventType::Message, Direction::Incoming).size(), 3, 15000);
        const QList<qsizetype> in = eventsOf(*c, EventType::Message, Direction::Incoming);
        QCOMPARE(c->events().payloadText(in[0]), QStringLiteral("first"));
        QCOMPARE(c->events().payloadCopy(in[1]), blob);
        QCOMPARE(c->events().payloadText(in[2]), QStringLiteral("last"));
        QVERIFY(!c->isSendingFramed());

        // On the wire: the blob as frames of QWebSocket's outgoing frame size, binary then continuations,
        // masked, FIN on the last only; every wire byte of them reported as written.
        const qint64 frameSize = qint64(c->socket()->outgoingFrameSize());
        const qint64 expectedFrames = (blob.size() + frameSize - 1) / frameSize;
        QList<qsizetype> blobFrames;
        for (qsizetype row : eventsOf(*c, EventType::Frame, Direction::Outgoing)) {
            const EventRecord &r = c->events().at(row);
            if (r.sub == 0x2 || (r.sub == 0x0 && !blobFrames.isEmpty()))
                blobFrames << row;
        }
        QCOMPARE(blobFrames.size(), qsizetype(expectedFrames));
        qint64 wire = 0;
        for (int i = 0; i < blobFrames.size(); ++i) {
            const EventRecord &r = c->events().at(blobFrames[i]);
            QCOMPARE(r.sub, quint8(i == 0 ? 0x2 : 0x0));
            QCOMPARE(r.hasFlag(FlagFin), i == blobFrames.size() - 1);
            QVERIFY(r.hasFlag(FlagMasked));
            wire += qint64(r.value) + qint64(r.payloadSize); // payload length + header bytes
        }
        QVERIFY2(written >= wire, qPrintable(QStringLiteral("%1 of %2 wire bytes reported").arg(written).arg(wire)));
        c->close();
        QVERIFY(waitFinished(*c));
    }

    void closeDropsWhatIsStillQueued()
    {
        auto c = openTo(m_node.url(QStringLiteral("/")));
        QTRY_COMPARE_WITH_TIMEOUT(c->state(), Connection::State::Open, 10000);
        QVERIFY(c->sendBinary(QByteArray(8 * 1024 * 1024, 'x')));
        QVERIFY(c->sendBinary(QByteArray(8 * 1024 * 1024, 'y')));
        QVERIFY(c->close(1000, QStringLiteral("enough")));
        QVERIFY(!c->isSendingFramed());
        bool noted = false;
        for (qsizetype row : eventsOf(*c, EventType::Info, Direction::None))
            noted = noted
                || c->events().payloadText(row).contains(QLatin1String("were not sent: the connection was closed"));
        QVERIFY2(noted, "an info row says what was dropped");
        QVERIFY(waitFinished(*c));
    }

    void refusedPortIsATcpError()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        auto c = openTo(QStringLiteral("ws://127.0.0.1:%1/").arg(port));
        QVERIFY(waitFinished(*c));
        QCOMPARE(c->state(), Connection::State::Failed);
        ErrorLayer layer = ErrorLayer::None;
        const QStringList errors = errorsOf(*c, &layer);
        QCOMPARE(layer, ErrorLayer::Tcp);
        QVERIFY2(errors.first().contains(QStringLiteral("refused")), qPrintable(errors.first()));
        QCOMPARE(errors.size(), 1); // Qt's proxy error is not piled on top
    }

    void unknownHostIsADnsError()
    {
        auto c = openTo(QStringLiteral("ws://no-such-host.invalid:9000/"));
        QVERIFY(waitFinished(*c, 30000));
        QCOMPARE(c->state(), Connection::State::Failed);
        ErrorLayer layer = ErrorLayer::None;
        const QStringList errors = errorsOf(*c, &layer);
        QVERIFY2(layer == ErrorLayer::Dns, qPrintable(errors.join(QLatin1Char('\n'))));
        QVERIFY2(errors.first().contains(QStringLiteral("no-such-host.invalid")), qPrintable(errors.first()));
    }

    void generatedHeadersAreRefused_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::newRow("Host") << QByteArray("Host");
        QTest::newRow("Upgrade") << QByteArray("upgrade");
        QTest::newRow("Connection") << QByteArray("Connection");
        QTest::newRow("Sec-WebSocket-Key") << QByteArray("Sec-WebSocket-Key");
        QTest::newRow("Sec-WebSocket-Version") << QByteArray("Sec-WebSocket-Version");
        QTest::newRow("Sec-WebSocket-Extensions") << QByteArray("Sec-WebSocket-Extensions");
        QTest::newRow("Sec-WebSocket-Protocol") << QByteArray("Sec-WebSocket-Protocol");
    }

    void generatedHeadersAreRefused()
    {
        QFETCH(QByteArray, name);
        auto c = openTo(m_python.url(), {}, { { name, "x" } });
        QCOMPARE(c->state(), Connection::State::Failed);
        ErrorLayer layer = ErrorLayer::None;
        const QStringList errors = errorsOf(*c, &layer);
        QCOMPARE(layer, ErrorLayer::App);
        QVERIFY2(errors.first().contains(QString::fromLatin1(name), Qt::CaseInsensitive), qPrintable(errors.first()));
    }

    void malformedUrlsAreRefused_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("http scheme") << "http://127.0.0.1:9000/"
                                     << "ws://";
        QTest::newRow("no host") << "ws:///path"
                                 << "host";
        QTest::newRow("fragment") << "ws://127.0.0.1:9000/#frag"
                                  << "fragment";
        QTest::newRow("empty") << ""
                               << "URL";
    }

    void malformedUrlsAreRefused()
    {
        QFETCH(QString, url);
        QFETCH(QString, mentions);
        ConnectionOptions options;
        options.url = QUrl(url);
        const QString problem = options.validate();
        QVERIFY2(problem.contains(mentions), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(tst_Connection)
#include "tst_connection.moc"
