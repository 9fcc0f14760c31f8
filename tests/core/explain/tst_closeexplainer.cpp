// CloseExplainer: who closed, both Close frames, the time between them, clean or abnormal, and a hint, for
// each close code family and for 1006; then the same against a real python3-websockets server.
#include "connection/connection.h"
#include "connection/connectionwords.h"
#include "explain/closeexplainer.h"
#include "peerprocess.h"
#include "store/payloadcache.h"

#include <QSignalSpy>
#include <QTest>

using namespace wsi;

namespace {

struct CloseStep
{
    Direction dir;
    int code; // -1: no status code
    QByteArray reason;
    qint64 atUs;
};

void add(Connection &c, EventType type, Direction dir, qint64 t, const QByteArray &payload = {}, quint64 value = 0,
    quint8 sub = 0)
{
    EventRecord r;
    r.type = type;
    r.dir = dir;
    r.timeUs = t;
    r.value = value;
    r.sub = sub;
    if (type == EventType::Message)
        r.flags = FlagText;
    c.appendEvent(r, payload);
}

// An open connection, then (with infoRow) an Info row, then a flood of 40-byte records: two full 10 MiB record blocks
// and more, to be spilled.
std::unique_ptr<Connection> floodedConnection(const QByteArray &infoRow = {})
{
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/"));
    auto c = std::make_unique<Connection>(options);
    add(*c, EventType::Open, Direction::None, 1000000);
    if (!infoRow.isEmpty()) {
        EventRecord info;
        info.type = EventType::Info;
        info.timeUs = 1000001;
        c->appendEvent(info, infoRow);
    }
    for (int i = 0; i < 600000; ++i)
        add(*c, EventType::Message, Direction::Incoming, 1000002 + i, "m");
    return c;
}

// The app's memory budget at 4 MiB while it lives: a flood's record blocks leave RAM.
struct SmallBudget
{
    const qint64 before = PayloadCache::instance().budget();
    SmallBudget() { PayloadCache::instance().setBudget(qint64(4) << 20); }
    ~SmallBudget() { PayloadCache::instance().setBudget(before); }
};

// An opened connection with these Close frames, finished.
std::unique_ptr<Connection> closedWith(
    const QList<CloseStep> &steps, Connection::Kind kind = Connection::Kind::Outgoing)
{
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/"));
    auto c = kind == Connection::Kind::Outgoing
        ? std::make_unique<Connection>(options)
        : std::make_unique<Connection>(kind, options, QStringLiteral("127.0.0.1:5"));
    add(*c, EventType::Open, Direction::None, 1000000);
    add(*c, EventType::Message, Direction::Incoming, 1500000, "last words");
    for (const CloseStep &s : steps)
        add(*c, EventType::Close, s.dir, s.atUs, s.reason, s.code < 0 ? kNoCloseCode : quint64(s.code));
    c->restoreImported(HandshakeRecord {}, ConnectionTimings {}, Connection::State::Closed, {});
    return c;
}

} // namespace

Q_DECLARE_METATYPE(CloseExplanation::Closer)

