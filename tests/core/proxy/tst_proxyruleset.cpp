// ProxyRuleSet through a real ReverseProxy between a QWebSocket client and a QWebSocketServer: a held message
// pauses only its own direction, later frames of that direction wait behind it and go after it in order, an
// edit or a drop is marked on the recorded rows with the original kept (in a streaming store too, after a flood),
// and injection reaches either peer.
#include "connection/connection.h"
#include "connection/workspace.h"
#include "files/sessionlogwriter.h"
#include "proxy/proxyruleset.h"
#include "proxy/reverseproxy.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace wsi;

namespace {

using Facing = ConnectionLeg::Facing;

// The mark on the row of the message with this payload on one leg in one direction, if any.
std::optional<ProxyMark> markOf(
    const Connection &connection, Facing facing, Direction dir, const QByteArray &payload, bool *found = nullptr)
{
    const ConnectionLeg &leg = *connection.leg(facing);
    for (qsizetype row = 0; row < leg.events.size(); ++row) {
        const EventRecord r = leg.events.at(row);
        if (r.type != EventType::Message || r.dir != dir || leg.events.payload(row) != payload)
            continue;
        if (found)
            *found = true;
        const auto it = leg.proxyMarks.constFind(row);
        if (it == leg.proxyMarks.constEnd())
            return std::nullopt;
        return *it;
    }
    if (found)
        *found = false;
    return std::nullopt;
}

QByteArray lineOf(const Connection &connection, Facing facing, Direction dir, const QByteArray &payload)
{
    const ConnectionLeg &leg = *connection.leg(facing);
    for (qsizetype row = 0; row < leg.events.size(); ++row) {
        const EventRecord r = leg.events.at(row);
        if (r.type == EventType::Message && r.dir == dir && leg.events.payload(row) == payload)
            return SessionLogWriter::eventLine(connection, facing, row);
    }
    return {};
}

} // namespace

