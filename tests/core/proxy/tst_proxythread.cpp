// tst_proxythread: the reverse proxy without rules off the GUI thread (issue 12): its listener, every client and their
// sockets live on the ProxyThread, where each read is handled; the GUI thread gets the record of both legs in batches,
// in wire order; the user's abort reaches the client there; no thread is left once the proxy is gone.
#include "connection/connection.h"
#include "connection/legorder.h"
#include "connection/workspace.h"
#include "legmessages.h"
#include "models/eventlogmodel.h"
#include "peerprocess.h"
#include "proxy/proxiedclient.h"
#include "proxy/proxiedrecording.h"
#include "proxy/proxylistener.h"
#include "proxy/proxythread.h"
#include "proxy/reverseproxy.h"
#include "proxythreadprobe.h"

#include <QAbstractItemModelTester>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QWebSocket>

#include <atomic>

using namespace wsi;

namespace {

using Facing = ConnectionLeg::Facing;

} // namespace

class tst_ProxyThread : public QObject
{
    Q_OBJECT

private:
    PeerProcess m_server;

    // A reverse proxy without rules in front of the python3-websockets server.
    struct Rig
    {
        Workspace workspace;
        ReverseProxy proxy { &workspace };
        QList<Connection *> connections;
        int announcements = 0;

