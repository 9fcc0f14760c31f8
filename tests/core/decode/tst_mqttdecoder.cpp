// Tests for MqttDecoder: MQTT 3.1.1 and 5.0 control packets built from the specifications' figures, packets
// split over and joined in WebSocket messages, pairing by packet id, bounded buffers, malformed packets.
#include "decode/mqttdecoder.h"

#include <QJsonArray>
#include <QtTest>

using namespace wsi;

namespace {
constexpr auto C2S = DecodeDirection::ClientToServer;
constexpr auto S2C = DecodeDirection::ServerToClient;

QByteArray hex(const char *h)
{
    return QByteArray::fromHex(h);
}

// MQTT 3.1.1: CONNECT "abc", username "user", password "pass", clean session, keep-alive 60 (figure 3.x layout).
const QByteArray kConnect311 = hex("101b"
                                   "00044d515454"
                                   "04"
                                   "c2"
                                   "003c"
                                   "0003616263"
                                   "000475736572"
                                   "000470617373");
// MQTT 5.0: CONNECT "c", session expiry interval 3600.
const QByteArray kConnect5 = hex("1013"
                                 "00044d515454"
                                 "05"
                                 "02"
                                 "003c"
                                 "05"
                                 "1100000e10"
                                 "000163");

DecodedMessage one(MqttDecoder &d, const QByteArray &bytes, DecodeDirection dir = C2S)
{
    const QList<DecodedMessage> out = d.decode(bytes, dir, false);
    if (out.size() != 1)
        qFatal("expected one message, got %d", int(out.size()));
    return out.first();
}
} // namespace

class tst_MqttDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesMqtt311Packets_data();
    void decodesMqtt311Packets();
    void decodesConnectFields();
    void decodesMqtt5Properties();
    void decodesTwoByteRemainingLength();
    void joinsPacketSplitAcrossMessages();
    void splitsMessageHoldingSeveralPackets();
    void pairsByPacketId();
    void skipsOversizedPacketAndResynchronises();
    void namesMalformedPackets_data();
    void namesMalformedPackets();
};

void tst_MqttDecoder::decodesMqtt311Packets_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("summary");
    QTest::newRow("CONNACK") << hex("20020000") << "CONNACK"
                             << "CONNACK code 0";
    QTest::newRow("PUBLISH qos 1") << hex("320c"
                                          "0003612f62"
                                          "000a"
                                          "68656c6c6f")
                                   << "PUBLISH"
                                   << "PUBLISH a/b qos 1 #10 hello";
    QTest::newRow("PUBLISH qos 0 retain") << hex("3105"
                                                 "000161"
                                                 "6869")
                                          << "PUBLISH"
                                          << "PUBLISH a qos 0 hi";
    QTest::newRow("PUBACK") << hex("4002000a") << "PUBACK"
                            << "PUBACK #10";
    QTest::newRow("PUBREC") << hex("5002000b") << "PUBREC"
                            << "PUBREC #11";
    QTest::newRow("PUBREL") << hex("6202000b") << "PUBREL"
                            << "PUBREL #11";
    QTest::newRow("PUBCOMP") << hex("7002000b") << "PUBCOMP"
                             << "PUBCOMP #11";
    QTest::newRow("SUBSCRIBE") << hex("8208"
                                      "0001"
                                      "0003612f23"
                                      "01")
                               << "SUBSCRIBE"
                               << "SUBSCRIBE #1 a/#";
    QTest::newRow("SUBACK") << hex("9003000101") << "SUBACK"
                            << "SUBACK #1";
    QTest::newRow("UNSUBSCRIBE") << hex("a207"
                                        "0002"
                                        "0003612f23")
                                 << "UNSUBSCRIBE"
                                 << "UNSUBSCRIBE #2 a/#";
    QTest::newRow("UNSUBACK") << hex("b0020002") << "UNSUBACK"
                              << "UNSUBACK #2";
    QTest::newRow("PINGREQ") << hex("c000") << "PINGREQ"
                             << "PINGREQ";
    QTest::newRow("PINGRESP") << hex("d000") << "PINGRESP"
                              << "PINGRESP";
    QTest::newRow("DISCONNECT") << hex("e000") << "DISCONNECT"
                                << "DISCONNECT";
}

