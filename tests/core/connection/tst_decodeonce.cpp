// Decode once (issue 12): the tap reads the server's frames off the wire for the record, so its own QWebSocket is
// handed only what it acts on. Against python3-websockets: every message still recorded byte for byte, the socket
// sees no single-frame message, and still gets what it must (a fragmented message, pings, pongs, the close).
#include "connection/connection.h"
#include "peerprocess.h"
#include "testcerts.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace wsi;

namespace {

QStringList incomingTexts(const Connection &c)
{
    QStringList texts;
    for (qsizetype i = 0; i < c.events().size(); ++i) {
        const EventRecord &r = c.events().at(i);
        if (r.type == EventType::Message && r.dir == Direction::Incoming)
            texts << c.events().payloadText(i);
    }
    return texts;
}

qsizetype countOf(const Connection &c, EventType type, Direction dir)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < c.events().size(); ++i)
        n += c.events().at(i).type == type && c.events().at(i).dir == dir;
    return n;
}

} // namespace

class tst_DecodeOnce : public QObject
{
    Q_OBJECT

private:
    PeerProcess m_server;
    PeerProcess m_wssServer;
    TestCertificates m_certs;

    QUrl url(const QString &path) const { return QUrl(m_server.url(path)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")),
            "python3-websockets server did not start");
        QVERIFY2(m_certs.create(), "openssl could not create test certificates");
        QVERIFY2(m_wssServer.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("wss_server.py"),
                     { m_certs.certFile(), m_certs.keyFile() }),
            "wss server did not start");
    }

    void aFloodIsRecordedWhileTheSocketIsHandedNoneOfIt()
    {
        ConnectionOptions options;
        options.url = url(QStringLiteral("/pushback"));
        Connection c(options);
        c.open();
        QTRY_COMPARE_WITH_TIMEOUT(c.state(), Connection::State::Open, 10000);
        QSignalSpy socketTexts(c.socket(), &QWebSocket::textMessageReceived);
        QVERIFY(c.sendText(QStringLiteral("flood 500 300")));
        QTRY_COMPARE_WITH_TIMEOUT(c.counters().messagesIn, quint64(501), 15000);
        const QStringList texts = incomingTexts(c);
        QCOMPARE(texts.size(), 501);
        for (int i = 0; i < 500; ++i) {
            const QString head = QStringLiteral("%1 ").arg(i + 1, 4, 10, QLatin1Char('0'));
            QCOMPARE(texts.at(i), head + QString(300 - head.size(), QLatin1Char('x')));
        }
        QCOMPARE(texts.last(), QStringLiteral("flood done"));
        QCOMPARE(socketTexts.count(), 0);

        // The close handshake still goes through the socket: it answers the server's Close.
        QSignalSpy finished(&c, &Connection::finished);
        QVERIFY(c.close());
        QVERIFY(finished.wait(10000));
        QCOMPARE(c.state(), Connection::State::Closed);
        QCOMPARE(countOf(c, EventType::Close, Direction::Incoming), 1);
        QCOMPARE(countOf(c, EventType::Error, Direction::None), 0);
    }

    void aFragmentedMessageAndAPingStillReachTheSocket()
    {
        ConnectionOptions options;
        options.url = url(QStringLiteral("/fragmented"));
        Connection c(options);
        c.open();
        QTRY_VERIFY_WITH_TIMEOUT(c.socket() != nullptr, 5000);
        QSignalSpy socketTexts(c.socket(), &QWebSocket::textMessageReceived);
        QTRY_COMPARE_WITH_TIMEOUT(c.counters().messagesIn, quint64(1), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(socketTexts.count(), 1, 5000);
        QCOMPARE(socketTexts.first().first().toString(), QStringLiteral("Hello, fragments"));
        QCOMPARE(incomingTexts(c), QStringList { QStringLiteral("Hello, fragments") });
        // A single-frame echo after it is left out again.
        QVERIFY(c.sendText(QStringLiteral("after")));
        QTRY_COMPARE_WITH_TIMEOUT(c.counters().messagesIn, quint64(2), 5000);
        QCOMPARE(socketTexts.count(), 1);
        c.close();

        ConnectionOptions pinged;
        pinged.url = url(QStringLiteral("/ping"));
        Connection p(pinged);
        p.open();
        // The socket answers the server's ping itself (auto-pong), so it must have been handed the ping.
        QTRY_COMPARE_WITH_TIMEOUT(countOf(p, EventType::Pong, Direction::Outgoing), qsizetype(1), 10000);
    }

    void overTlsTheTapCannotReadTheSocketsMessagesAreTheRecord()
    {
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("wss://127.0.0.1:%1/").arg(m_wssServer.port()));
        options.caFile = m_certs.caFile();
        options.interceptTls = false;
        Connection c(options);
        c.open();
        QTRY_COMPARE_WITH_TIMEOUT(c.state(), Connection::State::Open, 10000);
        QSignalSpy socketTexts(c.socket(), &QWebSocket::textMessageReceived);
        QVERIFY(c.sendText(QStringLiteral("over tls")));
        QTRY_COMPARE_WITH_TIMEOUT(socketTexts.count(), 1, 5000);
        QCOMPARE(incomingTexts(c), QStringList { QStringLiteral("over tls") });
        c.close();
    }
};

QTEST_GUILESS_MAIN(tst_DecodeOnce)
#include "tst_decodeonce.moc"
