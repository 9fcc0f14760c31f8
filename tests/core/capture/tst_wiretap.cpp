// The tap must never be an open proxy: only its own credentials, only its own target, one tunnel.
#include "capture/wiretap.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace wsi;

namespace {

QByteArray connectRequest(const QByteArray &target, const QByteArray &auth = {})
{
    QByteArray request = "CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n";
    if (!auth.isEmpty())
        request += "Proxy-Authorization: " + auth + "\r\n";
    return request + "\r\n";
}

QByteArray basic(const QString &user, const QString &password)
{
    return "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64();
}

// Reads until the head of the tap's answer is complete (bounded).
QByteArray readHead(QTcpSocket &socket)
{
    QByteArray data;
    // The tap runs in this thread: wait with the event loop running, never with waitForReadyRead().
    for (int i = 0; i < 250 && !data.contains("\r\n\r\n"); ++i) {
        QTest::qWait(20);
        data += socket.readAll();
        if (socket.state() != QAbstractSocket::ConnectedState)
            break;
    }
    return data;
}

// Every chunk the tap recorded, in order, each batch taken back as a GUI side would (TapHandle does).
struct RecordedChunks
{
    QList<TapChunk> chunks;
    qint64 bytes = 0;

    void follow(WireTap &tap)
    {
        QObject::connect(&tap, &WireTap::batchReady, &tap, [this, &tap](const TapBatch &batch) {
            chunks += batch.chunks;
            bytes += batch.bytes;
            tap.batchTaken(batch.bytes);
        });
    }
};

} // namespace

class tst_WireTap : public QObject
{
    Q_OBJECT

private:
    QTcpServer m_target; // stands for the WebSocket server; must see no connection when the tap refuses

    QByteArray targetAuthority() const { return "127.0.0.1:" + QByteArray::number(m_target.serverPort()); }

private Q_SLOTS:
    void init() { QVERIFY(m_target.listen(QHostAddress::LocalHost, 0)); }

    void cleanup() { m_target.close(); }

    void listensOnLoopbackOnly()
    {
        WireTap tap(QStringLiteral("127.0.0.1"), m_target.serverPort());
        QVERIFY(tap.listen());
        QVERIFY(tap.port() != 0);
        QCOMPARE(tap.proxy().hostName(), QStringLiteral("127.0.0.1"));
        QVERIFY(tap.user().size() >= 16);
        QVERIFY(tap.password().size() >= 16);
        WireTap other(QStringLiteral("127.0.0.1"), m_target.serverPort());
        QVERIFY(tap.password() != other.password()); // per-tap random credentials
    }

