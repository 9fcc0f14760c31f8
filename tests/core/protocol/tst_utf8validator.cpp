#include "protocol/utf8validator.h"

#include <QtTest>

using namespace wsi;

class tst_Utf8Validator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validates_data();
    void validates();
    void findsErrorPastLongAsciiRun();
};

void tst_Utf8Validator::validates_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid"); // nothing invalid seen
    QTest::addColumn<bool>("complete"); // valid and no code point left open
    QTest::addColumn<int>("errorOffset");

    QTest::newRow("empty") << QByteArray() << true << true << 0;
    QTest::newRow("ascii") << QByteArray("Hello, world") << true << true << 0;
    QTest::newRow("two-byte e-acute") << QByteArray::fromHex("c3a9") << true << true << 0;
    QTest::newRow("three-byte euro") << QByteArray::fromHex("e282ac") << true << true << 0;
    QTest::newRow("four-byte emoji") << QByteArray::fromHex("f09f9880") << true << true << 0;
    QTest::newRow("highest code point U+10FFFF") << QByteArray::fromHex("f48fbfbf") << true << true << 0;
    QTest::newRow("U+D7FF just below surrogates") << QByteArray::fromHex("ed9fbf") << true << true << 0;
    QTest::newRow("U+E000 just above surrogates") << QByteArray::fromHex("ee8080") << true << true << 0;
    QTest::newRow("truncated two-byte") << QByteArray::fromHex("41c3") << true << false << 0;
    QTest::newRow("truncated four-byte") << QByteArray::fromHex("f09f98") << true << false << 0;
    QTest::newRow("lone continuation") << QByteArray::fromHex("4180") << false << false << 1;
    QTest::newRow("overlong two-byte slash") << QByteArray::fromHex("c0af") << false << false << 0;
    QTest::newRow("overlong C1") << QByteArray::fromHex("c1bf") << false << false << 0;
    QTest::newRow("overlong three-byte") << QByteArray::fromHex("e08080") << false << false << 1;
    QTest::newRow("overlong four-byte") << QByteArray::fromHex("f0808080") << false << false << 1;
    QTest::newRow("surrogate U+D800") << QByteArray::fromHex("eda080") << false << false << 1;
    QTest::newRow("above U+10FFFF") << QByteArray::fromHex("f4908080") << false << false << 1;
    QTest::newRow("F5 lead byte") << QByteArray::fromHex("f5808080") << false << false << 0;
    QTest::newRow("FF byte") << QByteArray::fromHex("61ff") << false << false << 1;
    QTest::newRow("lead byte then ascii") << QByteArray::fromHex("e28241") << false << false << 2;
    QTest::newRow("long ascii then emoji")
        << QByteArray(100, 'a') + QByteArray::fromHex("f09f9880") << true << true << 0;
}

void tst_Utf8Validator::validates()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    QFETCH(bool, complete);
    QFETCH(int, errorOffset);

    Utf8Validator whole;
    QCOMPARE(whole.feed(bytes.constData(), bytes.size()), valid);
    QCOMPARE(whole.isValid(), valid);
    QCOMPARE(whole.isComplete(), complete);
    if (!valid)
        QCOMPARE(whole.errorOffset(), quint64(errorOffset));
    QCOMPARE(Utf8Validator::isValidUtf8(bytes.constData(), bytes.size()), complete);

    // A code point split across feeds (as across fragments) gives the same answer.
    for (int cut = 0; cut <= bytes.size(); ++cut) {
        Utf8Validator split;
        split.feed(bytes.constData(), cut);
        split.feed(bytes.constData() + cut, bytes.size() - cut);
        QCOMPARE(split.isValid(), valid);
        QCOMPARE(split.isComplete(), complete);
        if (!valid)
            QCOMPARE(split.errorOffset(), quint64(errorOffset));
    }
}

void tst_Utf8Validator::findsErrorPastLongAsciiRun()
{
    // The ASCII fast path skips 16 bytes at a time; the error offset must still be exact.
    for (int at = 0; at < 70; ++at) {
        QByteArray bytes(80, 'x');
        bytes[at] = char(0xFF);
        Utf8Validator v;
        QVERIFY(!v.feed(bytes.constData(), bytes.size()));
        QCOMPARE(v.errorOffset(), quint64(at));
        v.reset();
        QVERIFY(v.feed("ok", 2));
        QVERIFY(v.isComplete());
    }
}

QTEST_GUILESS_MAIN(tst_Utf8Validator)
#include "tst_utf8validator.moc"