void tst_MqttDecoder::decodesMqtt311Packets()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, kind);
    QFETCH(QString, summary);
    MqttDecoder d;
    one(d, kConnect311);
    const DecodedMessage m = one(d, bytes, S2C);
    QVERIFY2(!m.isMalformed(), qPrintable(m.note));
    QCOMPARE(m.protocol, QStringLiteral("mqtt"));
    QCOMPARE(m.kind, kind);
    QCOMPARE(m.summary, summary);
}

void tst_MqttDecoder::decodesConnectFields()
{
    MqttDecoder d;
    const DecodedMessage m = one(d, kConnect311);
    QVERIFY2(!m.isMalformed(), qPrintable(m.note));
    QCOMPARE(m.fields.value("client_id").toString(), QStringLiteral("abc"));
    QCOMPARE(m.fields.value("protocol_level").toInt(), 4);
    QCOMPARE(m.fields.value("keep_alive").toInt(), 60);
    QCOMPARE(m.fields.value("username").toString(), QStringLiteral("user"));
    QCOMPARE(m.fields.value("password_size").toInt(), 4);
    QVERIFY(!m.fields.contains("password"));
    QVERIFY(m.fields.value("clean_session").toBool());
    QCOMPARE(m.summary, QStringLiteral("CONNECT abc v4 keep-alive 60s"));
    QCOMPARE(d.protocolLevel(), 4);

    // A will: topic "w", payload "bye", QoS 1, retained.
    MqttDecoder w;
    const DecodedMessage will = one(w,
        hex("1015"
            "00044d515454"
            "04"
            "2e"
            "0000"
            "000163"
            "000177"
            "0003627965"));
    QVERIFY2(!will.isMalformed(), qPrintable(will.note));
    const QJsonObject wo = will.fields.value("will").toObject();
    QCOMPARE(wo.value("topic").toString(), QStringLiteral("w"));
    QCOMPARE(wo.value("payload").toString(), QStringLiteral("bye"));
    QCOMPARE(wo.value("qos").toInt(), 1);
    QVERIFY(wo.value("retain").toBool());
}

void tst_MqttDecoder::decodesMqtt5Properties()
{
    MqttDecoder d;
    const DecodedMessage connect = one(d, kConnect5);
    QVERIFY2(!connect.isMalformed(), qPrintable(connect.note));
    QCOMPARE(d.protocolLevel(), 5);
    QCOMPARE(connect.fields.value("properties").toObject().value("session_expiry_interval").toInt(), 3600);
    QCOMPARE(connect.fields.value("client_id").toString(), QStringLiteral("c"));

    const DecodedMessage connack = one(d,
        hex("2006"
            "0000"
            "03"
            "22000a"),
        S2C);
    QVERIFY2(!connack.isMalformed(), qPrintable(connack.note));
    QCOMPARE(connack.fields.value("reason_code").toInt(), 0);
    QCOMPARE(connack.fields.value("properties").toObject().value("topic_alias_maximum").toInt(), 10);

    const DecodedMessage publish = one(d,
        hex("300f"
            "000174"
            "0a"
            "230001"
            "2600016b000176"
            "78"));
    QVERIFY2(!publish.isMalformed(), qPrintable(publish.note));
    const QJsonObject props = publish.fields.value("properties").toObject();
    QCOMPARE(props.value("topic_alias").toInt(), 1);
    QCOMPARE(props.value("user_property").toArray().at(0).toArray().at(1).toString(), QStringLiteral("v"));
    QCOMPARE(publish.fields.value("payload").toString(), QStringLiteral("x"));

    const DecodedMessage subscribe = one(d,
        hex("8207"
            "0005"
            "00"
            "000174"
            "2d"));
    QVERIFY2(!subscribe.isMalformed(), qPrintable(subscribe.note));
    const QJsonObject topic = subscribe.fields.value("topics").toArray().at(0).toObject();
    QCOMPARE(topic.value("qos").toInt(), 1);
    QVERIFY(topic.value("no_local").toBool());
    QVERIFY(topic.value("retain_as_published").toBool());
    QCOMPARE(topic.value("retain_handling").toInt(), 2);

    // MQTT 5 acknowledgements may carry a reason code; DISCONNECT too.
    QCOMPARE(one(d, hex("400300 0a10"), S2C).fields.value("reason_code").toInt(), 0x10);
    QCOMPARE(one(d, hex("e0018e"), S2C).fields.value("reason_code").toInt(), 0x8e);
}

