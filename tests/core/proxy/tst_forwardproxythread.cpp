// tst_forwardproxythread: the forward proxy off the GUI thread (issue 12), with python3-websockets upstreams: its
// listening socket, a client's CONNECT head, a pass-through relay and both legs of a WebSocket (ws, and wss inside a
// tunnel with a leaf from the app's CA) live and are read on the ProxyThread; the GUI thread gets both legs' rows in
// batches, in wire order; a hold crosses the threads and the user's forward and edit reach the server; a pass-through
// is counted and a refusal reported on the GUI thread; stopping while a WebSocket is held lets it go; no thread is
// left. Every test first checks that the proxy runs on the ProxyThread: each fails where the forward proxy read on the
// GUI thread.
#include "connection/connection.h"
#include "connection/legorder.h"
#include "connection/workspace.h"
#include "legmessages.h"
#include "peerprocess.h"
#include "proxy/forwardclient.h"
#include "proxy/forwardlistener.h"
#include "proxy/forwardproxy.h"
#include "proxy/passthroughrelay.h"
#include "proxy/proxiedclient.h"
#include "proxy/proxyruleset.h"
#include "proxy/proxythread.h"
#include "proxythreadprobe.h"
#include "testcerts.h"
#include "tls/certificateauthority.h"

#include <QNetworkProxy>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QWebSocket>

#include <memory>

using namespace wsi;

namespace {

using Facing = ConnectionLeg::Facing;

// A QSslSocket reads through a plain socket of its own, its child: the proxy's sockets are the others.
template <typename T> QList<T *> proxySockets(QObject *below)
{
    QList<T *> sockets;
    for (T *socket : below->findChildren<T *>()) {
        if (!qobject_cast<QSslSocket *>(socket->parent()))
            sockets << socket;
    }
    return sockets;
}

// Where the objects of type T below the listener live (on its thread), and their count.
template <typename T> QList<QThread *> threadsOf(ForwardProxy &proxy)
{
    return onProxyThread(proxy, [](ForwardListener *listener) {
        QList<QThread *> threads;
        for (T *object : proxySockets<T>(listener))
            threads << object->thread();
        return threads;
    });
}

// From now on each read of every socket below the listener (a ForwardClient's, a relay's) is counted in reads.
int watchListenerSockets(ForwardProxy &proxy, const std::shared_ptr<SocketReads> &reads)
{
    return onProxyThread(proxy, [reads](ForwardListener *listener) {
        const QList<QTcpSocket *> sockets = proxySockets<QTcpSocket>(listener);
        for (QTcpSocket *socket : sockets) {
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [reads] {
                reads->lastThread = QThread::currentThread();
                ++reads->count;
            });
        }
        return int(sockets.size());
    });
}

QByteArray connectHead(quint16 port)
{
    return QStringLiteral("CONNECT 127.0.0.1:%1 HTTP/1.1\r\nHost: 127.0.0.1:%1\r\n\r\n").arg(port).toLatin1();
}

// A raw client of the proxy that sent CONNECT and got its 200.
bool openTunnel(QTcpSocket &client, quint16 proxyPort, quint16 target)
{
    client.connectToHost(QHostAddress::LocalHost, proxyPort);
    if (!client.waitForConnected(5000))
        return false;
    client.write(connectHead(target));
    QByteArray answer;
    return QTest::qWaitFor(
        [&] { return (answer += client.readAll()).startsWith("HTTP/1.1 200") && answer.endsWith("\r\n\r\n"); }, 10000);
}

} // namespace

