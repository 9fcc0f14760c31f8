#include "protocol/closecodes.h"

#include <QtTest>

using namespace wsi;

class tst_CloseCodes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesAndValidity_data();
    void namesAndValidity();
    void everyCodeHasOneSentenceMeaning();
};

void tst_CloseCodes::namesAndValidity_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("onWire");

    QTest::newRow("1000 normal") << 1000 << "Normal Closure" << true;
    QTest::newRow("1001 going away") << 1001 << "Going Away" << true;
    QTest::newRow("1002 protocol error") << 1002 << "Protocol Error" << true;
    QTest::newRow("1003 unsupported data") << 1003 << "Unsupported Data" << true;
    QTest::newRow("1004 reserved") << 1004 << "Reserved" << false;
    QTest::newRow("1005 no status") << 1005 << "No Status Received" << false;
    QTest::newRow("1006 abnormal") << 1006 << "Abnormal Closure" << false;
    QTest::newRow("1007 invalid payload") << 1007 << "Invalid Frame Payload Data" << true;
    QTest::newRow("1008 policy") << 1008 << "Policy Violation" << true;
    QTest::newRow("1009 too big") << 1009 << "Message Too Big" << true;
    QTest::newRow("1010 mandatory extension") << 1010 << "Mandatory Extension" << true;
    QTest::newRow("1011 internal error") << 1011 << "Internal Error" << true;
    QTest::newRow("1012 service restart") << 1012 << "Service Restart" << true;
    QTest::newRow("1013 try again later") << 1013 << "Try Again Later" << true;
    QTest::newRow("1014 bad gateway") << 1014 << "Bad Gateway" << true;
    QTest::newRow("1015 tls handshake") << 1015 << "TLS Handshake" << false;
    QTest::newRow("1016 unassigned") << 1016 << "Unassigned" << false;
    QTest::newRow("2999 unassigned") << 2999 << "Unassigned" << false;
    QTest::newRow("3000 registered") << 3000 << "Registered" << true;
    QTest::newRow("3999 registered") << 3999 << "Registered" << true;
    QTest::newRow("4000 private") << 4000 << "Private use" << true;
    QTest::newRow("4999 private") << 4999 << "Private use" << true;
    QTest::newRow("0 invalid") << 0 << "Invalid" << false;
    QTest::newRow("999 invalid") << 999 << "Invalid" << false;
    QTest::newRow("5000 invalid") << 5000 << "Invalid" << false;
    QTest::newRow("65535 invalid") << 65535 << "Invalid" << false;
    QTest::newRow("-1 invalid") << -1 << "Invalid" << false;
}

void tst_CloseCodes::namesAndValidity()
{
    QFETCH(int, code);
    QFETCH(QString, name);
    QFETCH(bool, onWire);
    QCOMPARE(closeCodeName(code), name);
    QCOMPARE(isValidWireCloseCode(code), onWire);
}

void tst_CloseCodes::everyCodeHasOneSentenceMeaning()
{
    for (int code = -1; code <= 65536; ++code) {
        const QString meaning = closeCodeMeaning(code);
        QVERIFY2(!meaning.isEmpty() && meaning.endsWith(QLatin1Char('.')), qPrintable(QString::number(code)));
        // One sentence: no full stop before the end.
        QVERIFY2(!meaning.chopped(1).contains(QLatin1String(". ")), qPrintable(meaning));
    }
    QVERIFY(closeCodeMeaning(1009).contains(QLatin1String("too big")));
    QVERIFY(closeCodeMeaning(4001).contains(QLatin1String("private")));
    QVERIFY(closeCodeMeaning(1005).contains(QLatin1String("must not be sent")));
}

QTEST_GUILESS_MAIN(tst_CloseCodes)
#include "tst_closecodes.moc"
