// Tests for ProtocolDetector: detection by subprotocol, by URL and by the first frames, the order in which
// evidence wins, the user's override, and protocols named but not decoded.
#include "decode/protocoldetector.h"

#include <QtTest>

using namespace wsi;

namespace {
constexpr auto C2S = DecodeDirection::ClientToServer;
constexpr auto S2C = DecodeDirection::ServerToClient;
} // namespace

class tst_ProtocolDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detectsBySubprotocol_data();
    void detectsBySubprotocol();
    void detectsByUrl_data();
    void detectsByUrl();
    void detectsByFirstFrames_data();
    void detectsByFirstFrames();
    void strongerEvidenceWins();
    void overrideWins();
    void namesUnsupportedProtocol();
    void givesUpAfterFirstFrames();
};

void tst_ProtocolDetector::detectsBySubprotocol_data()
{
    QTest::addColumn<QString>("subprotocol");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("variant");
    QTest::newRow("mqtt") << "mqtt"
                          << "mqtt"
                          << "";
    QTest::newRow("graphql-transport-ws") << "graphql-transport-ws"
                                          << "graphql-ws"
                                          << "graphql-transport-ws";
    QTest::newRow("graphql-ws (legacy)") << "graphql-ws"
                                         << "graphql-ws"
                                         << "graphql-ws";
    QTest::newRow("v12.stomp") << "v12.stomp"
                               << "stomp"
                               << "v12.stomp";
    QTest::newRow("v11.stomp") << "v11.stomp"
                               << "stomp"
                               << "v11.stomp";
    QTest::newRow("v10.stomp") << "v10.stomp"
                               << "stomp"
                               << "v10.stomp";
    QTest::newRow("chat is nothing we know") << "chat"
                                             << ""
                                             << "";
    QTest::newRow("none") << ""
                          << ""
                          << "";
}

void tst_ProtocolDetector::detectsBySubprotocol()
{
    QFETCH(QString, subprotocol);
    QFETCH(QString, protocol);
    QFETCH(QString, variant);
    ProtocolDetector d;
    d.setSubprotocol(subprotocol);
    QCOMPARE(d.protocol(), protocol);
    QCOMPARE(d.variant(), variant);
    if (!protocol.isEmpty())
        QCOMPARE(d.reason(), QStringLiteral("subprotocol ") + subprotocol);
}

void tst_ProtocolDetector::detectsByUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("variant");
    QTest::newRow("socket.io v4") << "ws://localhost:3000/socket.io/?EIO=4&transport=websocket"
                                  << "socketio"
                                  << "EIO=4";
    QTest::newRow("socket.io v2") << "wss://example.com/socket.io/?EIO=3&transport=websocket"
                                  << "socketio"
                                  << "EIO=3";
    QTest::newRow("custom path with EIO") << "ws://h/realtime/?EIO=4&transport=websocket"
                                          << "socketio"
                                          << "EIO=4";
    QTest::newRow("SignalR hub") << "wss://example.com/chathub?id=Zx7sJ2Vo1jyA"
                                 << "signalr"
                                 << "";
    QTest::newRow("SignalR hubs folder") << "wss://example.com/hubs/notifications?id=abc"
                                         << "signalr"
                                         << "";
    QTest::newRow("plain echo") << "wss://echo.example.com/?id=1"
                                << ""
                                << "";
}

void tst_ProtocolDetector::detectsByUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, protocol);
    QFETCH(QString, variant);
    ProtocolDetector d;
    d.setUrl(QUrl(url));
    QCOMPARE(d.protocol(), protocol);
    QCOMPARE(d.variant(), variant);
}