class tst_ProxyRuleSet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void holdPausesOnlyItsDirectionThenEditsDropsAndInjects()
    {
        QWebSocketServer upstream(QStringLiteral("upstream"), QWebSocketServer::NonSecureMode);
        QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
        QWebSocket *serverSide = nullptr;
        QStringList serverGot;
        connect(&upstream, &QWebSocketServer::newConnection, this, [&] {
            serverSide = upstream.nextPendingConnection();
            connect(serverSide, &QWebSocket::textMessageReceived, this, [&](const QString &t) { serverGot << t; });
        });

        Workspace workspace;
        ReverseProxy proxy(&workspace);
        ProxyRuleSet rules;
        rules.addRule(
            *ProxyRule::textRegex(FrameHook::Toward::Server, ProxyRule::Action::Hold, QStringLiteral("^hold")));
        proxy.setFrameHook(&rules);
        ReverseProxyOptions options;
        options.upstream.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(upstream.serverPort()));
        QString error;
        QVERIFY2(proxy.start(options, &error), qPrintable(error));

        QWebSocket client;
        QStringList clientGot;
        connect(&client, &QWebSocket::textMessageReceived, this, [&](const QString &t) { clientGot << t; });
        client.open(proxy.url());
        QTRY_VERIFY(client.state() == QAbstractSocket::ConnectedState);
        QTRY_VERIFY(serverSide);
        QCOMPARE(workspace.connections().size(), 1);
        Connection *connection = workspace.connections().first();
        QTRY_VERIFY(rules.isRelaying(connection));

        HeldMessages *held = rules.heldMessages();
        QSignalSpy heldSpy(held, &HeldMessages::held);
        QSignalSpy releasedSpy(held, &HeldMessages::released);
        client.sendTextMessage(QStringLiteral("first"));
        QTRY_COMPARE(serverGot, QStringList { QStringLiteral("first") });
        client.sendTextMessage(QStringLiteral("hold me"));
        QTRY_COMPARE(heldSpy.size(), 1);
        const quint64 id = heldSpy.first().first().toULongLong();
        const std::optional<HeldMessage> message = held->message(id);
        QVERIFY(message);
        QCOMPARE(message->payload, QByteArray("hold me"));
        QCOMPARE(message->toward, FrameHook::Toward::Server);
        QCOMPARE(message->connectionId, connection->id());

        // The other direction flows while out is held; out's later messages wait behind the held one.
        serverSide->sendTextMessage(QStringLiteral("in while held"));
        QTRY_COMPARE(clientGot, QStringList { QStringLiteral("in while held") });
        client.sendTextMessage(QStringLiteral("after"));
        client.flush();
        serverSide->sendTextMessage(QStringLiteral("in again"));
        QTRY_COMPARE(clientGot.size(), 2);
        QCOMPARE(serverGot, QStringList { QStringLiteral("first") });

        QVERIFY(held->forward(id, "edited"));
        QCOMPARE(releasedSpy.size(), 1);
        QTRY_COMPARE(
            serverGot, (QStringList { QStringLiteral("first"), QStringLiteral("edited"), QStringLiteral("after") }));
        QCOMPARE(held->count(), 0);

        // The server leg carries the edit, marked, with the original; the client leg keeps what the client sent.
        QTRY_VERIFY(markOf(*connection, Facing::Server, Direction::Outgoing, "edited"));
        const ProxyMark edited = *markOf(*connection, Facing::Server, Direction::Outgoing, "edited");
        QCOMPARE(edited.action, ProxyMark::Action::Edited);
        QCOMPARE(edited.original, QByteArray("hold me"));
        bool found = false;
        QVERIFY(!markOf(*connection, Facing::Client, Direction::Incoming, "hold me", &found));
        QVERIFY(found);
        QVERIFY(!markOf(*connection, Facing::Server, Direction::Outgoing, "after", &found));
        QVERIFY(found);
        const QByteArray line = lineOf(*connection, Facing::Server, Direction::Outgoing, "edited");
        QVERIFY2(line.contains("\"original_payload\":\"hold me\",\"proxy_action\":\"edited\""), line.constData());

        // A drop: the message never reaches the server, the next one does; the client leg marks it dropped.
        client.sendTextMessage(QStringLiteral("hold and drop"));
        QTRY_COMPARE(heldSpy.size(), 2);
        QVERIFY(held->drop(heldSpy.at(1).first().toULongLong()));
        client.sendTextMessage(QStringLiteral("after the drop"));
        QTRY_COMPARE(serverGot.size(), 4);
        QCOMPARE(serverGot.last(), QStringLiteral("after the drop"));
        QVERIFY(!serverGot.contains(QStringLiteral("hold and drop")));
        QTRY_VERIFY(markOf(*connection, Facing::Client, Direction::Incoming, "hold and drop")); // a batch away
        const auto dropped = markOf(*connection, Facing::Client, Direction::Incoming, "hold and drop");
        QCOMPARE(dropped->action, ProxyMark::Action::Dropped);

        // Injection: into the server leg as the client (masked, which the server requires), and the client leg.
        QVERIFY(rules.inject(connection, FrameHook::Toward::Server, true, "injected up"));
        QVERIFY(rules.inject(connection, FrameHook::Toward::Client, true, "injected down"));
        QTRY_COMPARE(serverGot.last(), QStringLiteral("injected up"));
        QTRY_COMPARE(clientGot.last(), QStringLiteral("injected down"));
        QTRY_VERIFY(markOf(*connection, Facing::Server, Direction::Outgoing, "injected up"));
        QCOMPARE(markOf(*connection, Facing::Server, Direction::Outgoing, "injected up")->action,
            ProxyMark::Action::Injected);
        QTRY_VERIFY(markOf(*connection, Facing::Client, Direction::Outgoing, "injected down"));
        // Both peers still talk: nothing was cut in the middle of a frame.
        client.sendTextMessage(QStringLiteral("still fine"));
        QTRY_COMPARE(serverGot.last(), QStringLiteral("still fine"));

        // An injection while out is held waits behind the held message.
        client.sendTextMessage(QStringLiteral("hold again"));
        QTRY_COMPARE(heldSpy.size(), 3);
        QVERIFY(rules.inject(connection, FrameHook::Toward::Server, true, "queued injection"));
        QVERIFY(held->forward(heldSpy.at(2).first().toULongLong()));
        QTRY_COMPARE(serverGot.size(), 8);
        QCOMPARE(serverGot.mid(6), (QStringList { QStringLiteral("hold again"), QStringLiteral("queued injection") }));
        // Forwarded as it was: no mark.
        QVERIFY(!markOf(*connection, Facing::Server, Direction::Outgoing, "hold again", &found));
        QVERIFY(found);

        client.close();
        QTRY_VERIFY(!rules.isRelaying(connection));
        QVERIFY(!rules.inject(connection, FrameHook::Toward::Server, true, "too late"));
        proxy.stop();
    }

    void rulesSeeWholeFragmentedMessagesBothWays()
    {
        QWebSocketServer upstream(QStringLiteral("upstream"), QWebSocketServer::NonSecureMode);
        QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
        QWebSocket *serverSide = nullptr;
        QStringList serverGot;
        connect(&upstream, &QWebSocketServer::newConnection, this, [&] {
            serverSide = upstream.nextPendingConnection();
            serverSide->setOutgoingFrameSize(5); // the server's messages come in 5-byte fragments too
            connect(serverSide, &QWebSocket::textMessageReceived, this, [&](const QString &t) { serverGot << t; });
        });
        Workspace workspace;
        ReverseProxy proxy(&workspace);
        ProxyRuleSet rules;
        // Each pattern spans fragments: it only matches the gathered message.
        rules.addRule(*ProxyRule::textRegex(FrameHook::Toward::Server, ProxyRule::Action::Replace,
            QStringLiteral("secret=(\\d+)"), QStringLiteral("secret=<\\1 hidden>")));
        rules.addRule(*ProxyRule::textRegex(
            FrameHook::Toward::Client, ProxyRule::Action::Drop, QStringLiteral("^heartbeat heartbeat$")));
        rules.addRule(*ProxyRule::binaryHex(FrameHook::Toward::Client, ProxyRule::Action::Replace,
            QStringLiteral("01 02 03 04 05 06"), QStringLiteral("ff")));
        proxy.setFrameHook(&rules);
        ReverseProxyOptions options;
        options.upstream.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(upstream.serverPort()));
        QVERIFY(proxy.start(options));
        QWebSocket client;
        client.setOutgoingFrameSize(4);
        QStringList clientGot;
        QList<QByteArray> clientBinary;
        connect(&client, &QWebSocket::textMessageReceived, this, [&](const QString &t) { clientGot << t; });
        connect(&client, &QWebSocket::binaryMessageReceived, this, [&](const QByteArray &b) { clientBinary << b; });
        client.open(proxy.url());
        QTRY_VERIFY(serverSide);
        Connection *connection = workspace.connections().first();
        QTRY_VERIFY(rules.isRelaying(connection));

        client.sendTextMessage(QStringLiteral("the secret=1234 is out"));
        client.sendTextMessage(QStringLiteral("nothing to hide"));
        QTRY_COMPARE(serverGot,
            (QStringList { QStringLiteral("the secret=<1234 hidden> is out"), QStringLiteral("nothing to hide") }));
        serverSide->sendTextMessage(QStringLiteral("heartbeat heartbeat"));
        serverSide->sendBinaryMessage(QByteArray::fromHex("000102030405060708"));
        serverSide->sendTextMessage(QStringLiteral("last words"));
        QTRY_COMPARE(clientGot, QStringList { QStringLiteral("last words") });
        QCOMPARE(clientBinary, QList<QByteArray> { QByteArray::fromHex("00ff0708") });
        // The rows come from the proxy thread in batches: once the last one is here, so is every mark before it.
        bool found = false;
        QTRY_VERIFY((markOf(*connection, Facing::Client, Direction::Outgoing, "last words", &found), found));

        const auto replaced
            = markOf(*connection, Facing::Server, Direction::Outgoing, "the secret=<1234 hidden> is out");
        QVERIFY(replaced);
        QCOMPARE(replaced->action, ProxyMark::Action::Replaced);
        QCOMPARE(replaced->original, QByteArray("the secret=1234 is out"));
        const auto dropped = markOf(*connection, Facing::Server, Direction::Incoming, "heartbeat heartbeat");
        QVERIFY(dropped);
        QCOMPARE(dropped->action, ProxyMark::Action::Dropped);
        const auto binary = markOf(*connection, Facing::Client, Direction::Outgoing, QByteArray::fromHex("00ff0708"));
        QVERIFY(binary);
        QCOMPARE(binary->original, QByteArray::fromHex("000102030405060708"));
        QVERIFY(!markOf(*connection, Facing::Client, Direction::Outgoing, "last words", &found));
        QVERIFY(found);
        proxy.stop();
    }

    void heldAndWaitingRowsOutliveAFloodInAStreamingStore()
    {
        // As in wsinspector-cli proxy: a streaming store whose rows are released as soon as they are appended
        // (the CLI prints each once). "in" is held while the client floods "out" through the proxy (far more than a
        // compaction's worth of rows and bytes on the server leg); the message that arrived behind the held one in
        // the same read meets a drop rule only once the hold is decided. Both are marked on their own rows.
        QWebSocketServer upstream(QStringLiteral("upstream"), QWebSocketServer::NonSecureMode);
        QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
        QWebSocket *serverSide = nullptr;
        int serverGot = 0;
        connect(&upstream, &QWebSocketServer::newConnection, this, [&] {
            serverSide = upstream.nextPendingConnection();
            connect(serverSide, &QWebSocket::textMessageReceived, this, [&](const QString &) { ++serverGot; });
        });
        Workspace workspace;
        connect(&workspace, &Workspace::connectionAdded, this, [](Connection *c) {
            c->setEventRetention(EventStore::Retention::Streaming);
            connect(c, &Connection::eventsAppended, c, [c] {
                c->releaseEvents(c->events().size());
                c->releaseClientLegEvents(c->leg(Facing::Client)->events.size());
            });
        });
        ReverseProxy proxy(&workspace);
        ProxyRuleSet rules;
        rules.addRule(
            *ProxyRule::textRegex(FrameHook::Toward::Client, ProxyRule::Action::Drop, QStringLiteral("^secret")));
        rules.addRule(
            *ProxyRule::textRegex(FrameHook::Toward::Client, ProxyRule::Action::Hold, QStringLiteral("^hold")));
        proxy.setFrameHook(&rules);
        ReverseProxyOptions options;
        options.upstream.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(upstream.serverPort()));
        QVERIFY(proxy.start(options));
        QWebSocket client;
        QStringList clientGot;
        connect(&client, &QWebSocket::textMessageReceived, this, [&](const QString &t) { clientGot << t; });
        client.open(proxy.url());
        QTRY_VERIFY(serverSide);
        Connection *connection = workspace.connections().first();
        QTRY_VERIFY(rules.isRelaying(connection));
        const EventStore &serverLeg = connection->events();

        QSignalSpy heldSpy(rules.heldMessages(), &HeldMessages::held);
        // One write: both reach the proxy in one read, and the second waits, recorded, behind the held first.
        serverSide->sendTextMessage(QStringLiteral("hold me"));
        serverSide->sendTextMessage(QStringLiteral("secret behind it"));
        QTRY_COMPARE(heldSpy.size(), 1);
        bool found = false;
        markOf(*connection, Facing::Server, Direction::Incoming, "secret behind it", &found);
        QVERIFY2(found, "the second message was not read with the held one");

        constexpr int kFlood = 5000;
        const QString floodText(300, QLatin1Char('x'));
        for (int i = 0; i < kFlood; ++i)
            client.sendTextMessage(floodText);
        QTRY_COMPARE_WITH_TIMEOUT(serverGot, kFlood, 30000);
        // Its rows come from the proxy thread in batches: all of them, before the counts are looked at.
        QTRY_COMPARE(connection->leg(Facing::Server)->counters.messagesOut, quint64(kFlood));
        // The flood went (the store stayed small); the two undecided rows stayed.
        QVERIFY(serverLeg.payloadBytesStored() < kFlood * 300);
        QVERIFY(serverLeg.recordsStored() < kFlood);
        QCOMPARE(serverLeg.pinnedCount(), 2);

        QVERIFY(rules.heldMessages()->drop(heldSpy.first().first().toULongLong()));
        // The marks come from the proxy thread in the decision's batch, which adds no row: waited for before the next
        // rows arrive (once settled, a streaming store may let the marked rows go with its next compaction).
        QTRY_VERIFY(markOf(*connection, Facing::Server, Direction::Incoming, "hold me")
            && markOf(*connection, Facing::Server, Direction::Incoming, "secret behind it"));
        for (const QByteArray &payload : { QByteArray("hold me"), QByteArray("secret behind it") }) {
            const std::optional<ProxyMark> mark
                = markOf(*connection, Facing::Server, Direction::Incoming, payload, &found);
            QVERIFY2(found, payload.constData());
            QVERIFY2(mark, payload.constData());
            QCOMPARE(mark->action, ProxyMark::Action::Dropped);
        }
        serverSide->sendTextMessage(QStringLiteral("last words"));
        QTRY_COMPARE(clientGot, QStringList { QStringLiteral("last words") });
        QTRY_VERIFY((markOf(*connection, Facing::Server, Direction::Incoming, "last words", &found), found));
        QVERIFY(!markOf(*connection, Facing::Server, Direction::Incoming, "last words", &found));
        QVERIFY(found);
        // Settled: nothing stays pinned.
        QTRY_COMPARE(serverLeg.pinnedCount(), 0);
        QTRY_COMPARE(connection->leg(Facing::Client)->events.pinnedCount(), 0);
        proxy.stop();
    }

    void aHoldEndsWithItsConnection()
    {
        QWebSocketServer upstream(QStringLiteral("upstream"), QWebSocketServer::NonSecureMode);
        QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
        Workspace workspace;
        ReverseProxy proxy(&workspace);
        ProxyRuleSet rules;
        rules.addRule(ProxyRule::all(FrameHook::Toward::Client, ProxyRule::Action::Hold));
        proxy.setFrameHook(&rules);
        ReverseProxyOptions options;
        options.upstream.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(upstream.serverPort()));
        QVERIFY(proxy.start(options));
        QWebSocket *serverSide = nullptr;
        connect(
            &upstream, &QWebSocketServer::newConnection, this, [&] { serverSide = upstream.nextPendingConnection(); });
        QWebSocket client;
        client.open(proxy.url());
        QTRY_VERIFY(serverSide);
        QSignalSpy heldSpy(rules.heldMessages(), &HeldMessages::held);
        QSignalSpy releasedSpy(rules.heldMessages(), &HeldMessages::released);
        serverSide->sendBinaryMessage(QByteArray::fromHex("00ff"));
        QTRY_COMPARE(heldSpy.size(), 1);
        QCOMPARE(rules.heldMessages()->message(heldSpy.first().first().toULongLong())->isText(), false);
        proxy.stop();
        QTRY_COMPARE(releasedSpy.size(), 1);
        QCOMPARE(rules.heldMessages()->count(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ProxyRuleSet)
#include "tst_proxyruleset.moc"
