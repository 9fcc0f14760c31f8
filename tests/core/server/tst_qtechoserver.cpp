// QtEchoServer: the Qt engine's own QWebSocketServer runs its sockets on the server thread (issue 12: the GUI thread
// reads no socket of the local server), echoes byte for byte with Qt's frames, closes its clients with 1001 on
// stop(), and leaves no thread behind.
#include "server/qtechoserver.h"
#include "server/serverthread.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QWebSocket>

using namespace wsi;

class tst_QtEchoServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void itsSocketsLiveOnTheServerThreadAndEcho()
    {
        {
            QtEchoServer server;
            QString error;
            QVERIFY2(server.start(ServerMode::Echo, 0, &error), qPrintable(error));
            QVERIFY(server.isListening());
            QVERIFY(server.url().port() > 0);
            QVERIFY(ServerThread::isRunning());
            QVERIFY(server.socketThread());
            QVERIFY(server.socketThread() != QThread::currentThread());

            QWebSocket client;
            QSignalSpy texts(&client, &QWebSocket::textMessageReceived);
            QSignalSpy binaries(&client, &QWebSocket::binaryMessageReceived);
            client.open(server.url());
            QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 10000);
            const QByteArray large(200 * 1024, 'q');
            client.sendTextMessage(QStringLiteral("héllo"));
            client.sendBinaryMessage(large);
            QTRY_COMPARE_WITH_TIMEOUT(texts.size(), 1, 10000);
            QTRY_COMPARE_WITH_TIMEOUT(binaries.size(), 1, 10000);
            QCOMPARE(texts.at(0).at(0).toString(), QStringLiteral("héllo"));
            QCOMPARE(binaries.at(0).at(0).toByteArray(), large);

            server.stop();
            QVERIFY(!server.isListening());
            QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 10000);
            QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
        }
        QVERIFY(!ServerThread::isRunning()); // its thread was let go, stopped and joined
    }

    void aRestartListensAgainOnItsThread()
    {
        QtEchoServer server;
        QVERIFY(server.start(ServerMode::Silent, 1024));
        server.stop();
        QVERIFY(server.start(ServerMode::Echo, 0));
        QVERIFY(server.isListening());
        QVERIFY(server.socketThread() != QThread::currentThread());
        QWebSocket client;
        QSignalSpy texts(&client, &QWebSocket::textMessageReceived);
        client.open(server.url());
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 10000);
        client.sendTextMessage(QStringLiteral("again"));
        QTRY_COMPARE_WITH_TIMEOUT(texts.size(), 1, 10000);
    }

    void aModeItDoesNotHaveIsRefusedWithoutAThread()
    {
        QtEchoServer server;
        QString error;
        QVERIFY(!server.start(ServerMode::Broadcast, 0, &error));
        QVERIFY(error.contains(QStringLiteral("echo and silent")));
        QVERIFY(!server.isListening());
        QVERIFY(!ServerThread::isRunning());
    }
};

QTEST_GUILESS_MAIN(tst_QtEchoServer)
#include "tst_qtechoserver.moc"