    void challengesAConnectWithoutCredentials()
    {
        WireTap tap(QStringLiteral("127.0.0.1"), m_target.serverPort());
        QVERIFY(tap.listen());
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, tap.port());
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        client.write(connectRequest(targetAuthority()));
        const QByteArray answer = readHead(client);
        QVERIFY2(answer.startsWith("HTTP/1.1 407 "), answer.constData());
        QVERIFY(answer.contains("Proxy-Authenticate: Basic"));
        QTest::qWait(200);
        QVERIFY(!m_target.hasPendingConnections());
        QVERIFY(!tap.tunnelEstablished());
    }

    void refusesWrongCredentials()
    {
        WireTap tap(QStringLiteral("127.0.0.1"), m_target.serverPort());
        QVERIFY(tap.listen());
        QSignalSpy refused(&tap, &WireTap::refused);
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, tap.port());
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        client.write(connectRequest(targetAuthority(), basic(tap.user(), QStringLiteral("guess"))));
        const QByteArray answer = readHead(client);
        QVERIFY2(answer.startsWith("HTTP/1.1 407 "), answer.constData());
        QTRY_COMPARE(refused.count(), 1);
        QTRY_COMPARE(client.state(), QAbstractSocket::UnconnectedState);
        QVERIFY(!m_target.hasPendingConnections());
        QVERIFY(!tap.tunnelEstablished());
    }

    void refusesAnotherTarget()
    {
        QTcpServer elsewhere;
        QVERIFY(elsewhere.listen(QHostAddress::LocalHost, 0));
        WireTap tap(QStringLiteral("127.0.0.1"), m_target.serverPort());
        QVERIFY(tap.listen());
        QSignalSpy refused(&tap, &WireTap::refused);
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, tap.port());
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        client.write(connectRequest(
            "127.0.0.1:" + QByteArray::number(elsewhere.serverPort()), basic(tap.user(), tap.password())));
        const QByteArray answer = readHead(client);
        QVERIFY2(answer.startsWith("HTTP/1.1 403 "), answer.constData());
        QTRY_COMPARE(refused.count(), 1);
        QTest::qWait(200);
        QVERIFY(!elsewhere.hasPendingConnections());
        QVERIFY(!m_target.hasPendingConnections());
    }

    void relaysAndRecordsBothDirectionsForOneTunnelOnly()
    {
        WireTap tap(QStringLiteral("127.0.0.1"), m_target.serverPort());
        QVERIFY(tap.listen());
        const quint16 tapPort = tap.port();
        RecordedChunks recorded;
        recorded.follow(tap);
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, tapPort);
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        client.write(connectRequest(targetAuthority(), basic(tap.user(), tap.password())));
        const QByteArray answer = readHead(client);
        QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.constData());
        QTRY_VERIFY(m_target.hasPendingConnections());
        QTcpSocket *server = m_target.nextPendingConnection();
        QVERIFY(tap.tunnelEstablished());

        client.write("ping from client");
        QTRY_COMPARE(server->bytesAvailable(), qint64(16));
        QCOMPARE(server->readAll(), QByteArray("ping from client"));
        server->write("pong from server");
        QTRY_VERIFY(client.bytesAvailable() >= 16);
        QCOMPARE(client.readAll(), QByteArray("pong from server"));

        QTRY_COMPARE(recorded.chunks.size(), 2);
        QCOMPARE(recorded.chunks.at(0).direction, Direction::Outgoing);
        QCOMPARE(recorded.chunks.at(0).bytes, QByteArray("ping from client"));
        QCOMPARE(recorded.chunks.at(1).direction, Direction::Incoming);
        QCOMPARE(recorded.chunks.at(1).bytes, QByteArray("pong from server"));
        QVERIFY(recorded.chunks.at(1).timeUs >= recorded.chunks.at(0).timeUs);

        // The one tunnel is taken: a second client gets nowhere.
        QTcpSocket second;
        second.connectToHost(QHostAddress::LocalHost, tapPort);
        QTest::qWait(200);
        if (second.state() == QAbstractSocket::ConnectedState) {
            second.write(connectRequest(targetAuthority(), basic(tap.user(), tap.password())));
            QVERIFY(!readHead(second).startsWith("HTTP/1.1 200"));
        }
        QTest::qWait(100);
        QVERIFY(!m_target.hasPendingConnections());
    }

    // A server faster than the client: the tap stops reading the server while the client has not taken what it
    // was given (the sender waits in TCP), instead of holding the flood in its write buffer (issue 12); then
    // every byte arrives, in order, once the client reads.
    void holdsTheServerBackWhileTheClientLags()
    {
        WireTap tap(QStringLiteral("127.0.0.1"), m_target.serverPort());
        QVERIFY(tap.listen());
        RecordedChunks recorded;
        recorded.follow(tap);
        const qint64 &recordedBytes = recorded.bytes;
        QTcpSocket client;
        client.setReadBufferSize(64 * 1024); // a client that lags: Qt stops reading its socket for it
        client.connectToHost(QHostAddress::LocalHost, tap.port());
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        client.write(connectRequest(targetAuthority(), basic(tap.user(), tap.password())));
        QVERIFY(readHead(client).startsWith("HTTP/1.1 200 "));
        QTRY_VERIFY(m_target.hasPendingConnections());
        QTcpSocket *server = m_target.nextPendingConnection();

        constexpr qint64 kFlood = qint64(64) << 20;
        QByteArray flood(kFlood, Qt::Uninitialized);
        for (qint64 i = 0; i < kFlood; ++i)
            flood[i] = char(i % 251);
        server->write(flood);
        // The client reads nothing: wait until the tap has stopped taking the server's bytes.
        qint64 last = -1;
        for (int quiet = 0, i = 0; quiet < 10 && i < 500; ++i) {
            QTest::qWait(20);
            quiet = recordedBytes == last ? quiet + 1 : 0;
            last = recordedBytes;
        }
        QVERIFY2(recordedBytes < kFlood / 2, qPrintable(QString::number(recordedBytes)));
        QVERIFY2(tap.clientBacklog() <= qint64(2) << 20, qPrintable(QString::number(tap.clientBacklog())));

        QByteArray received;
        for (int i = 0; i < 3000 && received.size() < kFlood; ++i) {
            QTest::qWait(5);
            received += client.readAll();
        }
        QCOMPARE(received.size(), kFlood);
        QVERIFY(received == flood);
        QCOMPARE(recordedBytes, kFlood);
    }

    void keepsUpstreamOpenBrieflyAfterClientLeaves()
    {
        WireTap tap(QStringLiteral("127.0.0.1"), m_target.serverPort());
        tap.setCloseGraceMs(2000);
        QVERIFY(tap.listen());
        RecordedChunks recorded;
        recorded.follow(tap);
        QSignalSpy closed(&tap, &WireTap::upstreamClosed);
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, tap.port());
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        client.write(connectRequest(targetAuthority(), basic(tap.user(), tap.password())));
        QVERIFY(readHead(client).startsWith("HTTP/1.1 200 "));
        QTRY_VERIFY(m_target.hasPendingConnections());
        QTcpSocket *server = m_target.nextPendingConnection();

        client.abort(); // like QWebSocket::close(): gone right after its last write
        QTest::qWait(200);
        server->write("late reply");
        QTRY_COMPARE(recorded.chunks.size(), 1);
        QCOMPARE(recorded.chunks.at(0).direction, Direction::Incoming);
        QCOMPARE(recorded.chunks.at(0).bytes, QByteArray("late reply"));
        server->disconnectFromHost();
        QTRY_COMPARE(closed.count(), 1);
        QCOMPARE(closed.at(0).at(0).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(tst_WireTap)
#include "tst_wiretap.moc"