        bool start(const PeerProcess &server)
        {
            QObject::connect(&workspace, &Workspace::connectionAdded, &workspace, [this](Connection *c) {
                connections << c;
                QObject::connect(c, &Connection::eventsAppended, c, [this] { ++announcements; });
            });
            ReverseProxyOptions options;
            options.upstream.url = QUrl(server.url(QStringLiteral("/")));
            return proxy.start(options);
        }
    };

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")),
            "python3-websockets server did not start");
    }

    void cleanup()
    {
        // Every proxy of a test is gone by now: so is the thread.
        QVERIFY(!ProxyThread::isRunning());
    }

    void theClientsSocketsAreReadOnTheProxyThreadAndTheGuiGetsBatchesInWireOrder()
    {
        Rig rig;
        QVERIFY(rig.start(m_server));
        QVERIFY(ProxyThread::isRunning());
        QVERIFY(rig.proxy.listenerOnProxyThread()->thread() != QThread::currentThread());

        QWebSocket client;
        QList<QString> received;
        connect(&client, &QWebSocket::textMessageReceived, this, [&](const QString &text) { received << text; });
        client.open(QUrl(rig.proxy.url().toString() + QStringLiteral("pushback")));
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(rig.connections.size(), 1, 5000);
        Connection *connection = rig.connections.first();
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), Connection::State::Open, 5000);

        // The client and both its sockets belong to the proxy thread; where their readyRead is handled is noted there.
        const auto reads = std::make_shared<SocketReads>();
        const QList<QThread *> threads = watchClientSockets(rig.proxy, 1, reads);
        QCOMPARE(threads.size(), 3); // the client, its socket and the upstream's
        for (QThread *thread : threads)
            QCOMPARE(thread, rig.proxy.listenerOnProxyThread()->thread());

        constexpr int kCount = 5000;
        const int announcedBefore = rig.announcements;
        client.sendTextMessage(QStringLiteral("flood %1 300").arg(kCount));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), kCount + 1, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(connection->leg(Facing::Client)->counters.messagesOut, quint64(kCount + 1), 10000);
        QCOMPARE(reads->lastThread.load(), rig.proxy.listenerOnProxyThread()->thread());

        // Both legs hold every message in order, the client leg's as the server leg received it.
        QByteArrayList fromServer;
        QByteArrayList toClient;
        const QList<EventRecord> serverRows
            = legMessages(*connection, Facing::Server, Direction::Incoming, &fromServer);
        const QList<EventRecord> clientRows = legMessages(*connection, Facing::Client, Direction::Outgoing, &toClient);
        QCOMPARE(serverRows.size(), kCount + 1);
        QCOMPARE(fromServer, toClient);
        for (int i = 0; i < kCount; ++i)
            QVERIFY(fromServer.at(i).startsWith(QStringLiteral("%1 ").arg(i + 1, 4, 10, QLatin1Char('0')).toUtf8()));
        QCOMPARE(received.last(), QStringLiteral("flood done"));
        // Wire order across the legs: each message's row on the leg that received it goes first.
        for (int i = 0; i < serverRows.size(); ++i)
            QVERIFY2(LegOrder::serverFirst(clientRows.at(i), serverRows.at(i)), qPrintable(QString::number(i)));
        // The times are the proxy thread's: the connection started when the client was accepted, before its request.
        QVERIFY(connection->leg(Facing::Client)->events.size() > 0);
        QVERIFY(connection->startedUs() <= connection->leg(Facing::Client)->events.at(0).timeUs);
        // In batches: far fewer announcements than rows.
        QVERIFY2(rig.announcements - announcedBefore < kCount / 4, qPrintable(QString::number(rig.announcements)));

        // The user's abort reaches the client on its thread: both sockets close, the connection finishes.
        bool finished = false;
        connect(connection, &Connection::finished, this, [&finished] { finished = true; });
        connection->abort();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(finished, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(rig.proxy.clientCount(), 0, 5000);
    }

    void aGuiThreadThatDoesNotApplyHoldsTheFloodBack()
    {
        Rig rig;
        QVERIFY(rig.start(m_server));
        // A python3-websockets client floods the echo upstream through the proxy; its output goes to no pipe, so that
        // nothing but the proxy holds it back.
        constexpr int kCount = 20000;
        QProcess client;
        client.setStandardOutputFile(QProcess::nullDevice());
        client.start(QStringLiteral(WSI_SYSTEM_PYTHON),
            { QStringLiteral(WSI_TEST_PEERS_DIR "/ws_client.py"), rig.proxy.url().toString() + QStringLiteral("echo"),
                QStringLiteral("--flood"), QString::number(kCount), QStringLiteral("300"), QStringLiteral("--expect"),
                QString::number(kCount) });
        QVERIFY(client.waitForStarted(5000));
        QTRY_COMPARE_WITH_TIMEOUT(rig.connections.size(), 1, 10000);
        Connection *connection = rig.connections.first();
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), Connection::State::Open, 10000);

        // This thread applies nothing for a while: the proxy stops reading once 512 KiB wait unacknowledged (plus
        // the read under way, up to 1 MiB recorded on both legs), and stays stopped.
        const auto held = [&rig] {
            return onProxyThread(rig.proxy, [](ProxyListener *listener) {
                ProxiedClient *proxied = listener->clientForTests(1);
                return proxied ? proxied->recording()->unacknowledged() : qint64(-1);
            });
        };
        // (A slow client, under load, may take a while to send the first 512 KiB.)
        for (int waited = 0; waited < 20000 && held() < ProxiedRecording::kMaxHeldBytes; waited += 100)
            QThread::msleep(100);
        QThread::msleep(300);
        const qint64 first = held();
        QThread::msleep(300);
        const qint64 second = held();
        QVERIFY2(first >= ProxiedRecording::kMaxHeldBytes, qPrintable(QString::number(first)));
        QCOMPARE(second, first);
        constexpr qint64 kFlood = 4LL * kCount * 300; // sent and relayed, echoed and relayed back
        QVERIFY2(second < ProxiedRecording::kMaxHeldBytes + 2 * 1024 * 1024, qPrintable(QString::number(second)));
        QVERIFY(second < kFlood / 4);

        // Applied, the flood goes on to its end: every message on both legs both ways, in order.
        QTRY_COMPARE_WITH_TIMEOUT(connection->leg(Facing::Client)->counters.messagesOut, quint64(kCount), 60000);
        QVERIFY(client.waitForFinished(20000));
        QTRY_COMPARE_WITH_TIMEOUT(rig.proxy.clientCount(), 0, 10000);
        QByteArrayList sent;
        QByteArrayList echoed;
        legMessages(*connection, Facing::Server, Direction::Outgoing, &sent);
        legMessages(*connection, Facing::Client, Direction::Outgoing, &echoed);
        QCOMPARE(sent.size(), kCount);
        QCOMPARE(echoed, sent);
        for (int i = 0; i < kCount; i += 997)
            QVERIFY(sent.at(i).startsWith(QStringLiteral("%1 ").arg(i + 1, 4, 10, QLatin1Char('0')).toUtf8()));
    }

    void theEventModelStaysConsistentUnderAProxiedFlood()
    {
        Rig rig;
        QVERIFY(rig.start(m_server));
        QWebSocket client;
        int received = 0;
        connect(&client, &QWebSocket::textMessageReceived, this, [&received] { ++received; });
        client.open(QUrl(rig.proxy.url().toString() + QStringLiteral("pushback")));
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(rig.connections.size(), 1, 5000);
        EventLogModel model;
        model.setShowFrames(true);
        model.setConnection(rig.connections.first());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        constexpr int kCount = 3000;
        client.sendTextMessage(QStringLiteral("flood %1 200").arg(kCount));
        QTRY_COMPARE_WITH_TIMEOUT(received, kCount + 1, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(
            rig.connections.first()->leg(Facing::Client)->counters.messagesOut, quint64(kCount + 1), 10000);
        QTRY_VERIFY(model.rowCount() >= 2 * kCount); // a frame and a message each, at least on one leg
    }

    void aStoppedProxyWithoutClientsLeavesNoThread()
    {
        Workspace workspace;
        ReverseProxy proxy(&workspace);
        ReverseProxyOptions options;
        options.upstream.url = QUrl(m_server.url(QStringLiteral("/")));
        QVERIFY(proxy.start(options));
        QVERIFY(ProxyThread::isRunning());
        QVERIFY(proxy.isListening());
        proxy.stop();
        QVERIFY(!proxy.isListening());
        QTRY_VERIFY_WITH_TIMEOUT(!ProxyThread::isRunning(), 5000);
    }

    void aPortInUseIsSaidAtOnce()
    {
        Workspace workspace;
        ReverseProxy first(&workspace);
        ReverseProxyOptions options;
        options.upstream.url = QUrl(m_server.url(QStringLiteral("/")));
        QVERIFY(first.start(options));
        options.port = first.url().port();
        ReverseProxy second(&workspace);
        QString error;
        QVERIFY(!second.start(options, &error));
        QVERIFY2(error.contains(QString::number(options.port)), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(tst_ProxyThread)
#include "tst_proxythread.moc"
