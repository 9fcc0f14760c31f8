// tst_cli_proxy_flush: wsinspector-cli proxy prints a message's line while its connection is still open (the
// printer flushes within a few milliseconds, not only when a connection ends or the process stops).
#include "clipeers.h"
#include "clirun.h"
#include "wireframe.h"

#include <QTcpSocket>
#include <QTest>
#include <QUrl>

class tst_CliProxyFlush : public QObject
{
    Q_OBJECT

private:
    CliPeers m_peers;

private Q_SLOTS:
    void initTestCase() { m_peers.start(CliPeers::Python); }
    void cleanupTestCase() { m_peers.stop(); }

    void printsAMessageWhileItsConnectionStaysOpen()
    {
        ServeProcess proxy;
        proxy.setCommand(QStringLiteral("proxy"));
        QVERIFY(proxy.start({ QStringLiteral("--to"), QStringLiteral("ws://127.0.0.1:%1/").arg(m_peers.python().port()),
            QStringLiteral("--duration-ms"), QStringLiteral("60000") }));
        // A raw client that stays connected: its lines can only show because the printer flushed them.
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, quint16(QUrl(proxy.listeningUrl()).port()));
        QVERIFY(client.waitForConnected(5000));
        client.write("GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QByteArray response;
        QTRY_VERIFY_WITH_TIMEOUT((response += client.readAll()).contains("\r\n\r\n"), 10000);
        QVERIFY2(response.startsWith("HTTP/1.1 101"), response.constData());
        client.write(wireFrame(0x81, "still open", 0x0a0b0c0du));
        QVERIFY2(
            proxy.waitForOutput("\"still open\""), "the message's line did not show while its connection was open");
        QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
        client.abort();
        proxy.finish(true, 5000);
    }
};

QTEST_GUILESS_MAIN(tst_CliProxyFlush)
#include "tst_cli_proxy_flush.moc"
