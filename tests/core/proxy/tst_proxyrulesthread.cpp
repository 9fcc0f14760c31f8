// tst_proxyrulesthread: the reverse proxy with the window's rules on the ProxyThread (issue 12): the client's sockets
// live and are read there; a breakpoint holds a frame there while the GUI thread lists it, and the user's decision
// (forwarded, edited, dropped) reaches the peer byte for byte; a rule edited during a flood applies to the frames read
// after it; stopping the proxy while a message is held, or deciding for a client already gone, is safe.
#include "connection/connection.h"
#include "connection/workspace.h"
#include "proxy/proxiedclient.h"
#include "proxy/proxylistener.h"
#include "proxy/proxyruleset.h"
#include "proxy/proxythread.h"
#include "proxy/reverseproxy.h"
#include "proxythreadprobe.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QWebSocket>
#include <QWebSocketServer>

#include <atomic>

using namespace wsi;

namespace {

using Facing = ConnectionLeg::Facing;

// Every byte value, then the message's number: a payload that survives only a byte-exact relay.
QByteArray allBytes(int number)
{
    QByteArray bytes(256, Qt::Uninitialized);
    for (int i = 0; i < 256; ++i)
        bytes[i] = char(i);
    return bytes + QByteArray::number(number);
}

bool hasMessage(const ConnectionLeg &leg, Direction dir, const QByteArray &payload)
{
    for (qsizetype row = 0; row < leg.events.size(); ++row) {
        const EventRecord r = leg.events.at(row);
        if (r.type == EventType::Message && r.dir == dir && leg.events.payload(row) == payload)
            return true;
    }
    return false;
}

// A QWebSocketServer upstream on this thread, a ReverseProxy with rules in front of it, and a client.
struct Rig
{
    QWebSocketServer upstream { QStringLiteral("upstream"), QWebSocketServer::NonSecureMode };
    QWebSocket *serverSide = nullptr;
    QStringList serverText;
    QList<QByteArray> serverBinary;
    Workspace workspace;
    ReverseProxy proxy { &workspace };
    ProxyRuleSet rules;
    QWebSocket client;
    Connection *connection = nullptr;

    bool open()
    {
        if (!upstream.listen(QHostAddress::LocalHost, 0))
            return false;
        QObject::connect(&upstream, &QWebSocketServer::newConnection, &upstream, [this] {
            serverSide = upstream.nextPendingConnection();
            QObject::connect(serverSide, &QWebSocket::textMessageReceived, serverSide,
                [this](const QString &text) { serverText << text; });
            QObject::connect(serverSide, &QWebSocket::binaryMessageReceived, serverSide,
                [this](const QByteArray &bytes) { serverBinary << bytes; });
        });
        proxy.setFrameHook(&rules);
        ReverseProxyOptions options;
        options.upstream.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(upstream.serverPort()));
        if (!proxy.start(options) || !proxy.listenerOnProxyThread())
            return false; // every test here is about rules applied on the ProxyThread
        client.open(proxy.url());
        if (!QTest::qWaitFor([this] { return serverSide && !workspace.connections().isEmpty(); }, 10000))
            return false;
        connection = workspace.connections().first();
        return QTest::qWaitFor([this] { return rules.isRelaying(connection); }, 10000);
    }
};

} // namespace