class tst_ForwardProxyThread : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CertificateAuthority> m_authority;
    TestCertificates m_certs;
    PeerProcess m_ws;
    PeerProcess m_wss;

    // A forward proxy (its rules when given) whose relays trust the test CA, and the connections it made.
    struct Rig
    {
        Workspace workspace;
        ForwardProxy proxy { &workspace };
        QList<Connection *> connections;
        int announcements = 0;

        bool start(CertificateAuthority *authority, const QString &caFile, ProxyRuleSet *rules = nullptr)
        {
            QObject::connect(&workspace, &Workspace::connectionAdded, &workspace, [this](Connection *c) {
                connections << c;
                QObject::connect(c, &Connection::eventsAppended, c, [this] { ++announcements; });
            });
            proxy.setCertificateAuthority(authority);
            if (rules)
                proxy.setFrameHook(rules);
            ForwardProxyOptions options;
            options.upstreamTls.caFile = caFile;
            return proxy.start(options) && onTheProxyThread();
        }
        // Every test here is about the forward proxy on the ProxyThread.
        bool onTheProxyThread() const
        {
            return ProxyThread::isRunning() && proxy.listenerOnProxyThread()
                && proxy.listenerOnProxyThread()->thread() != QThread::currentThread();
        }
        QThread *proxyThread() const { return proxy.listenerOnProxyThread()->thread(); }
        // A QWebSocket client through the proxy, trusting the app's CA inside a TLS tunnel.
        void open(QWebSocket &client, const QUrl &url, CertificateAuthority *authority)
        {
            client.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), proxy.options().port));
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.setCaCertificates({ authority->certificate() });
            client.setSslConfiguration(tls);
            client.open(url);
        }
    };

