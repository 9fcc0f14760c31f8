// ConnectionOptions' subprotocol list: the one parser every editor uses, with commas, spaces or both.
#include "endpoints/connectionoptions.h"

#include <QTest>

using namespace wsi;

class TestConnectionOptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesSubprotocolsSeparatedByCommasAndSpaces_data();
    void parsesSubprotocolsSeparatedByCommasAndSpaces();
    void joinedSubprotocolsParseBackToTheSameList();
    void parsedSubprotocolsAreValidTokens();
    void parsesHeaderLinesSkippingBlankOnes();
    void namesTheFirstMalformedHeaderLine();
};

void TestConnectionOptions::parsesSubprotocolsSeparatedByCommasAndSpaces_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    const QStringList three { QStringLiteral("chat"), QStringLiteral("superchat"), QStringLiteral("v2") };
    QTest::newRow("commas and a space") << QStringLiteral("chat, superchat v2") << three;
    QTest::newRow("commas only") << QStringLiteral("chat,superchat,v2") << three;
    QTest::newRow("spaces only") << QStringLiteral("chat superchat v2") << three;
    QTest::newRow("tabs and runs of separators") << QStringLiteral("  chat\t,, superchat ,v2 ,") << three;
    QTest::newRow("one name") << QStringLiteral("graphql-ws") << QStringList { QStringLiteral("graphql-ws") };
    QTest::newRow("order kept") << QStringLiteral("v2.chat, v1.chat")
                                << QStringList { QStringLiteral("v2.chat"), QStringLiteral("v1.chat") };
    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("separators only") << QStringLiteral(" , ,") << QStringList();
}

void TestConnectionOptions::parsesSubprotocolsSeparatedByCommasAndSpaces()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(ConnectionOptions::parseSubprotocols(text), expected);
}

void TestConnectionOptions::joinedSubprotocolsParseBackToTheSameList()
{
    const QStringList list { QStringLiteral("chat"), QStringLiteral("superchat"), QStringLiteral("v2") };
    QCOMPARE(ConnectionOptions::joinSubprotocols(list), QStringLiteral("chat, superchat, v2"));
    QCOMPARE(ConnectionOptions::parseSubprotocols(ConnectionOptions::joinSubprotocols(list)), list);
}

void TestConnectionOptions::parsedSubprotocolsAreValidTokens()
{
    // What the dialog used to keep as one name ("superchat v2") is now two, so validate() accepts it.
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9000/chat"));
    options.subprotocols = ConnectionOptions::parseSubprotocols(QStringLiteral("chat, superchat v2"));
    QCOMPARE(options.validate(), QString());
    options.subprotocols = { QStringLiteral("superchat v2") };
    QVERIFY(options.validate().contains(QLatin1String("subprotocol")));
}

void TestConnectionOptions::parsesHeaderLinesSkippingBlankOnes()
{
    QList<QPair<QByteArray, QByteArray>> headers { { "Stale", "1" } };
    int badLine = -1;
    QString error;
    QVERIFY(parseHeaderLines(
        QStringLiteral("Authorization: Bearer abc\n\n  \nX-Trace:  t-1 \n"), &headers, &badLine, &error));
    const QList<QPair<QByteArray, QByteArray>> expected {
        { "Authorization", "Bearer abc" },
        { "X-Trace", "t-1" },
    };
    QCOMPARE(headers, expected);
    QCOMPARE(badLine, -1);
    QVERIFY(error.isEmpty());
}

void TestConnectionOptions::namesTheFirstMalformedHeaderLine()
{
    QList<QPair<QByteArray, QByteArray>> headers;
    int badLine = 0;
    QString error;
    QVERIFY(!parseHeaderLines(QStringLiteral("X-Ok: 1\n\nno colon here\nAlso bad"), &headers, &badLine, &error));
    QCOMPARE(badLine, 3);
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestConnectionOptions)
#include "tst_connectionoptions.moc"
