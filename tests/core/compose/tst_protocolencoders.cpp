// The protocol encoders of the composer: exact bytes from the specifications' examples, and every packet read
// back by our own decoders with the fields it was built from.
#include "compose/graphqlwsbuilder.h"
#include "compose/jsonrpcbuilder.h"
#include "compose/mqttpacketbuilder.h"
#include "compose/socketioencoder.h"
#include "compose/stompframebuilder.h"
#include "decode/graphqlwsdecoder.h"
#include "decode/jsonrpcdecoder.h"
#include "decode/mqttdecoder.h"
#include "decode/socketiodecoder.h"
#include "decode/stompdecoder.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace wsi;

namespace {
DecodedMessage decodeOne(ProtocolDecoder &decoder, const QByteArray &bytes, bool isText)
{
    const QList<DecodedMessage> messages = decoder.decode(bytes, DecodeDirection::ClientToServer, isText);
    if (messages.size() != 1)
        return DecodedMessage::malformed(QStringLiteral("test"), QStringLiteral("count"),
            RecordedText::plain(QStringLiteral("%1 messages").arg(messages.size())));
    return messages.constFirst();
}
} // namespace

class tst_ProtocolEncoders : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mqttConnectMatchesTheSpecExample()
    {
        MqttPacketBuilder v311(4);
        MqttPacketBuilder::Connect c;
        c.clientId = QStringLiteral("test");
        QCOMPARE(v311.connect(c).toHex(' '), QByteArray("10 10 00 04 4d 51 54 54 04 02 00 3c 00 04 74 65 73 74"));
        MqttPacketBuilder v5(5);
        QCOMPARE(v5.connect(c).toHex(' '), QByteArray("10 11 00 04 4d 51 54 54 05 02 00 3c 00 00 04 74 65 73 74"));

        c.username = QStringLiteral("u");
        c.password = QStringLiteral("p");
        c.keepAlive = 30;
        c.cleanStart = false;
        MqttDecoder decoder;
        const DecodedMessage m = decodeOne(decoder, v311.connect(c), false);
        QVERIFY2(!m.isMalformed(), qPrintable(m.note));
        QCOMPARE(m.kind, QStringLiteral("CONNECT"));
        QCOMPARE(m.fields.value(QStringLiteral("client_id")).toString(), QStringLiteral("test"));
        QCOMPARE(m.fields.value(QStringLiteral("keep_alive")).toInt(), 30);
        QCOMPARE(m.fields.value(QStringLiteral("clean_session")).toBool(), false);
        QCOMPARE(m.fields.value(QStringLiteral("username")).toString(), QStringLiteral("u"));
        QCOMPARE(m.fields.value(QStringLiteral("password_size")).toInt(), 1);
    }

    void mqttSubscribeAndPublishBytes()
    {
        MqttPacketBuilder b(4);
        QCOMPARE(
            b.subscribe(1, { { QStringLiteral("a/b"), 1 } }).toHex(' '), QByteArray("82 08 00 01 00 03 61 2f 62 01"));
        QCOMPARE(b.publish(QStringLiteral("a/b"), "hi", 1, false, 10).toHex(' '),
            QByteArray("32 09 00 03 61 2f 62 00 0a 68 69"));
        QCOMPARE(
            b.publish(QStringLiteral("a/b"), "hi", 0, true, 10).toHex(' '), QByteArray("31 07 00 03 61 2f 62 68 69"));
        QCOMPARE(b.unsubscribe(2, { QStringLiteral("a/b") }).toHex(' '), QByteArray("a2 07 00 02 00 03 61 2f 62"));
        QCOMPARE(MqttPacketBuilder::pingreq().toHex(' '), QByteArray("c0 00"));
        QCOMPARE(b.disconnect().toHex(' '), QByteArray("e0 00"));
    }

    void mqttVersion5RoundTrips()
    {
        MqttPacketBuilder b(5);
        MqttPacketBuilder::Connect c;
        c.clientId = QStringLiteral("wsi");
        MqttDecoder decoder;
        QCOMPARE(decodeOne(decoder, b.connect(c), false).fields.value(QStringLiteral("protocol_level")).toInt(), 5);
        const DecodedMessage sub
            = decodeOne(decoder, b.subscribe(7, { { QStringLiteral("x/#"), 2 }, { QStringLiteral("y"), 0 } }), false);
        QVERIFY2(!sub.isMalformed(), qPrintable(sub.note));
        QCOMPARE(sub.fields.value(QStringLiteral("packet_id")).toInt(), 7);
        const QJsonArray topics = sub.fields.value(QStringLiteral("topics")).toArray();
        QCOMPARE(topics.size(), 2);
        QCOMPARE(topics.at(0).toObject().value(QStringLiteral("qos")).toInt(), 2);
        const DecodedMessage pub = decodeOne(decoder, b.publish(QStringLiteral("x/y"), "{}", 1, true, 8), false);
        QVERIFY2(!pub.isMalformed(), qPrintable(pub.note));
        QCOMPARE(pub.fields.value(QStringLiteral("topic")).toString(), QStringLiteral("x/y"));
        QCOMPARE(pub.fields.value(QStringLiteral("qos")).toInt(), 1);
        QCOMPARE(pub.fields.value(QStringLiteral("retain")).toBool(), true);
        QCOMPARE(pub.fields.value(QStringLiteral("packet_id")).toInt(), 8);
        QCOMPARE(pub.fields.value(QStringLiteral("payload_size")).toInt(), 2);
    }

    void mqttVarintAndPacketIds()
    {
        QCOMPARE(MqttPacketBuilder::varint(0).toHex(), QByteArray("00"));
        QCOMPARE(MqttPacketBuilder::varint(127).toHex(), QByteArray("7f"));
        QCOMPARE(MqttPacketBuilder::varint(128).toHex(), QByteArray("8001"));
        QCOMPARE(MqttPacketBuilder::varint(16383).toHex(), QByteArray("ff7f"));
        QCOMPARE(MqttPacketBuilder::varint(2097152).toHex(), QByteArray("80808001"));
        const QByteArray big = MqttPacketBuilder(4).publish(QStringLiteral("t"), QByteArray(200, 'x'), 0, false, 0);
        QCOMPARE(big.mid(1, 2).toHex(), QByteArray("cb01")); // 203 = 0x4b | 0x80, 1
        MqttPacketBuilder b;
        b.packetIds().reset();
        for (int i = 1; i < 65535; ++i)
            b.packetIds().take();
        QCOMPARE(b.packetIds().take(), 65535);
        QCOMPARE(b.packetIds().take(), 1); // never 0
    }

    void stompEscapingAndContentLength()
    {
        // The body holds a NUL: content-length tells where it ends, then the NUL that ends the frame.
        const QByteArray frame = StompFrameBuilder::send(QStringLiteral("/queue/a:b"), QByteArray("hi\0there", 8),
            QStringLiteral("text/plain"), { { QStringLiteral("note"), QStringLiteral("x\ny\\z") } });
        static const char expected[]
            = "SEND\ndestination:/queue/a\\cb\ncontent-type:text/plain\nnote:x\\ny\\\\z\ncontent-length:8\n\nhi\0there";
        QCOMPARE(frame, QByteArray(expected, sizeof(expected))); // sizeof counts the final NUL
        // CONNECT headers are never escaped.
        QCOMPARE(StompFrameBuilder::connect(QStringLiteral("h:1"), {}, {}, {}),
            QByteArray("CONNECT\naccept-version:1.2,1.1,1.0\nhost:h:1\n\n\0", 46));
        QCOMPARE(StompFrameBuilder::ack(QStringLiteral("m1")), QByteArray("ACK\nid:m1\n\n\0", 12));

        const QByteArray body = QByteArray("a\0b", 3);
        StompDecoder decoder(QStringLiteral("v12.stomp"));
        const DecodedMessage m = decodeOne(decoder,
            StompFrameBuilder::send(
                QStringLiteral("/topic/x:y"), body, {}, { { QStringLiteral("k"), QStringLiteral("1\n2") } }),
            true);
        QVERIFY2(!m.isMalformed(), qPrintable(m.note));
        QCOMPARE(m.kind, QStringLiteral("SEND"));
        QCOMPARE(m.fields.value(QStringLiteral("destination")).toString(), QStringLiteral("/topic/x:y"));
        QCOMPARE(m.fields.value(QStringLiteral("body_size")).toInt(), 3);
        const DecodedMessage sub = decodeOne(decoder,
            StompFrameBuilder::subscribe(QStringLiteral("sub-0"), QStringLiteral("/topic/t"), QStringLiteral("client")),
            true);
        QCOMPARE(sub.kind, QStringLiteral("SUBSCRIBE"));
        QCOMPARE(sub.fields.value(QStringLiteral("destination")).toString(), QStringLiteral("/topic/t"));
        QVERIFY(StompFrameBuilder::disconnect(QStringLiteral("r1")).startsWith("DISCONNECT\nreceipt:r1\n\n"));
    }

    void socketIoNamespaceAndAck()
    {
        const QJsonArray args { QJsonObject { { QStringLiteral("t"), QStringLiteral("hi") } }, 2 };
        QCOMPARE(
            SocketIoEncoder::emitPacket({}, QStringLiteral("chat"), args), QByteArray(R"(42["chat",{"t":"hi"},2])"));
        QCOMPARE(SocketIoEncoder::emitPacket(QStringLiteral("admin"), QStringLiteral("chat"), args, 12),
            QByteArray(R"(42/admin,12["chat",{"t":"hi"},2])"));
        QCOMPARE(SocketIoEncoder::connectPacket(QStringLiteral("/admin")), QByteArray("40/admin,"));
        QCOMPARE(SocketIoEncoder::ackPacket(QStringLiteral("/"), 3, { 1 }), QByteArray("433[1]"));

        SocketIoEncoder encoder;
        QCOMPARE(encoder.ackIds().take(), 0);
        const int ack = encoder.ackIds().take();
        QCOMPARE(ack, 1);
        SocketIoDecoder decoder;
        const DecodedMessage m = decodeOne(
            decoder, SocketIoEncoder::emitPacket(QStringLiteral("/admin"), QStringLiteral("chat"), args, ack), true);
        QVERIFY2(!m.isMalformed(), qPrintable(m.note));
        QCOMPARE(m.fields.value(QStringLiteral("namespace")).toString(), QStringLiteral("/admin"));
        QCOMPARE(m.fields.value(QStringLiteral("event")).toString(), QStringLiteral("chat"));
        QCOMPARE(m.fields.value(QStringLiteral("ack_id")).toInt(), 1);
        QCOMPARE(m.fields.value(QStringLiteral("args")).toArray(), args);
    }

    void jsonRpcIdsIncrement()
    {
        JsonRpcBuilder b;
        const QJsonArray params { 1, 2 };
        QCOMPARE(JsonRpcBuilder::call(QStringLiteral("sum"), params, b.ids().take()),
            QByteArray(R"({"id":1,"jsonrpc":"2.0","method":"sum","params":[1,2]})"));
        QCOMPARE(b.ids().peek(), 2);
        QCOMPARE(JsonRpcBuilder::call(QStringLiteral("sum"), params, b.ids().take()),
            QByteArray(R"({"id":2,"jsonrpc":"2.0","method":"sum","params":[1,2]})"));
        QCOMPARE(JsonRpcBuilder::notification(QStringLiteral("log"), QJsonValue::Undefined),
            QByteArray(R"({"jsonrpc":"2.0","method":"log"})"));

        JsonRpcDecoder decoder;
        const QList<DecodedMessage> batch
            = decoder.decode(JsonRpcBuilder::batch({ JsonRpcBuilder::callObject(QStringLiteral("a"), params, 3),
                                 JsonRpcBuilder::notificationObject(QStringLiteral("b"), QJsonObject {}) }),
                DecodeDirection::ClientToServer, true);
        QCOMPARE(batch.size(), 2);
        QCOMPARE(batch.at(0).fields.value(QStringLiteral("method")).toString(), QStringLiteral("a"));
        QCOMPARE(batch.at(0).fields.value(QStringLiteral("id")).toInt(), 3);
        QCOMPARE(batch.at(0).pairRole, PairRole::Request);
        QCOMPARE(batch.at(1).fields.value(QStringLiteral("method")).toString(), QStringLiteral("b"));
        QVERIFY(!batch.at(1).fields.contains(QStringLiteral("id")));
    }

    void graphqlBothFlavors()
    {
        using F = GraphqlWsBuilder::Flavor;
        QCOMPARE(GraphqlWsBuilder::connectionInit(), QByteArray(R"({"type":"connection_init"})"));
        QCOMPARE(GraphqlWsBuilder::complete(F::TransportWs, QStringLiteral("1")),
            QByteArray(R"({"id":"1","type":"complete"})"));
        QCOMPARE(GraphqlWsBuilder::complete(F::SubscriptionsTransportWs, QStringLiteral("1")),
            QByteArray(R"({"id":"1","type":"stop"})"));
        QCOMPARE(GraphqlWsBuilder::ping(), QByteArray(R"({"type":"ping"})"));

        GraphqlWsDecoder decoder;
        const QString query = QStringLiteral("subscription Ticks { tick }");
        const DecodedMessage m = decodeOne(decoder,
            GraphqlWsBuilder::subscribe(F::TransportWs, QStringLiteral("4"), query, { { QStringLiteral("n"), 1 } }),
            true);
        QVERIFY2(!m.isMalformed(), qPrintable(m.note));
        QCOMPARE(m.kind, QStringLiteral("subscribe"));
        QCOMPARE(m.fields.value(QStringLiteral("id")).toString(), QStringLiteral("4"));
        QCOMPARE(m.fields.value(QStringLiteral("operationName")).toString(), QStringLiteral("Ticks"));
        QCOMPARE(m.fields.value(QStringLiteral("payload")).toObject().value(QStringLiteral("query")).toString(), query);
        QCOMPARE(decodeOne(decoder,
                     GraphqlWsBuilder::subscribe(F::SubscriptionsTransportWs, QStringLiteral("5"), query), true)
                     .kind,
            QStringLiteral("start"));
    }
};

QTEST_APPLESS_MAIN(tst_ProtocolEncoders)
#include "tst_protocolencoders.moc"
