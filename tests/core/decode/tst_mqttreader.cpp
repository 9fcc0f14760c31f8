// Tests for MqttReader: the Variable Byte Integer boundaries of MQTT 5.0 table 1-1, strings, and failures
// that stick (truncation, a fifth varint byte, invalid UTF-8, an unknown property).
#include "decode/mqttreader.h"

#include <QJsonArray>
#include <QtTest>

using namespace wsi;

class tst_MqttReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsVarintBoundaries_data();
    void readsVarintBoundaries();
    void rejectsFiveByteVarint();
    void failureSticks();
    void readsStringsAndProperties();
};

void tst_MqttReader::readsVarintBoundaries_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<quint32>("value");
    QTest::newRow("0") << QByteArray::fromHex("00") << quint32(0);
    QTest::newRow("127") << QByteArray::fromHex("7f") << quint32(127);
    QTest::newRow("128") << QByteArray::fromHex("8001") << quint32(128);
    QTest::newRow("16383") << QByteArray::fromHex("ff7f") << quint32(16383);
    QTest::newRow("16384") << QByteArray::fromHex("808001") << quint32(16384);
    QTest::newRow("2097151") << QByteArray::fromHex("ffff7f") << quint32(2097151);
    QTest::newRow("2097152") << QByteArray::fromHex("80808001") << quint32(2097152);
    QTest::newRow("268435455") << QByteArray::fromHex("ffffff7f") << quint32(268435455);
}

void tst_MqttReader::readsVarintBoundaries()
{
    QFETCH(QByteArray, bytes);
    QFETCH(quint32, value);
    MqttReader r(bytes);
    QCOMPARE(r.varint(), value);
    QVERIFY(!r.failed());
    QVERIFY(r.atEnd());
}

void tst_MqttReader::rejectsFiveByteVarint()
{
    const QByteArray b1 = QByteArray::fromHex("ffffffff7f");
    MqttReader r(b1);
    QCOMPARE(r.varint(), quint32(0));
    QCOMPARE(r.errorId(), QStringLiteral("varint-too-long"));
    const QByteArray b2 = QByteArray::fromHex("ff");
    MqttReader truncated(b2);
    truncated.varint();
    QCOMPARE(truncated.errorId(), QStringLiteral("truncated-packet"));
}

void tst_MqttReader::failureSticks()
{
    const QByteArray b3 = QByteArray::fromHex("0005616263");
    MqttReader r(b3);
    QCOMPARE(r.string(), QString());
    QCOMPARE(r.errorId(), QStringLiteral("truncated-packet"));
    QVERIFY(r.error().contains(QStringLiteral("needs 5 bytes, 3 left")));
    QCOMPARE(r.u16(), quint16(0));
    QCOMPARE(r.errorId(), QStringLiteral("truncated-packet"));
    const QByteArray b4 = QByteArray::fromHex("0002c328");
    MqttReader bad(b4);
    bad.string();
    QCOMPARE(bad.errorId(), QStringLiteral("bad-utf8"));
}

void tst_MqttReader::readsStringsAndProperties()
{
    // Properties: content type "a", two user properties, subscription identifier 300 (0xAC 0x02).
    const QByteArray bytes = QByteArray::fromHex("15"
                                                 "03000161"
                                                 "2600016b000176"
                                                 "2600016b000177"
                                                 "0bac02"
                                                 "0002"
                                                 "6869");
    MqttReader r(bytes);
    const QJsonObject props = r.properties();
    QVERIFY2(!r.failed(), qPrintable(r.error()));
    QCOMPARE(props.value("content_type").toString(), QStringLiteral("a"));
    QCOMPARE(props.value("user_property").toArray().size(), 2);
    QCOMPARE(props.value("subscription_identifier").toArray().at(0).toInt(), 300);
    QCOMPARE(r.string(), QStringLiteral("hi"));
    QVERIFY(r.atEnd());

    const QByteArray b5 = QByteArray::fromHex("02"
                                              "7f00");
    MqttReader unknown(b5);
    unknown.properties();
    QCOMPARE(unknown.errorId(), QStringLiteral("unknown-property"));
}

QTEST_GUILESS_MAIN(tst_MqttReader)
#include "tst_mqttreader.moc"