class tst_CloseExplainer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void explainsEachCodeFamily_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("hintMentions"); // empty: no hint expected
        QTest::newRow("1000 normal") << 1000 << QStringLiteral("Normal Closure") << QString();
        QTest::newRow("1001 going away") << 1001 << QStringLiteral("Going Away") << QStringLiteral("reconnect");
        QTest::newRow("1002 protocol error") << 1002 << QStringLiteral("Protocol Error") << QStringLiteral("frames");
        QTest::newRow("1003 unsupported data")
            << 1003 << QStringLiteral("Unsupported Data") << QStringLiteral("binary");
        QTest::newRow("1007 invalid payload")
            << 1007 << QStringLiteral("Invalid Frame Payload Data") << QStringLiteral("UTF-8");
        QTest::newRow("1008 policy") << 1008 << QStringLiteral("Policy Violation") << QStringLiteral("authentication");
        QTest::newRow("1009 too big") << 1009 << QStringLiteral("Message Too Big") << QStringLiteral("smaller");
        QTest::newRow("1010 extension") << 1010 << QStringLiteral("Mandatory Extension")
                                        << QStringLiteral("Extensions");
        QTest::newRow("1011 internal error") << 1011 << QStringLiteral("Internal Error") << QStringLiteral("logs");
        QTest::newRow("1012 restart") << 1012 << QStringLiteral("Service Restart") << QStringLiteral("reconnect");
        QTest::newRow("1013 try again later") << 1013 << QStringLiteral("Try Again Later") << QStringLiteral("backoff");
        QTest::newRow("1014 bad gateway") << 1014 << QStringLiteral("Bad Gateway") << QStringLiteral("proxy");
        QTest::newRow("2999 unassigned") << 2999 << QStringLiteral("Unassigned") << QStringLiteral("not valid");
        QTest::newRow("3000 registered") << 3000 << QStringLiteral("Registered") << QStringLiteral("registered");
        QTest::newRow("3999 registered") << 3999 << QStringLiteral("Registered") << QStringLiteral("documentation");
        QTest::newRow("4000 private") << 4000 << QStringLiteral("Private use") << QStringLiteral("private");
        QTest::newRow("4999 private") << 4999 << QStringLiteral("Private use") << QStringLiteral("reason text");
        QTest::newRow("5000 invalid") << 5000 << QStringLiteral("Invalid") << QStringLiteral("RFC 6455");
    }

    void explainsEachCodeFamily()
    {
        QFETCH(int, code);
        QFETCH(QString, name);
        QFETCH(QString, hintMentions);
        auto c = closedWith(
            { { Direction::Incoming, code, "why not", 2000000 }, { Direction::Outgoing, code, "why not", 2250000 } });
        const CloseExplanation e = c->closeExplanation();
        QCOMPARE(e.closer, CloseExplanation::Closer::Server);
        QVERIFY(e.clean);
        QCOMPARE(e.effectiveCode, code);
        QCOMPARE(e.first.code, code);
        QCOMPARE(e.first.codeName, name);
        QVERIFY(!e.first.codeMeaning.isEmpty());
        QCOMPARE(e.first.reason, QStringLiteral("why not"));
        QVERIFY(e.reply.present);
        QCOMPARE(e.reply.dir, Direction::Outgoing);
        QCOMPARE(e.betweenUs, qint64(250000));
        QVERIFY2(e.summary.contains(QString::number(code)) && e.summary.contains(name), qPrintable(e.summary));
        QVERIFY2(e.summary.startsWith(QStringLiteral("The server closed")), qPrintable(e.summary));
        QVERIFY2(e.summary.contains(QStringLiteral("250 ms later (clean)")), qPrintable(e.summary));
        if (hintMentions.isEmpty())
            QVERIFY2(e.hint.isEmpty(), qPrintable(e.hint));
        else
            QVERIFY2(e.hint.contains(hintMentions, Qt::CaseInsensitive), qPrintable(e.hint));
        QVERIFY(e.details.join(QLatin1Char('\n')).contains(e.first.codeMeaning));
    }

    void namesWhoClosedFirst_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("firstDir");
        QTest::addColumn<CloseExplanation::Closer>("closer");
        QTest::addColumn<QString>("summaryStart");
        QTest::newRow("outgoing, we closed")
            << int(Connection::Kind::Outgoing) << int(Direction::Outgoing) << CloseExplanation::Closer::Client
            << QStringLiteral("This client closed");
        QTest::newRow("outgoing, server closed")
            << int(Connection::Kind::Outgoing) << int(Direction::Incoming) << CloseExplanation::Closer::Server
            << QStringLiteral("The server closed");
        QTest::newRow("local server, we closed")
            << int(Connection::Kind::Incoming) << int(Direction::Outgoing) << CloseExplanation::Closer::Server
            << QStringLiteral("This server closed");
        QTest::newRow("local server, client closed")
            << int(Connection::Kind::Incoming) << int(Direction::Incoming) << CloseExplanation::Closer::Client
            << QStringLiteral("The client closed");
    }

    void namesWhoClosedFirst()
    {
        QFETCH(int, kind);
        QFETCH(int, firstDir);
        QFETCH(CloseExplanation::Closer, closer);
        QFETCH(QString, summaryStart);
        const Direction first = Direction(firstDir);
        const Direction other = first == Direction::Outgoing ? Direction::Incoming : Direction::Outgoing;
        auto c = closedWith({ { first, 1000, {}, 2000000 }, { other, 1000, {}, 2000500 } }, Connection::Kind(kind));
        const CloseExplanation e = c->closeExplanation();
        QCOMPARE(e.closer, closer);
        QVERIFY2(e.summary.startsWith(summaryStart), qPrintable(e.summary));
        QVERIFY2(e.summary.contains(QStringLiteral("0.5 ms later")), qPrintable(e.summary));
    }

    void unansweredCloseIsNotClean()
    {
        auto c = closedWith({ { Direction::Outgoing, 1000, "bye", 2000000 } });
        const CloseExplanation e = c->closeExplanation();
        QCOMPARE(e.closer, CloseExplanation::Closer::Client);
        QVERIFY(!e.clean);
        QVERIFY(!e.reply.present);
        QCOMPARE(e.betweenUs, qint64(-1));
        QVERIFY2(e.summary.contains(QStringLiteral("no Close came back")), qPrintable(e.summary));
    }

    // After a long flood the record blocks in its middle are in the spill file. The explainer looks at the rows that
    // are not traffic, and an Info row among them ("reached its disk budget") sat in such a block: each connection's
    // end read 10 MiB back (ten at once: a 250 MiB jump in a ten-minute run). It reads no block now.
    void anInfoRowInASpilledBlockIsNotReadBack()
    {
        const SmallBudget small;
        PayloadCache &cache = PayloadCache::instance();
        const std::unique_ptr<Connection> flooded = floodedConnection("This session reached its disk budget");
        Connection &c = *flooded;
        add(c, EventType::Close, Direction::Incoming, 2000000, QByteArray::fromHex("03e8"), 1000);
        add(c, EventType::Close, Direction::Outgoing, 2000100, QByteArray::fromHex("03e8"), 1000);
        cache.trim();
        QVERIFY2(cache.evictions() > 0, "the flood's record blocks should have left RAM");
        const qint64 readBacks = cache.readBacks();
        const CloseExplanation e = c.closeExplanation();
        QCOMPARE(cache.readBacks(), readBacks);
        QCOMPARE(e.closer, CloseExplanation::Closer::Server);
        QVERIFY(e.clean);
    }

    // The status line at a connection's end names the first Close's code: it was found by walking back over every
    // row, which read a flood's spilled record blocks back, and all of them when no Close came (a dropped TCP
    // connection): ten test-server clients ending together after ten minutes of 64 KiB echo raised the peak by
    // 90 MiB. It reads no spilled block now, with a Close or without.
    void theStatusLineAtTheEndReadsNoSpilledBlock()
    {
        const SmallBudget small;
        PayloadCache &cache = PayloadCache::instance();
        const std::unique_ptr<Connection> flooded = floodedConnection();
        Connection &c = *flooded;
        cache.trim();
        QVERIFY2(cache.evictions() > 0, "the flood's record blocks should have left RAM");
        const ConnectionLeg &leg = *c.leg(ConnectionLeg::Facing::Server);
        qint64 readBacks = cache.readBacks();
        const RecordedText dropped = ConnectionWords::closed(leg, Connection::Kind::Outgoing, -1, {}, -1);
        QCOMPARE(cache.readBacks(), readBacks);
        QVERIFY2(dropped.translated().contains(QStringLiteral("1006")), qPrintable(dropped.translated()));

        add(c, EventType::Close, Direction::Incoming, 2000000, QByteArray::fromHex("03e9") + "bye", 1001);
        add(c, EventType::Close, Direction::Outgoing, 2000100, QByteArray::fromHex("03e9"), 1001);
        readBacks = cache.readBacks();
        const RecordedText byServer
            = ConnectionWords::closed(leg, Connection::Kind::Outgoing, int(Direction::Incoming), {}, -1);
        QCOMPARE(cache.readBacks(), readBacks);
        QVERIFY2(byServer.translated().contains(QStringLiteral("1001")), qPrintable(byServer.translated()));
        QVERIFY2(byServer.translated().contains(QStringLiteral("the server")), qPrintable(byServer.translated()));
    }

    void closeWithoutStatusCodeIs1005()
    {
        auto c = closedWith({ { Direction::Incoming, -1, {}, 2000000 }, { Direction::Outgoing, -1, {}, 2001000 } });
        const CloseExplanation e = c->closeExplanation();
        QCOMPARE(e.effectiveCode, 1005);
        QCOMPARE(e.first.code, -1);
        QVERIFY(e.clean);
        QVERIFY2(e.summary.contains(QStringLiteral("without a status code")), qPrintable(e.summary));
    }

    void tcpDropIs1006AndSaysWhatWasSeenLast()
    {
        auto c = closedWith({});
        const CloseExplanation e = c->closeExplanation();
        QCOMPARE(e.closer, CloseExplanation::Closer::Neither);
        QCOMPARE(e.effectiveCode, 1006);
        QVERIFY(!e.clean);
        QVERIFY2(e.lastSeen.contains(QStringLiteral("TEXT from the server")), qPrintable(e.lastSeen));
        QVERIFY2(e.summary.contains(QStringLiteral("1006")), qPrintable(e.summary));
        QVERIFY2(e.hint.contains(QStringLiteral("TCP")), qPrintable(e.hint));
    }

    void failuresBeforeOpenGetALayerHint_data()
    {
        QTest::addColumn<int>("layer");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("hintMentions");
        QTest::newRow("dns") << int(ErrorLayer::Dns) << QStringLiteral("DNS lookup failed")
                             << QStringLiteral("host name");
        QTest::newRow("tcp refused") << int(ErrorLayer::Tcp) << QStringLiteral("Connection refused by 127.0.0.1:9")
                                     << QStringLiteral("server running");
        QTest::newRow("tcp timeout") << int(ErrorLayer::Tcp) << QStringLiteral("Timed out after 100 ms")
                                     << QStringLiteral("firewall");
        QTest::newRow("tls") << int(ErrorLayer::Tls) << QStringLiteral("certificate expired")
                             << QStringLiteral("TLS section");
        QTest::newRow("proxy") << int(ErrorLayer::Proxy) << QStringLiteral("proxy said no")
                               << QStringLiteral("proxy settings");
        QTest::newRow("websocket") << int(ErrorLayer::WebSocket) << QStringLiteral("RSV1 set")
                                   << QStringLiteral("RFC 6455");
        QTest::newRow("app") << int(ErrorLayer::App) << QStringLiteral("bad URL") << QStringLiteral("options");
    }

    void failuresBeforeOpenGetALayerHint()
    {
        QFETCH(int, layer);
        QFETCH(QString, message);
        QFETCH(QString, hintMentions);
        Connection c(ConnectionOptions {});
        add(c, EventType::Error, Direction::None, 1000, message.toUtf8(), 0, quint8(layer));
        c.restoreImported(HandshakeRecord {}, ConnectionTimings {}, Connection::State::Failed, {});
        const CloseExplanation e = c.closeExplanation();
        QCOMPARE(e.closer, CloseExplanation::Closer::NotOpened);
        QCOMPARE(int(e.errorLayer), layer);
        QCOMPARE(e.summary, message);
        QVERIFY2(e.hint.contains(hintMentions), qPrintable(e.hint));
    }

    void refusedUpgradePointsAtTheBody_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("hintMentions");
        QTest::newRow("401") << 401 << QStringLiteral("credentials");
        QTest::newRow("403") << 403 << QStringLiteral("Origin");
        QTest::newRow("404") << 404 << QStringLiteral("path");
        QTest::newRow("426") << 426 << QStringLiteral("response body");
        QTest::newRow("503") << 503 << QStringLiteral("server's logs");
    }

    void refusedUpgradePointsAtTheBody()
    {
        QFETCH(int, status);
        QFETCH(QString, hintMentions);
        Connection c(ConnectionOptions {});
        HandshakeRecord hs;
        hs.responseComplete = true;
        hs.response.status = status;
        hs.response.reason = "Nope";
        hs.responseBody = "token missing\n";
        add(c, EventType::HandshakeResponse, Direction::Incoming, 1000,
            "HTTP/1.1 " + QByteArray::number(status) + " Nope\r\n\r\n");
        c.restoreImported(hs, ConnectionTimings {}, Connection::State::Failed, {});
        const CloseExplanation e = c.closeExplanation();
        QCOMPARE(e.closer, CloseExplanation::Closer::NotOpened);
        QCOMPARE(e.errorLayer, ErrorLayer::Http);
        QVERIFY2(e.summary.contains(QString::number(status)), qPrintable(e.summary));
        QVERIFY2(e.hint.contains(hintMentions), qPrintable(e.hint));
        QVERIFY(e.details.join(QLatin1Char('\n')).contains(QStringLiteral("token missing")));
    }

    void liveConnectionIsStillOpen()
    {
        Connection c(ConnectionOptions {});
        QCOMPARE(c.closeExplanation().closer, CloseExplanation::Closer::StillOpen);
    }

    void explainsRealEndingsFromPython_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<CloseExplanation::Closer>("closer");
        QTest::addColumn<int>("code");
        QTest::newRow("server closes with 4001")
            << QStringLiteral("/close4001") << CloseExplanation::Closer::Server << 4001;
        QTest::newRow("server drops TCP") << QStringLiteral("/drop") << CloseExplanation::Closer::Neither << 1006;
        QTest::newRow("we close with 1000") << QStringLiteral("/echo") << CloseExplanation::Closer::Client << 1000;
        QTest::newRow("upgrade refused") << QStringLiteral("/reject") << CloseExplanation::Closer::NotOpened << -1;
    }

    void explainsRealEndingsFromPython()
    {
        QFETCH(QString, path);
        QFETCH(CloseExplanation::Closer, closer);
        QFETCH(int, code);
        PeerProcess python;
        QVERIFY(python.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
        ConnectionOptions options;
        options.url = QUrl(python.url(path));
        options.timeoutMs = 10000;
        Connection c(options);
        QSignalSpy finished(&c, &Connection::finished);
        c.open();
        if (path == QLatin1String("/drop") || path == QLatin1String("/echo")) {
            QTRY_COMPARE_WITH_TIMEOUT(c.state(), Connection::State::Open, 10000);
            c.sendText(QStringLiteral("hello"));
            if (path == QLatin1String("/echo")) {
                QTest::qWait(100);
                c.close(1000, QStringLiteral("done"));
            }
        }
        QVERIFY(finished.wait(15000));
        const CloseExplanation e = c.closeExplanation();
        QCOMPARE(e.closer, closer);
        QCOMPARE(e.effectiveCode, code);
        if (path == QLatin1String("/close4001")) {
            QVERIFY(e.clean);
            QCOMPARE(e.first.reason, QStringLiteral("bye now"));
            QVERIFY(e.betweenUs >= 0);
        }
        if (path == QLatin1String("/drop"))
            QVERIFY2(e.lastSeen.contains(QStringLiteral("from")), qPrintable(e.lastSeen));
        if (path == QLatin1String("/reject"))
            QCOMPARE(e.errorLayer, ErrorLayer::Http);
    }
};

QTEST_GUILESS_MAIN(tst_CloseExplainer)
#include "tst_closeexplainer.moc"