void tst_MqttDecoder::decodesTwoByteRemainingLength()
{
    // 321 is 0xC1 0x02 (MQTT 3.1.1 section 2.2.3's example).
    MqttDecoder d;
    const QByteArray publish = hex("30c102"
                                   "000174")
        + QByteArray(318, 'p');
    const DecodedMessage m = one(d, publish);
    QVERIFY2(!m.isMalformed(), qPrintable(m.note));
    QCOMPARE(m.fields.value("payload_size").toInt(), 318);
    QCOMPARE(m.fields.value("size").toInt(), 321);
}

void tst_MqttDecoder::joinsPacketSplitAcrossMessages()
{
    for (qsizetype cut = 1; cut < kConnect311.size(); ++cut) {
        MqttDecoder d;
        const DecodedMessage head = one(d, kConnect311.left(cut));
        QCOMPARE(head.kind, QStringLiteral("FRAGMENT"));
        QCOMPARE(head.fields.value("buffered").toInt(), int(cut));
        const DecodedMessage whole = one(d, kConnect311.mid(cut));
        QCOMPARE(whole.kind, QStringLiteral("CONNECT"));
        QVERIFY2(!whole.isMalformed(), qPrintable(whole.note));
        QCOMPARE(whole.fields.value("client_id").toString(), QStringLiteral("abc"));
    }
    // Byte by byte: one FRAGMENT each until the last byte.
    MqttDecoder d;
    for (qsizetype i = 0; i + 1 < kConnect311.size(); ++i)
        QCOMPARE(one(d, kConnect311.mid(i, 1)).kind, QStringLiteral("FRAGMENT"));
    QCOMPARE(one(d, kConnect311.right(1)).kind, QStringLiteral("CONNECT"));
}

void tst_MqttDecoder::splitsMessageHoldingSeveralPackets()
{
    MqttDecoder d;
    const QList<DecodedMessage> out = d.decode(kConnect311 + hex("c000") + hex("3207000161"), C2S, false);
    QCOMPARE(out.size(), 2);
    QCOMPARE(out[0].kind, QStringLiteral("CONNECT"));
    QCOMPARE(out[1].kind, QStringLiteral("PINGREQ"));
    // The PUBLISH's start waits in the buffer; its rest completes it.
    const DecodedMessage publish = one(d, hex("00076869"));
    QCOMPARE(publish.kind, QStringLiteral("PUBLISH"));
    QCOMPARE(publish.fields.value("packet_id").toInt(), 7);
    QCOMPARE(publish.fields.value("payload").toString(), QStringLiteral("hi"));
}

void tst_MqttDecoder::pairsByPacketId()
{
    MqttDecoder d;
    const DecodedMessage connect = one(d, kConnect311);
    const DecodedMessage connack = one(d, hex("20020000"), S2C);
    QCOMPARE(connect.pairKey, connack.pairKey);
    QCOMPARE(connect.pairRole, PairRole::Request);
    QCOMPARE(connack.pairRole, PairRole::Reply);
    const DecodedMessage publish = one(d,
        hex("320c"
            "0003612f62"
            "000a"
            "68656c6c6f"));
    const DecodedMessage puback = one(d, hex("4002000a"), S2C);
    QCOMPARE(publish.pairKey, QStringLiteral("mqtt:pub:10"));
    QCOMPARE(puback.pairKey, publish.pairKey);
    QCOMPARE(publish.pairLabel, QStringLiteral("a/b"));
    QCOMPARE(one(d,
                 hex("8208"
                     "0001"
                     "0003612f23"
                     "01"))
                 .pairKey,
        one(d, hex("9003000101"), S2C).pairKey);
    QCOMPARE(one(d, hex("6202000b")).pairKey, one(d, hex("7002000b"), S2C).pairKey);
    QCOMPARE(one(d, hex("c000")).pairKey, one(d, hex("d000"), S2C).pairKey);
    QCOMPARE(one(d,
                 hex("3105000161"
                     "6869"))
                 .pairRole,
        PairRole::None); // QoS 0 expects no reply
}