class tst_ProxyRulesThread : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup()
    {
        // Every proxy of a test is gone by now: so is the thread.
        QTRY_VERIFY_WITH_TIMEOUT(!ProxyThread::isRunning(), 5000);
    }

    void withRulesTheClientsSocketsAreReadOnTheProxyThread()
    {
        Rig rig;
        rig.rules.addRule(*ProxyRule::textRegex(
            FrameHook::Toward::Server, ProxyRule::Action::Replace, QStringLiteral("secret"), QStringLiteral("hidden")));
        QVERIFY(rig.open());
        QVERIFY(ProxyThread::isRunning());
        QVERIFY(rig.proxy.listenerOnProxyThread()->thread() != QThread::currentThread());

        const auto reads = std::make_shared<SocketReads>();
        const QList<QThread *> threads = watchClientSockets(rig.proxy, 1, reads);
        QCOMPARE(threads.size(), 3); // the client, its socket and the upstream's
        for (QThread *thread : threads)
            QCOMPARE(thread, rig.proxy.listenerOnProxyThread()->thread());

        rig.client.sendTextMessage(QStringLiteral("the secret word"));
        QTRY_COMPARE(rig.serverText, QStringList { QStringLiteral("the hidden word") });
        QVERIFY(reads->count.load() > 0);
        QCOMPARE(reads->lastThread.load(), rig.proxy.listenerOnProxyThread()->thread());
        // The rule's mark came across with the rows, on the row of what went on.
        const ConnectionLeg &serverLeg = *rig.connection->leg(Facing::Server);
        QTRY_VERIFY(!serverLeg.proxyMarks.isEmpty());
        const ProxyMark mark = serverLeg.proxyMarks.begin().value();
        QCOMPARE(mark.action, ProxyMark::Action::Replaced);
        QCOMPARE(mark.original, QByteArray("the secret word"));
        QCOMPARE(serverLeg.events.payload(serverLeg.proxyMarks.begin().key()), QByteArray("the hidden word"));
        rig.proxy.stop();
    }

    void aHoldCrossesTheThreadsAndEachDecisionReachesThePeerByteExact()
    {
        Rig rig;
        rig.rules.addRule(ProxyRule::opcode(FrameHook::Toward::Server, ProxyRule::Action::Hold, 0x2));
        QVERIFY(rig.open());
        HeldMessages *held = rig.rules.heldMessages();
        QSignalSpy heldSpy(held, &HeldMessages::held);

        // Forwarded as it came: the peer gets every byte of it, and what waited behind it after it.
        rig.client.sendBinaryMessage(allBytes(1));
        QTRY_COMPARE(heldSpy.size(), 1);
        const quint64 first = heldSpy.at(0).first().toULongLong();
        QCOMPARE(held->message(first)->payload, allBytes(1));
        QCOMPARE(held->message(first)->connectionId, rig.connection->id());
        rig.client.sendTextMessage(QStringLiteral("behind it"));
        // The proxy read it (its row on the client leg) and it waits there, behind the held message.
        QTRY_VERIFY(hasMessage(*rig.connection->leg(Facing::Client), Direction::Incoming, "behind it"));
        QVERIFY(rig.serverText.isEmpty());
        QVERIFY(held->forward(first));
        QTRY_COMPARE(rig.serverBinary, QList<QByteArray> { allBytes(1) });
        QTRY_COMPARE(rig.serverText, QStringList { QStringLiteral("behind it") });

        // Edited: the peer gets exactly the edit.
        rig.client.sendBinaryMessage(allBytes(2));
        QTRY_COMPARE(heldSpy.size(), 2);
        const QByteArray edit = QByteArray::fromHex("00ff00fe") + allBytes(3);
        QVERIFY(held->forward(heldSpy.at(1).first().toULongLong(), edit));
        QTRY_COMPARE(rig.serverBinary.size(), 2);
        QCOMPARE(rig.serverBinary.at(1), edit);

        // Dropped: the peer never gets it; the next message goes on.
        rig.client.sendBinaryMessage(allBytes(4));
        QTRY_COMPARE(heldSpy.size(), 3);
        QVERIFY(held->drop(heldSpy.at(2).first().toULongLong()));
        rig.client.sendTextMessage(QStringLiteral("after the drop"));
        QTRY_COMPARE(rig.serverText.size(), 2);
        QCOMPARE(rig.serverText.last(), QStringLiteral("after the drop"));
        QCOMPARE(rig.serverBinary.size(), 2);
        QCOMPARE(held->count(), 0);

        // The rows agree: the edit marked with its original on the server leg, the drop on the client leg.
        const ConnectionLeg &serverLeg = *rig.connection->leg(Facing::Server);
        const ConnectionLeg &clientLeg = *rig.connection->leg(Facing::Client);
        QTRY_COMPARE(serverLeg.proxyMarks.size(), 1);
        QCOMPARE(serverLeg.proxyMarks.begin().value().action, ProxyMark::Action::Edited);
        QCOMPARE(serverLeg.proxyMarks.begin().value().original, allBytes(2));
        QCOMPARE(serverLeg.events.payload(serverLeg.proxyMarks.begin().key()), edit);
        QTRY_COMPARE(clientLeg.proxyMarks.size(), 1);
        QCOMPARE(clientLeg.proxyMarks.begin().value().action, ProxyMark::Action::Dropped);
        QCOMPARE(clientLeg.events.payload(clientLeg.proxyMarks.begin().key()), allBytes(4));

        // An injection from this thread reaches the peer through the proxy thread.
        QVERIFY(rig.rules.inject(rig.connection, FrameHook::Toward::Server, true, "injected"));
        QTRY_COMPARE(rig.serverText.last(), QStringLiteral("injected"));
        rig.proxy.stop();
    }

    void aRuleEditDuringAFloodAppliesToLaterFrames()
    {
        Rig rig;
        QVERIFY(rig.open());
        constexpr int kBefore = 3000;
        constexpr int kAfter = 3000;
        for (int i = 0; i < kBefore; ++i)
            rig.client.sendTextMessage(QStringLiteral("m%1 plain").arg(i));
        // Edited while that flood is on its way through the proxy thread.
        rig.rules.setRules({ *ProxyRule::textRegex(
            FrameHook::Toward::Server, ProxyRule::Action::Replace, QStringLiteral("plain"), QStringLiteral("ruled")) });
        for (int i = kBefore; i < kBefore + kAfter; ++i)
            rig.client.sendTextMessage(QStringLiteral("m%1 plain").arg(i));
        QTRY_COMPARE_WITH_TIMEOUT(rig.serverText.size(), kBefore + kAfter, 60000);

        // In order, none lost; unchanged up to some message, replaced from it on; every message sent after the edit
        // was replaced (its frames were read after it).
        int firstRuled = -1;
        for (int i = 0; i < kBefore + kAfter; ++i) {
            const QString plain = QStringLiteral("m%1 plain").arg(i);
            const QString ruled = QStringLiteral("m%1 ruled").arg(i);
            const QString &got = rig.serverText.at(i);
            QVERIFY2(got == plain || got == ruled, qPrintable(got));
            if (got == ruled && firstRuled < 0)
                firstRuled = i;
            if (firstRuled >= 0)
                QVERIFY2(got == ruled, qPrintable(got));
        }
        QVERIFY(firstRuled >= 0);
        QVERIFY2(firstRuled <= kBefore, qPrintable(QString::number(firstRuled)));
        rig.proxy.stop();
    }

    void aProxyStoppedWhileHoldingLetsTheHoldGo()
    {
        Rig rig;
        rig.rules.addRule(ProxyRule::all(FrameHook::Toward::Client, ProxyRule::Action::Hold));
        QVERIFY(rig.open());
        QSignalSpy heldSpy(rig.rules.heldMessages(), &HeldMessages::held);
        QSignalSpy releasedSpy(rig.rules.heldMessages(), &HeldMessages::released);
        rig.serverSide->sendTextMessage(QStringLiteral("held at the stop"));
        QTRY_COMPARE(heldSpy.size(), 1);
        const quint64 id = heldSpy.first().first().toULongLong();
        rig.proxy.stop();
        QCOMPARE(releasedSpy.size(), 1);
        QCOMPARE(rig.rules.heldMessages()->count(), 0);
        QVERIFY(!rig.rules.heldMessages()->forward(id)); // nothing left to decide
        QVERIFY(!rig.rules.isRelaying(rig.connection));
        QTRY_COMPARE_WITH_TIMEOUT(rig.client.state(), QAbstractSocket::UnconnectedState, 5000);
    }

    void aDecisionForAClientAlreadyGoneIsSafe()
    {
        Rig rig;
        rig.rules.addRule(ProxyRule::all(FrameHook::Toward::Server, ProxyRule::Action::Hold));
        QVERIFY(rig.open());
        QSignalSpy heldSpy(rig.rules.heldMessages(), &HeldMessages::held);
        QSignalSpy releasedSpy(rig.rules.heldMessages(), &HeldMessages::released);
        rig.client.sendTextMessage(QStringLiteral("held"));
        QTRY_COMPARE(heldSpy.size(), 1);
        // The client ends on the proxy thread; this thread has not applied that yet when the user forwards.
        const bool shut = onProxyThread(rig.proxy, [](ProxyListener *listener) {
            listener->shutdown(1);
            return listener->clientForTests(1) == nullptr;
        });
        QVERIFY(shut);
        QVERIFY(rig.rules.heldMessages()->forward(heldSpy.first().first().toULongLong()));
        QTRY_VERIFY(!rig.rules.isRelaying(rig.connection));
        QCOMPARE(rig.rules.heldMessages()->count(), 0);
        QCOMPARE(releasedSpy.size(), 1);
        QVERIFY(rig.serverText.isEmpty());
        // The proxy goes on with new clients.
        QWebSocket second;
        second.open(rig.proxy.url());
        QTRY_COMPARE_WITH_TIMEOUT(second.state(), QAbstractSocket::ConnectedState, 10000);
        rig.proxy.stop();
    }
};

QTEST_GUILESS_MAIN(tst_ProxyRulesThread)
#include "tst_proxyrulesthread.moc"
