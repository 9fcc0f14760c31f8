// SecretMasker: secret headers, query parameters and userinfo passwords are masked; everything else stays
// byte-for-byte, so a masked head still reads as the head that crossed the wire.
#include "explain/secretmasker.h"

#include <QTest>

using namespace wsi;

class TestSecretMasker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void secretHeaders_data();
    void secretHeaders();
    void headerValues_data();
    void headerValues();
    void urls_data();
    void urls();
    void httpHeadKeepsEverythingButSecrets();
};

void TestSecretMasker::secretHeaders_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("secret");
    QTest::newRow("authorization") << QByteArray("Authorization") << true;
    QTest::newRow("lower proxy") << QByteArray("proxy-authorization") << true;
    QTest::newRow("cookie") << QByteArray("Cookie") << true;
    QTest::newRow("set-cookie") << QByteArray("Set-Cookie") << true;
    QTest::newRow("x-api-key") << QByteArray("X-Api-Key") << true;
    QTest::newRow("x-auth-token") << QByteArray("X-Auth-Token") << true;
    QTest::newRow("host") << QByteArray("Host") << false;
    QTest::newRow("origin") << QByteArray("Origin") << false;
    QTest::newRow("sec-websocket-key") << QByteArray("Sec-WebSocket-Key") << false;
    QTest::newRow("user-agent") << QByteArray("User-Agent") << false;
}

void TestSecretMasker::secretHeaders()
{
    QFETCH(QByteArray, name);
    QFETCH(bool, secret);
    QCOMPARE(SecretMasker::isSecretHeader(name), secret);
}

void TestSecretMasker::headerValues_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("masked");
    const QByteArray mask(SecretMasker::kMask);
    QTest::newRow("bearer keeps scheme") << QByteArray("Authorization") << QByteArray("Bearer abc.def.ghi")
                                         << QByteArray("Bearer ") + mask;
    QTest::newRow("basic keeps scheme") << QByteArray("Authorization") << QByteArray("Basic dXNlcjpwYXNz")
                                        << QByteArray("Basic ") + mask;
    QTest::newRow("cookie whole") << QByteArray("Cookie") << QByteArray("sid=1; theme=dark") << mask;
    QTest::newRow("not secret") << QByteArray("X-Trace") << QByteArray("abc") << QByteArray("abc");
    QTest::newRow("empty stays empty") << QByteArray("Cookie") << QByteArray() << QByteArray();
}

void TestSecretMasker::headerValues()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, masked);
    QCOMPARE(SecretMasker::maskHeaderValue(name, value), masked);
}

void TestSecretMasker::urls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("masked");
    const QString m = QString::fromUtf8(SecretMasker::kMask);
    QTest::newRow("token") << "wss://h/ws?token=abc&room=1"
                           << "wss://h/ws?token=" + m + "&room=1";
    QTest::newRow("access_token and fragment") << "ws://h/?room=2&access_token=x.y#top"
                                               << "ws://h/?room=2&access_token=" + m + "#top";
    QTest::newRow("api_key percent-encoded key") << "ws://h/?api%5Fkey=k"
                                                 << "ws://h/?api%5Fkey=" + m;
    QTest::newRow("userinfo password") << "ws://bob:hunter2@h:8080/p"
                                       << "ws://bob:" + m + "@h:8080/p";
    QTest::newRow("nothing secret") << "ws://h:1/a?b=c&d"
                                    << "ws://h:1/a?b=c&d";
    QTest::newRow("request target") << "/chat?sig=s1&v=3"
                                    << "/chat?sig=" + m + "&v=3";
}

void TestSecretMasker::urls()
{
    QFETCH(QString, url);
    QFETCH(QString, masked);
    QCOMPARE(SecretMasker::maskUrl(url), masked);
}

void TestSecretMasker::httpHeadKeepsEverythingButSecrets()
{
    const QByteArray head = "GET /ws?token=t0p&x=1 HTTP/1.1\r\n"
                            "Host: example.test\r\n"
                            "Authorization: Bearer s3cr3t\r\n"
                            "Cookie: a=b\r\n"
                            "Cookie: c=d\r\n"
                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                            "\r\n";
    const QByteArray mask(SecretMasker::kMask);
    const QByteArray expected = "GET /ws?token=" + mask
        + "&x=1 HTTP/1.1\r\n"
          "Host: example.test\r\n"
          "Authorization: Bearer "
        + mask
        + "\r\n"
          "Cookie: "
        + mask
        + "\r\n"
          "Cookie: "
        + mask
        + "\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
          "\r\n";
    QCOMPARE(SecretMasker::maskHttpHead(head), expected);
    const QByteArray response = "HTTP/1.1 101 Switching Protocols\r\nSet-Cookie: sid=9\r\n\r\n";
    QCOMPARE(
        SecretMasker::maskHttpHead(response), "HTTP/1.1 101 Switching Protocols\r\nSet-Cookie: " + mask + "\r\n\r\n");
}

QTEST_APPLESS_MAIN(TestSecretMasker)
#include "tst_secretmasker.moc"
