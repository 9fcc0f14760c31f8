// Tests for ProtocolDuties: which messages its duties can concern, judged from their bytes, and that the
// messages it says it needs are the ones that make it answer.
#include "decode/protocolduties.h"
#include "decode/socketiodecoder.h"

#include <QtTest>

using namespace wsi;

class tst_ProtocolDuties : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void socketIoNeedsEngineIoPacketsOnly_data();
    void socketIoNeedsEngineIoPacketsOnly();
    void graphqlWsNeedsWhatCanBeAPing_data();
    void graphqlWsNeedsWhatCanBeAPing();
    void stompNeedsEveryFrame();
    void answersThePingItNeeds();
};

void tst_ProtocolDuties::socketIoNeedsEngineIoPacketsOnly_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("isText");
    QTest::addColumn<bool>("concerns");
    QTest::newRow("open") << QByteArray(R"(0{"sid":"a","pingInterval":25000})") << true << true;
    QTest::newRow("close") << QByteArray("1") << true << true;
    QTest::newRow("ping") << QByteArray("2") << true << true;
    QTest::newRow("ping with data") << QByteArray("2probe") << true << true;
    QTest::newRow("event") << QByteArray(R"(42["chat",{"n":1}])") << true << false;
    QTest::newRow("connect") << QByteArray("40") << true << false;
    QTest::newRow("attachment") << QByteArray::fromHex("010203") << false << false;
}

void tst_ProtocolDuties::socketIoNeedsEngineIoPacketsOnly()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, isText);
    QFETCH(bool, concerns);
    QCOMPARE(ProtocolDuties(QStringLiteral("socketio"), QString()).concerns(bytes, isText), concerns);
    QCOMPARE(ProtocolDuties(QStringLiteral("socketio"), QStringLiteral("EIO=3")).concerns(bytes, isText), concerns);
}

void tst_ProtocolDuties::graphqlWsNeedsWhatCanBeAPing_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("concerns");
    QTest::newRow("ping") << QByteArray(R"({"type":"ping"})") << true;
    QTest::newRow("ping spelled with an escape") << QByteArray(R"({"type":"p\u0069ng"})") << true;
    QTest::newRow("next") << QByteArray(R"({"id":"1","type":"next","payload":{"data":{}}})") << false;
    QTest::newRow("connection_ack") << QByteArray(R"({"type":"connection_ack"})") << false;
}

void tst_ProtocolDuties::graphqlWsNeedsWhatCanBeAPing()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, concerns);
    QCOMPARE(ProtocolDuties(QStringLiteral("graphql-ws"), QString()).concerns(bytes, true), concerns);
}

void tst_ProtocolDuties::stompNeedsEveryFrame()
{
    ProtocolDuties duties(QStringLiteral("stomp"), QStringLiteral("v12.stomp"));
    QVERIFY(duties.concerns("SEND\ndestination:/q\n\nhi\0", true));
    QVERIFY(duties.concerns("\n", true));
}

void tst_ProtocolDuties::answersThePingItNeeds()
{
    // What concerns() lets through is what the duties answer: the server's ping, decoded, gets its pong.
    ProtocolDuties duties(QStringLiteral("socketio"), QString());
    SocketIoDecoder decoder;
    const QByteArray ping("2");
    QVERIFY(duties.concerns(ping, true));
    const QList<DecodedMessage> messages = decoder.decode(ping, DecodeDirection::ServerToClient, true);
    QCOMPARE(messages.size(), 1);
    QCOMPARE(duties.onMessage(messages.first(), DecodeDirection::ServerToClient, 0), QStringList { "3" });
}

QTEST_GUILESS_MAIN(tst_ProtocolDuties)
#include "tst_protocolduties.moc"
