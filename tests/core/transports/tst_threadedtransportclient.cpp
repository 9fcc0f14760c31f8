// The transport comparison's clients off the GUI thread (issue 12): each runs on the TransportClientThread, reads its
// socket there, and hands the messages to this thread in order with the time they came off the wire.
#include "connection/workspace.h"
#include "localserverfixture.h"
#include "server/localserver.h"
#include "server/serverthread.h"
#include "server/transportendpointshandle.h"
#include "transports/pollingclient.h"
#include "transports/streamingclient.h"
#include "transports/threadedtransportclient.h"
#include "transports/transportclientthread.h"
#include "transports/transportworkload.h"
#include "transports/websockettransportclient.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QWebSocket>

#include <atomic>
#include <memory>

using namespace wsi;

class tst_ThreadedTransportClient : public QObject, protected LocalServerFixture
{
    Q_OBJECT

private:
    QUrl serverUrl() const
    {
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(QStringLiteral("127.0.0.1"));
        url.setPort(m_server->port());
        return url;
    }

    static TransportClient *make(TransportKind kind)
    {
        switch (kind) {
        case TransportKind::Polling:
        case TransportKind::LongPolling:
            return new PollingClient(kind, 50);
        case TransportKind::Streaming:
            return new StreamingClient;
        case TransportKind::WebSocket:
            return new WebSocketTransportClient;
        }
        return nullptr;
    }

private Q_SLOTS:
    void init()
    {
        setUp();
        const QString error = start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanup()
    {
        tearDown();
        QTRY_VERIFY_WITH_TIMEOUT(!ServerThread::isRunning(), 10000);
    }

    void eachClientReadsOnItsOwnThreadAndDeliversInOrder_data()
    {
        QTest::addColumn<int>("kind");
        for (TransportKind kind : allTransportKinds())
            QTest::newRow(transportName(kind).constData()) << int(kind);
    }

    void eachClientReadsOnItsOwnThreadAndDeliversInOrder()
    {
        QFETCH(int, kind);
        const auto transport = TransportKind(kind);
        {
            ThreadedTransportClient client(make(transport));
            TransportClient *inner = client.clientOnItsThread();
            QThread *clientThread = inner->thread();
            QVERIFY(clientThread != QThread::currentThread());
            QVERIFY(TransportClientThread::isRunning());

            QSignalSpy ready(&client, &ThreadedTransportClient::ready);
            QList<int> seqs;
            QList<qint64> times;
            bool deliveredHere = true;
            connect(&client, &ThreadedTransportClient::received, this, [&](int seq, qint64 steadyNs) {
                seqs << seq;
                times << steadyNs;
                deliveredHere = deliveredHere && QThread::currentThread() == qApp->thread();
            });
            client.start(serverUrl(), BrowserHeaders::chromeDefaults());
            QVERIFY(ready.wait(5000));

            // Where the client's socket (QWebSocket) or its requests' manager (QNetworkAccessManager) live: the
            // client's thread. Qt's HTTP itself reads on the manager's own internal thread, never on this one.
            QThread *socketThread = nullptr;
            QMetaObject::invokeMethod(
                inner,
                [&] {
                    if (QObject *socket = inner->findChild<QWebSocket *>())
                        socketThread = socket->thread();
                    else if (QObject *network = inner->findChild<QNetworkAccessManager *>())
                        socketThread = network->thread();
                },
                Qt::BlockingQueuedConnection);
            QCOMPARE(socketThread, clientThread);

            constexpr int kMessages = 200;
            TransportWorkload workload;
            for (int seq = 1; seq <= kMessages; ++seq)
                m_server->transports()->publish(workload.serverMessage(seq));
            QTRY_COMPARE_WITH_TIMEOUT(seqs.size(), kMessages, 20000);
            for (int i = 0; i < kMessages; ++i)
                QCOMPARE(seqs.at(i), i + 1);
            for (int i = 1; i < kMessages; ++i)
                QVERIFY(times.at(i) >= times.at(i - 1));
            QVERIFY(deliveredHere);

            // And up: the server gets the client's message.
            QSignalSpy up(m_server->transports(), &TransportEndpointsHandle::clientMessage);
            client.send(workload.clientMessage(0));
            QTRY_COMPARE(up.count(), 1);
            QCOMPARE(up.at(0).at(0).value<TransportKind>(), transport);
            QCOMPARE(up.at(0).at(1).toByteArray(), workload.clientMessage(0));

            client.stop();
            client.send("after the stop"); // dropped: nothing is posted after stop()
            QTest::qWait(50);
            QCOMPARE(m_server->transports()->tally(transport).clientMessages, 1);
        }
        // The handle was the thread's last holder: the client was deleted on it and the thread joined.
        QVERIFY(!TransportClientThread::isRunning());
    }
};

QTEST_GUILESS_MAIN(tst_ThreadedTransportClient)
#include "tst_threadedtransportclient.moc"
