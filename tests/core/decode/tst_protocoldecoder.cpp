// Tests for ProtocolDecoder's factory and DecodedMessage's JSON: every id makes its decoder, variants reach
// it, and a decoded message becomes the CLI's "decoded" object.
#include "decode/protocoldecoder.h"
#include "decode/socketiodecoder.h"
#include "decode/stompdecoder.h"

#include <QtTest>

using namespace wsi;

class tst_ProtocolDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsEveryKnownDecoder();
    void passesVariants();
    void messageBecomesDecodedJson();
};

void tst_ProtocolDecoder::createsEveryKnownDecoder()
{
    const QStringList ids = ProtocolDecoder::protocolIds();
    QCOMPARE(ids, QStringList({ "socketio", "stomp", "graphql-ws", "jsonrpc", "mqtt", "signalr" }));
    for (const QString &id : ids) {
        const auto decoder = ProtocolDecoder::create(id);
        QVERIFY2(decoder, qPrintable(id));
        QCOMPARE(decoder->protocolId(), id);
    }
    QVERIFY(!ProtocolDecoder::create(QStringLiteral("wamp")));
    QVERIFY(!ProtocolDecoder::create(QString()));
}

void tst_ProtocolDecoder::passesVariants()
{
    const auto eio3 = ProtocolDecoder::create(QStringLiteral("socketio"), QStringLiteral("EIO=3"));
    QCOMPARE(static_cast<SocketIoDecoder *>(eio3.get())->engineIoVersion(), 3);
    const auto eio4 = ProtocolDecoder::create(QStringLiteral("socketio"));
    QCOMPARE(static_cast<SocketIoDecoder *>(eio4.get())->engineIoVersion(), 4);
    const auto stomp10 = ProtocolDecoder::create(QStringLiteral("stomp"), QStringLiteral("v10.stomp"));
    QCOMPARE(static_cast<StompDecoder *>(stomp10.get())->version(), QStringLiteral("1.0"));
}

void tst_ProtocolDecoder::messageBecomesDecodedJson()
{
    const auto d = ProtocolDecoder::create(QStringLiteral("socketio"));
    const QJsonObject json
        = d->decode(R"(42["chat",{"t":"hi"}])", DecodeDirection::ServerToClient, true).first().toJson();
    QCOMPARE(json.value("protocol").toString(), QStringLiteral("socketio"));
    QCOMPARE(json.value("kind").toString(), QStringLiteral("EVENT"));
    QCOMPARE(json.value("summary").toString(), QStringLiteral(R"(EVENT chat [{"t":"hi"}])"));
    QCOMPARE(json.value("event").toString(), QStringLiteral("chat"));
    QVERIFY(!json.contains("note"));

    const QJsonObject bad = DecodedMessage::malformed(
        "mqtt", "truncated-varint", RecordedText::plain(QStringLiteral("the length stops mid-way")))
                                .toJson();
    QCOMPARE(bad.value("kind").toString(), QStringLiteral("malformed"));
    QCOMPARE(bad.value("note_id").toString(), QStringLiteral("truncated-varint"));
    QCOMPARE(bad.value("note").toString(), QStringLiteral("the length stops mid-way"));
    QCOMPARE(bad.value("summary").toString(), QStringLiteral("malformed (truncated-varint)"));
}

QTEST_GUILESS_MAIN(tst_ProtocolDecoder)
#include "tst_protocoldecoder.moc"
