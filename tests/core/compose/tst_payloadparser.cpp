#include "compose/payloadparser.h"
#include "language/translations.h"

#include <QTest>

using namespace wsi;

Q_DECLARE_METATYPE(wsi::PayloadFormat)

class tst_PayloadParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validInput_data()
    {
        QTest::addColumn<PayloadFormat>("format");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("isText");
        QTest::newRow("text keeps UTF-8")
            << PayloadFormat::Text << QStringLiteral("héllo") << QByteArray("h\xc3\xa9llo") << true;
        QTest::newRow("json object") << PayloadFormat::Json << QStringLiteral("{\"a\": [1, 2]}")
                                     << QByteArray("{\"a\": [1, 2]}") << true;
        QTest::newRow("hex plain") << PayloadFormat::Hex << QStringLiteral("deadBEEF") << QByteArray("\xde\xad\xbe\xef")
                                   << false;
        QTest::newRow("hex spaced and multiline")
            << PayloadFormat::Hex << QStringLiteral("de ad\nbe  ef") << QByteArray("\xde\xad\xbe\xef") << false;
        QTest::newRow("hex 0x prefixes") << PayloadFormat::Hex << QStringLiteral("0x00 0x01, 0xff")
                                         << QByteArray("\x00\x01\xff", 3) << false;
        QTest::newRow("hex empty") << PayloadFormat::Hex << QString() << QByteArray() << false;
        QTest::newRow("base64") << PayloadFormat::Base64 << QStringLiteral("aGVsbG8=") << QByteArray("hello") << false;
        QTest::newRow("base64 wrapped") << PayloadFormat::Base64 << QStringLiteral("aGVs\nbG8=") << QByteArray("hello")
                                        << false;
        QTest::newRow("base64url") << PayloadFormat::Base64 << QStringLiteral("-_8=") << QByteArray("\xfb\xff", 2)
                                   << false;
    }

    void validInput()
    {
        QFETCH(PayloadFormat, format);
        QFETCH(QString, input);
        QFETCH(QByteArray, bytes);
        QFETCH(bool, isText);
        const ParsedPayload p = parsePayload(format, input);
        QVERIFY2(p.ok, qPrintable(p.error));
        QCOMPARE(p.bytes, bytes);
        QCOMPARE(p.isText, isText);
    }

    void invalidInputIsNamedWithItsPlace_data()
    {
        QTest::addColumn<PayloadFormat>("format");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("mentions");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("hex bad digit") << PayloadFormat::Hex << QStringLiteral("de ad\nbg")
                                       << QStringLiteral("'g' is not a hex digit") << 2 << 2;
        QTest::newRow("hex odd count") << PayloadFormat::Hex << QStringLiteral("abc")
                                       << QStringLiteral("Odd number of hex digits (3)") << 0 << 0;
        QTest::newRow("base64 bad char") << PayloadFormat::Base64 << QStringLiteral("aGV*bG8=")
                                         << QStringLiteral("'*' is not a base64 character") << 1 << 4;
        QTest::newRow("base64 bad padding")
            << PayloadFormat::Base64 << QStringLiteral("aGVsbG8") << QStringLiteral("padding") << 0 << 0;
        QTest::newRow("json missing value")
            << PayloadFormat::Json << QStringLiteral("{\n  \"a\": \n}") << QStringLiteral("Line 3") << 3 << 1;
        QTest::newRow("json trailing comma")
            << PayloadFormat::Json << QStringLiteral("[1, 2,]") << QStringLiteral("Line 1") << 1 << 7;
    }

    void invalidInputIsNamedWithItsPlace()
    {
        QFETCH(PayloadFormat, format);
        QFETCH(QString, input);
        QFETCH(QString, mentions);
        QFETCH(int, line);
        QFETCH(int, column);
        const ParsedPayload p = parsePayload(format, input);
        QVERIFY(!p.ok);
        QVERIFY(p.bytes.isEmpty());
        QVERIFY2(p.error.contains(mentions), qPrintable(p.error));
        if (line > 0) {
            QCOMPARE(p.line, line);
            QCOMPARE(p.column, column);
        }
    }

    // The composer shows these under the editor: in a Korean window they are Korean, Qt's JSON reason included
    // (qtbase_ko), and they follow a switch back to English.
    void errorsSpeakTheWindowsLanguage()
    {
        Translations::forApplication()->apply(QStringLiteral("ko"));
        const ParsedPayload hex = parsePayload(PayloadFormat::Hex, QStringLiteral("abc"));
        const ParsedPayload json = parsePayload(PayloadFormat::Json, QStringLiteral("[1, 2,]"));
        Translations::forApplication()->apply(QStringLiteral("en"));
        QCOMPARE(hex.error, QStringLiteral("hex 숫자의 개수가 홀수입니다 (3). 바이트마다 두 자리가 필요합니다."));
        QCOMPARE(json.error, QStringLiteral("1번째 줄, 7번째 열: 쉼표 뒤에 객체가 없음."));
        QCOMPARE(parsePayload(PayloadFormat::Json, QStringLiteral("[1, 2,]")).error,
            QStringLiteral("Line 1, column 7: object is missing after a comma."));
    }

    void prettifyAndMinify()
    {
        const QString pretty = prettifyJson(QStringLiteral("{\"a\":[1,2]}"));
        QVERIFY(pretty.contains(QLatin1Char('\n')));
        QCOMPARE(minifyJson(pretty), QStringLiteral("{\"a\":[1,2]}"));
        QCOMPARE(prettifyJson(QStringLiteral("{broken")), QStringLiteral("{broken")); // unchanged, never lost
    }
};

QTEST_GUILESS_MAIN(tst_PayloadParser)
#include "tst_payloadparser.moc"
