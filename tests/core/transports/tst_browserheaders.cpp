// Browser headers for the transport comparison: Chrome's by default, or pasted from DevTools.
#include "transports/browserheaders.h"

#include <QTest>

using namespace wsi;

class tst_BrowserHeaders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsLookLikeChrome()
    {
        const BrowserHeaders::List headers = BrowserHeaders::chromeDefaults();
        QStringList names;
        for (const auto &header : headers)
            names << QString::fromLatin1(header.first.toLower());
        QVERIFY(names.contains(QStringLiteral("user-agent")));
        QVERIFY(names.contains(QStringLiteral("sec-ch-ua")));
        QVERIFY(names.contains(QStringLiteral("cookie")));
        QVERIFY(!names.contains(QStringLiteral("host")));
    }

    void parsesWhatDevToolsCopies()
    {
        const QString pasted = QStringLiteral("GET /api/feed HTTP/1.1\n"
                                              ":authority: example.com\n"
                                              "Host: example.com\r\n"
                                              "accept: application/json\r\n"
                                              "Connection: keep-alive\n"
                                              "user-agent: Mozilla/5.0 (Test)\n"
                                              "Sec-WebSocket-Key: abc\n"
                                              "\n"
                                              "cookie: a=1; b=2\n"
                                              "not a header\n");
        const BrowserHeaders::List headers = BrowserHeaders::parse(pasted);
        const BrowserHeaders::List expected
            = { { "accept", "application/json" }, { "user-agent", "Mozilla/5.0 (Test)" }, { "cookie", "a=1; b=2" } };
        QCOMPARE(headers, expected);
        QCOMPARE(BrowserHeaders::parse(BrowserHeaders::toText(expected)), expected);
        QVERIFY(BrowserHeaders::parse(QStringLiteral("nothing here")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_BrowserHeaders)
#include "tst_browserheaders.moc"