void tst_MqttDecoder::skipsOversizedPacketAndResynchronises()
{
    MqttDecoder d(64);
    // A PUBLISH declaring 100 bytes, sent in two messages, then a PINGREQ.
    const QByteArray big = hex("3064"
                               "000174")
        + QByteArray(97, 'x');
    const DecodedMessage first = one(d, big.left(40));
    QCOMPARE(first.noteId, QStringLiteral("packet-too-large"));
    QCOMPARE(first.kind, QStringLiteral("PUBLISH"));
    QCOMPARE(one(d, big.mid(40)).noteId, QStringLiteral("packet-too-large"));
    QCOMPARE(one(d, hex("c000")).kind, QStringLiteral("PINGREQ"));

    // The largest remaining length MQTT allows (268,435,455) allocates nothing: it is skipped as it comes.
    MqttDecoder big2;
    QCOMPARE(one(big2, hex("30ffffff7f") + QByteArray(1000, 'y')).noteId, QStringLiteral("packet-too-large"));
    QCOMPARE(one(big2, QByteArray(1000, 'y')).kind, QStringLiteral("SKIPPED"));
}

void tst_MqttDecoder::namesMalformedPackets_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("noteId");
    QTest::newRow("five-byte remaining length") << hex("30ffffffff01") << "remaining-length-too-long";
    QTest::newRow("field past the end") << hex("3203000561") << "truncated-packet";
    QTest::newRow("SUBSCRIBE flags 0") << hex("8008"
                                              "0001"
                                              "0003612f23"
                                              "01")
                                       << "bad-flags";
    QTest::newRow("PUBLISH QoS 3") << hex("36050001610001") << "bad-qos";
    QTest::newRow("reserved type 0") << hex("0000") << "reserved-type";
    QTest::newRow("trailing bytes") << hex("c00100") << "trailing-bytes";
    QTest::newRow("bad protocol name") << hex("100c"
                                              "0004414d5150"
                                              "04"
                                              "02"
                                              "003c"
                                              "0000")
                                       << "bad-protocol-name";
    QTest::newRow("topic not UTF-8") << hex("3005"
                                            "0002c3280a")
                                     << "bad-utf8";
    QTest::newRow("SUBSCRIBE without topics") << hex("82020001") << "no-topics";
    QTest::newRow("unknown v5 property") << hex("1013"
                                                "00044d515454"
                                                "05"
                                                "02"
                                                "003c"
                                                "05"
                                                "7f00000e10"
                                                "000163")
                                         << "unknown-property";
    QTest::newRow("v5 properties longer than packet") << hex("100e"
                                                             "00044d515454"
                                                             "05"
                                                             "02"
                                                             "003c"
                                                             "7f"
                                                             "000163")
                                                      << "truncated-packet";
}

void tst_MqttDecoder::namesMalformedPackets()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, noteId);
    MqttDecoder d;
    const DecodedMessage m = one(d, bytes);
    QCOMPARE(m.noteId, noteId);
    QVERIFY(!m.note.isEmpty());
    // The decoder goes on: a PINGREQ after it decodes.
    QCOMPARE(one(d, hex("c000")).kind, QStringLiteral("PINGREQ"));
    // Text frames are no MQTT.
    QCOMPARE(d.decode("hello", C2S, true).first().noteId, QStringLiteral("text-frame"));
}

QTEST_GUILESS_MAIN(tst_MqttDecoder)
#include "tst_mqttdecoder.moc"