void tst_ProtocolDetector::detectsByFirstFrames_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<bool>("isText");
    QTest::addColumn<QString>("protocol");
    QTest::newRow("Engine.IO open") << QByteArray(
        R"(0{"sid":"lv_VI97HAXpY6yYWAAAC","upgrades":[],"pingInterval":25000})")
                                    << true << "socketio";
    QTest::newRow("SignalR handshake") << QByteArray("{\"protocol\":\"json\",\"version\":1}\x1e") << true << "signalr";
    QTest::newRow("STOMP CONNECT") << QByteArray("CONNECT\naccept-version:1.2\n\n\0", 30) << true << "stomp";
    QTest::newRow("STOMP frame") << QByteArray("STOMP\r\naccept-version:1.2\r\n\r\n") << true << "stomp";
    QTest::newRow("STOMP CONNECTED") << QByteArray("CONNECTED\nversion:1.2\n\n") << true << "stomp";
    QTest::newRow("JSON-RPC request") << QByteArray(R"({"jsonrpc":"2.0","method":"initialize","id":0})") << true
                                      << "jsonrpc";
    QTest::newRow("JSON-RPC batch") << QByteArray(R"([{"jsonrpc":"2.0","method":"a","id":1}])") << true << "jsonrpc";
    QTest::newRow("graphql-ws init") << QByteArray(R"({"type":"connection_init","payload":{}})") << true
                                     << "graphql-ws";
    QTest::newRow("MQTT CONNECT") << QByteArray::fromHex("101000044d5154540402003c0004636c6964") << false << "mqtt";
    QTest::newRow("MQTT 3.1 CONNECT") << QByteArray::fromHex("101200064d514973647003020000000461626364") << false
                                      << "mqtt";
    QTest::newRow("plain JSON") << QByteArray(R"({"hello":"world"})") << true << "";
    QTest::newRow("plain text") << QByteArray("CONNECTING...") << true << "";
    QTest::newRow("binary noise") << QByteArray::fromHex("10ff") << false << "";
    QTest::newRow("empty") << QByteArray() << true << "";
}

void tst_ProtocolDetector::detectsByFirstFrames()
{
    QFETCH(QByteArray, frame);
    QFETCH(bool, isText);
    QFETCH(QString, protocol);
    ProtocolDetector d;
    d.observe(frame, C2S, isText);
    QCOMPARE(d.protocol(), protocol);
    QCOMPARE(ProtocolDetector::protocolFromFrame(frame, isText), protocol);
    if (!protocol.isEmpty())
        QCOMPARE(d.reason(), QStringLiteral("first frames"));
}

void tst_ProtocolDetector::strongerEvidenceWins()
{
    ProtocolDetector d;
    d.observe(R"({"jsonrpc":"2.0","method":"a","id":1})", C2S, true);
    QCOMPARE(d.protocol(), QStringLiteral("jsonrpc"));
    d.setUrl(QUrl(QStringLiteral("ws://h/socket.io/?EIO=4")));
    QCOMPARE(d.protocol(), QStringLiteral("socketio"));
    d.setSubprotocol(QStringLiteral("v12.stomp"));
    QCOMPARE(d.protocol(), QStringLiteral("stomp"));
    QCOMPARE(d.reason(), QStringLiteral("subprotocol v12.stomp"));
}

void tst_ProtocolDetector::overrideWins()
{
    ProtocolDetector d;
    d.setSubprotocol(QStringLiteral("mqtt"));
    d.setOverride(QStringLiteral("jsonrpc"));
    QCOMPARE(d.protocol(), QStringLiteral("jsonrpc"));
    QCOMPARE(d.reason(), QStringLiteral("chosen by the user"));
    d.setOverride(QStringLiteral("none"));
    QCOMPARE(d.protocol(), QString());
    d.setOverride(QStringLiteral("auto"));
    QCOMPARE(d.protocol(), QStringLiteral("mqtt"));
}

void tst_ProtocolDetector::namesUnsupportedProtocol()
{
    ProtocolDetector d;
    d.setSubprotocol(QStringLiteral("wamp.2.json"));
    QCOMPARE(d.protocol(), QString());
    QCOMPARE(d.unsupportedProtocol(), QStringLiteral("wamp"));
    QCOMPARE(d.reason(), QStringLiteral("subprotocol wamp.2.json"));
    // A URL that looks like Socket.IO does not override the subprotocol the server chose.
    d.setUrl(QUrl(QStringLiteral("ws://h/socket.io/?EIO=4")));
    QCOMPARE(d.protocol(), QString());
}

void tst_ProtocolDetector::givesUpAfterFirstFrames()
{
    ProtocolDetector d;
    for (int i = 0; i < ProtocolDetector::kFramesExamined; ++i)
        d.observe("hello", S2C, true);
    d.observe(R"({"jsonrpc":"2.0","method":"late","id":1})", C2S, true);
    QCOMPARE(d.protocol(), QString());
}

QTEST_GUILESS_MAIN(tst_ProtocolDetector)
#include "tst_protocoldetector.moc"