private Q_SLOTS:
    void initTestCase()
    {
        m_authority = std::make_unique<CertificateAuthority>(m_dir.filePath(QStringLiteral("ca")));
        QVERIFY(m_authority->load());
        QVERIFY(m_certs.create());
        QVERIFY2(m_ws.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")),
            "python3-websockets server did not start");
        QVERIFY2(m_wss.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("wss_server.py"),
                     { m_certs.certFile(), m_certs.keyFile() }),
            "python3-websockets wss server did not start");
    }

    void cleanup()
    {
        // Every proxy of a test is gone by now: so is the thread.
        QTRY_VERIFY_WITH_TIMEOUT(!ProxyThread::isRunning(), 5000);
    }

    void theListeningSocketAndAConnectHeadAreReadOnTheProxyThread()
    {
        Rig rig;
        QVERIFY(rig.start(m_authority.get(), m_certs.caFile()));
        const QList<QThread *> servers = threadsOf<QTcpServer>(rig.proxy);
        QCOMPARE(servers, QList<QThread *> { rig.proxyThread() });

        QTcpSocket client;
        QVERIFY(openTunnel(client, rig.proxy.options().port, m_ws.port()));
        // The CONNECT head was read by a ForwardClient on the proxy thread, whose socket waits there for the tunnel.
        QCOMPARE(threadsOf<ForwardClient>(rig.proxy), QList<QThread *> { rig.proxyThread() });
        const auto reads = std::make_shared<SocketReads>();
        QCOMPARE(watchListenerSockets(rig.proxy, reads), 1);
        client.write("GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\n"); // not whole yet: peeked there, and waited for
        QTRY_VERIFY_WITH_TIMEOUT(reads->count.load() > 0, 5000);
        QCOMPARE(reads->lastThread.load(), rig.proxyThread());
        client.write("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                     "Sec-WebSocket-Version: 13\r\n\r\n");
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += client.readAll()).contains("\r\n\r\n"), 10000);
        QVERIFY2(answer.startsWith("HTTP/1.1 101"), answer.constData());
        // The WebSocket is a ProxiedClient of the listener now, its Connection made on this thread from its batches.
        QTRY_COMPARE_WITH_TIMEOUT(threadsOf<ForwardClient>(rig.proxy), QList<QThread *>(), 5000); // deleted later
        QCOMPARE(threadsOf<ProxiedClient>(rig.proxy), QList<QThread *> { rig.proxyThread() });
        QTRY_COMPARE_WITH_TIMEOUT(rig.connections.size(), 1, 5000);
        QCOMPARE(rig.connections.first()->thread(), QThread::currentThread());
        QCOMPARE(rig.proxy.webSocketCount(), 1);
        rig.proxy.stop();
        QCOMPARE(rig.proxy.webSocketCount(), 0);
    }

    void bothLegsOfAWebSocketAreReadOnTheProxyThreadAndArriveInWireOrder_data()
    {
        QTest::addColumn<bool>("secure");
        QTest::newRow("ws through CONNECT") << false;
        QTest::newRow("wss inside the tunnel, the app's leaf") << true;
    }

    void bothLegsOfAWebSocketAreReadOnTheProxyThreadAndArriveInWireOrder()
    {
        QFETCH(bool, secure);
        Rig rig;
        QVERIFY(rig.start(m_authority.get(), m_certs.caFile()));
        QWebSocket client;
        QStringList received;
        connect(&client, &QWebSocket::textMessageReceived, this, [&](const QString &text) { received << text; });
        const QUrl url = secure ? QUrl(QStringLiteral("wss://127.0.0.1:%1/echo").arg(m_wss.port()))
                                : QUrl(QStringLiteral("ws://127.0.0.1:%1/echo").arg(m_ws.port()));
        rig.open(client, url, m_authority.get());
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(rig.connections.size(), 1, 5000);
        Connection *connection = rig.connections.first();
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), Connection::State::Open, 5000);
        QCOMPARE(connection->options().url.scheme(), secure ? QStringLiteral("wss") : QStringLiteral("ws"));

        // The client, its socket (TLS terminated there for wss) and the upstream's belong to the proxy thread.
        const auto reads = std::make_shared<SocketReads>();
        const QList<QThread *> threads = watchClientSockets(rig.proxy, 1, reads);
        QVERIFY(threads.size() >= 3); // the client, its socket and the upstream's (and a QSslSocket's plain socket)
        for (QThread *thread : threads)
            QCOMPARE(thread, rig.proxyThread());

        constexpr int kCount = 1000;
        const int announcedBefore = rig.announcements;
        for (int i = 0; i < kCount; ++i)
            client.sendTextMessage(QStringLiteral("%1 through the forward proxy").arg(i, 4, 10, QLatin1Char('0')));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), kCount, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(connection->leg(Facing::Client)->counters.messagesOut, quint64(kCount), 10000);
        QVERIFY(reads->count.load() > 0);
        QCOMPARE(reads->lastThread.load(), rig.proxyThread());

        // Both legs hold every message both ways, in order; each row on the leg that received it goes first.
        QByteArrayList sent;
        QByteArrayList forwarded;
        const QList<EventRecord> fromClient = legMessages(*connection, Facing::Client, Direction::Incoming, &sent);
        const QList<EventRecord> toServer = legMessages(*connection, Facing::Server, Direction::Outgoing, &forwarded);
        QCOMPARE(fromClient.size(), kCount);
        QCOMPARE(sent, forwarded);
        QByteArrayList echoed;
        QByteArrayList delivered;
        const QList<EventRecord> fromServer = legMessages(*connection, Facing::Server, Direction::Incoming, &echoed);
        const QList<EventRecord> toClient = legMessages(*connection, Facing::Client, Direction::Outgoing, &delivered);
        QCOMPARE(fromServer.size(), kCount);
        QCOMPARE(echoed, delivered);
        for (int i = 0; i < kCount; ++i) {
            const QByteArray expected
                = QStringLiteral("%1 through the forward proxy").arg(i, 4, 10, QLatin1Char('0')).toUtf8();
            QCOMPARE(sent.at(i), expected);
            QCOMPARE(echoed.at(i), expected);
            QVERIFY2(!LegOrder::serverFirst(fromClient.at(i), toServer.at(i)), qPrintable(QString::number(i)));
            QVERIFY2(LegOrder::serverFirst(toClient.at(i), fromServer.at(i)), qPrintable(QString::number(i)));
        }
        // In batches: fewer announcements than rows (4,000 rows on the two legs).
        QVERIFY2(rig.announcements - announcedBefore < kCount, qPrintable(QString::number(rig.announcements)));
        rig.proxy.stop();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 5000);
    }

    void aPassThroughIsRelayedOnTheProxyThreadAndCountedHere()
    {
        // An origin that answers whatever it gets with "pong:" and what it got.
        QTcpServer origin;
        QVERIFY(origin.listen(QHostAddress::LocalHost));
        connect(&origin, &QTcpServer::newConnection, this, [&origin] {
            QTcpSocket *peer = origin.nextPendingConnection();
            connect(peer, &QTcpSocket::readyRead, peer, [peer] { peer->write("pong:" + peer->readAll()); });
        });
        Rig rig;
        QVERIFY(rig.start(m_authority.get(), m_certs.caFile()));
        QSignalSpy counts(&rig.proxy, &ForwardProxy::countsChanged);

        QTcpSocket client;
        QVERIFY(openTunnel(client, rig.proxy.options().port, origin.serverPort()));
        client.write("not http at all"); // the tunnel passes through, untouched
        QByteArray answer;
        QTRY_COMPARE_WITH_TIMEOUT(answer += client.readAll(), QByteArray("pong:not http at all"), 10000);
        QCOMPARE(threadsOf<PassThroughRelay>(rig.proxy), QList<QThread *> { rig.proxyThread() });
        const auto reads = std::make_shared<SocketReads>();
        QCOMPARE(watchListenerSockets(rig.proxy, reads), 2); // the client's and the origin's
        QCOMPARE(threadsOf<QTcpSocket>(rig.proxy), (QList<QThread *> { rig.proxyThread(), rig.proxyThread() }));
        client.write("again");
        QTRY_COMPARE_WITH_TIMEOUT(answer += client.readAll(), QByteArray("pong:not http at allpong:again"), 10000);
        QCOMPARE(reads->lastThread.load(), rig.proxyThread());

        QCOMPARE(rig.proxy.passThroughCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(rig.proxy.passThroughBytes(), qint64(answer.size() + 20), 5000);
        QVERIFY(!counts.isEmpty());
        QVERIFY(rig.workspace.connections().isEmpty());
        rig.proxy.stop();
    }

    void aRefusalIsReportedOnTheGuiThread()
    {
        Rig rig;
        QVERIFY(rig.start(m_authority.get(), m_certs.caFile()));
        QThread *reportedOn = nullptr;
        QString why;
        connect(&rig.proxy, &ForwardProxy::refused, this, [&](const QString &, const QString &text) {
            reportedOn = QThread::currentThread();
            why = text;
        });
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, rig.proxy.options().port);
        QVERIFY(client.waitForConnected(5000));
        client.write(connectHead(rig.proxy.options().port));
        QTRY_VERIFY_WITH_TIMEOUT(reportedOn, 5000);
        QCOMPARE(reportedOn, QThread::currentThread());
        QVERIFY2(why.contains(QStringLiteral("forward proxy itself")), qPrintable(why));
        QCOMPARE(rig.proxy.refusedCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(client.state() == QAbstractSocket::UnconnectedState, 5000);
        QVERIFY(client.readAll().startsWith("HTTP/1.1 508 Loop Detected"));
        rig.proxy.stop();
    }

    void aHoldCrossesTheThreadsAndForwardAndEditReachTheServer()
    {
        ProxyRuleSet rules;
        rules.addRule(ProxyRule::all(FrameHook::Toward::Server, ProxyRule::Action::Hold));
        Rig rig;
        QVERIFY(rig.start(m_authority.get(), m_certs.caFile(), &rules));
        QWebSocket client;
        QStringList received;
        connect(&client, &QWebSocket::textMessageReceived, this, [&](const QString &text) { received << text; });
        rig.open(client, QUrl(QStringLiteral("wss://127.0.0.1:%1/echo").arg(m_wss.port())), m_authority.get());
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(rig.connections.size(), 1, 5000);
        Connection *connection = rig.connections.first();
        QTRY_VERIFY_WITH_TIMEOUT(rules.isRelaying(connection), 5000);
        HeldMessages *held = rules.heldMessages();
        QSignalSpy heldSpy(held, &HeldMessages::held);

        client.sendTextMessage(QStringLiteral("as it came"));
        QTRY_COMPARE_WITH_TIMEOUT(heldSpy.size(), 1, 5000);
        const quint64 first = heldSpy.at(0).first().toULongLong();
        QCOMPARE(held->message(first)->payload, QByteArray("as it came"));
        QCOMPARE(held->message(first)->connectionId, connection->id());
        QTest::qWait(50);
        QVERIFY(received.isEmpty()); // held on the proxy thread: the server has not seen it
        QVERIFY(held->forward(first));
        QTRY_COMPARE_WITH_TIMEOUT(received, QStringList { QStringLiteral("as it came") }, 5000);

        client.sendTextMessage(QStringLiteral("before the edit"));
        QTRY_COMPARE_WITH_TIMEOUT(heldSpy.size(), 2, 5000);
        QVERIFY(held->forward(heldSpy.at(1).first().toULongLong(), QByteArray("after the edit")));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, 5000);
        QCOMPARE(received.last(), QStringLiteral("after the edit"));
        // The edit is marked on the server leg's row of what went on, its original kept.
        const ConnectionLeg &serverLeg = *connection->leg(Facing::Server);
        QTRY_COMPARE_WITH_TIMEOUT(serverLeg.proxyMarks.size(), 1, 5000);
        const ProxyMark mark = serverLeg.proxyMarks.begin().value();
        QCOMPARE(mark.action, ProxyMark::Action::Edited);
        QCOMPARE(mark.original, QByteArray("before the edit"));
        QCOMPARE(serverLeg.events.payload(serverLeg.proxyMarks.begin().key()), QByteArray("after the edit"));
        rig.proxy.stop();
    }

    void aProxyStoppedWhileAWebSocketIsHeldLetsItGoAndLeavesNoThread()
    {
        ProxyRuleSet rules;
        rules.addRule(ProxyRule::all(FrameHook::Toward::Server, ProxyRule::Action::Hold));
        QWebSocket client;
        {
            Rig rig;
            QVERIFY(rig.start(m_authority.get(), m_certs.caFile(), &rules));
            rig.open(client, QUrl(QStringLiteral("ws://127.0.0.1:%1/echo").arg(m_ws.port())), m_authority.get());
            QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 10000);
            QTRY_COMPARE_WITH_TIMEOUT(rig.connections.size(), 1, 5000);
            QTRY_VERIFY_WITH_TIMEOUT(rules.isRelaying(rig.connections.first()), 5000);
            QSignalSpy heldSpy(rules.heldMessages(), &HeldMessages::held);
            QSignalSpy releasedSpy(rules.heldMessages(), &HeldMessages::released);
            client.sendTextMessage(QStringLiteral("held at the stop"));
            QTRY_COMPARE_WITH_TIMEOUT(heldSpy.size(), 1, 5000);
            const quint64 id = heldSpy.first().first().toULongLong();
            rig.proxy.stop();
            QCOMPARE(releasedSpy.size(), 1);
            QCOMPARE(rules.heldMessages()->count(), 0);
            QVERIFY(!rules.heldMessages()->forward(id)); // nothing left to decide
            QVERIFY(!rules.isRelaying(rig.connections.first()));
            QVERIFY(!ProxyThread::isRunning());
        }
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 5000);
    }
};

QTEST_GUILESS_MAIN(tst_ForwardProxyThread)
#include "tst_forwardproxythread.moc"
