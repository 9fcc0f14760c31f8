// wsinspector-cli connect --protocol auto against real protocol peers on 127.0.0.1: socket.io v4, graphql-ws
// and stomp-broker-js from npm (tests/peers/npm, pinned in its lock file, installed by scripts/test) and
// Debian's mosquitto. Detection, decoded fields, request/reply pairs, and the protocol duties: with them the
// connection outlives the server's timeouts, answered by rows marked "auto"; without them the server drops it.
#include "clirun.h"
#include "peerprocess.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kMissing = QStringLiteral(" did not start: node and the npm packages of tests/peers/npm (npm ci) and "
                                        "Debian's mosquitto are installed by scripts/test");

QJsonObject decodedOf(const QJsonObject &line)
{
    return line.value(QLatin1String("decoded")).toObject();
}

// The message lines in a direction whose decoded kind is kind.
QList<QJsonObject> withKind(const CliRun &run, const QString &dir, const QString &kind)
{
    QList<QJsonObject> found;
    for (const QJsonObject &o : run.events(QStringLiteral("message"), dir)) {
        if (decodedOf(o).value(QLatin1String("kind")).toString() == kind)
            found << o;
    }
    return found;
}

QList<QJsonObject> automatic(const CliRun &run)
{
    QList<QJsonObject> found;
    for (const QJsonObject &o : run.events(QStringLiteral("message"))) {
        if (o.value(QLatin1String("auto")).toBool())
            found << o;
    }
    return found;
}

// The reply pairs with the request line: its request_t_us is the request's t_us.
bool pairsWith(const QJsonObject &reply, const QJsonObject &request)
{
    const QJsonObject pair = reply.value(QLatin1String("pair")).toObject();
    return !pair.isEmpty()
        && pair.value(QLatin1String("request_t_us")).toDouble() == request.value(QLatin1String("t_us")).toDouble()
        && pair.value(QLatin1String("latency_ms")).toDouble() >= 0;
}

QString hexOf(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

} // namespace

class tst_CliProtocolPeers : public QObject
{
    Q_OBJECT

private:
    PeerProcess m_socketIo;
    PeerProcess m_graphql;
    PeerProcess m_stomp;
    PeerProcess m_mosquitto;
    QTemporaryDir m_mosquittoDir;

    QString socketIoUrl(int engineIo = 4) const
    {
        return QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=%2&transport=websocket")
            .arg(m_socketIo.port())
            .arg(engineIo);
    }

    static QString stompFrame(const QByteArray &frame) { return hexOf(frame + '\0'); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(cliHome().isValid());
        QVERIFY(m_mosquittoDir.isValid());
        QVERIFY2(m_socketIo.start(QStringLiteral("node"), QStringLiteral("socketio_server.js")),
            qPrintable(QStringLiteral("socket.io server") + kMissing));
        QVERIFY2(m_graphql.start(QStringLiteral("node"), QStringLiteral("graphql_ws_server.js")),
            qPrintable(QStringLiteral("graphql-ws server") + kMissing));
        QVERIFY2(m_stomp.start(QStringLiteral("node"), QStringLiteral("stomp_server.js")),
            qPrintable(QStringLiteral("stomp-broker-js") + kMissing));
        QVERIFY2(m_mosquitto.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("mosquitto_broker.py"),
                     { m_mosquittoDir.path() }),
            qPrintable(QStringLiteral("mosquitto") + kMissing));
    }

    void cleanupTestCase()
    {
        m_socketIo.stop();
        m_graphql.stop();
        m_stomp.stop();
        m_mosquitto.stop();
    }

    void socketIoEventsAcksBinaryAndNamespace()
    {
        const CliRun run = runCli({ socketIoUrl(), QStringLiteral("--no-frames"), QStringLiteral("--wait-ms"),
            QStringLiteral("800"), QStringLiteral("--send"), QStringLiteral("40"), QStringLiteral("--send"),
            QStringLiteral(R"(420["hello","bob"])"), QStringLiteral("--send"), QStringLiteral("40/admin,"),
            QStringLiteral("--send"), QStringLiteral(R"(42/admin,1["status"])"), QStringLiteral("--send"),
            QStringLiteral(R"(42["bin"])") });
        QVERIFY2(run.exited && run.problems.isEmpty(), qPrintable(run.describe()));
        const QList<QJsonObject> out = run.events(QStringLiteral("message"), QStringLiteral("out"));
        QVERIFY2(out.size() >= 5, qPrintable(run.describe()));
        // Detected from the URL; the server's open packet decoded with its ping settings.
        const QList<QJsonObject> open = withKind(run, QStringLiteral("in"), QStringLiteral("OPEN"));
        QCOMPARE(open.size(), 1);
        const QJsonObject handshake = decodedOf(open.first()).value(QLatin1String("handshake")).toObject();
        QCOMPARE(decodedOf(open.first()).value(QLatin1String("protocol")).toString(), QStringLiteral("socketio"));
        QCOMPARE(handshake.value(QLatin1String("pingInterval")).toInt(), 300);
        QCOMPARE(handshake.value(QLatin1String("pingTimeout")).toInt(), 200);

        const QJsonObject hello = decodedOf(out.at(1));
        QCOMPARE(hello.value(QLatin1String("kind")).toString(), QStringLiteral("EVENT"));
        QCOMPARE(hello.value(QLatin1String("event")).toString(), QStringLiteral("hello"));
        QCOMPARE(hello.value(QLatin1String("ack_id")).toInt(), 0);

        // Acks: one per namespace, each paired with the event that asked for it.
        const QList<QJsonObject> acks = withKind(run, QStringLiteral("in"), QStringLiteral("ACK"));
        QCOMPARE(acks.size(), 2);
        const QJsonObject rootAck
            = decodedOf(acks.at(0)).value(QLatin1String("namespace")).toString() == QLatin1String("/") ? acks.at(0)
                                                                                                       : acks.at(1);
        const QJsonObject adminAck = rootAck == acks.at(0) ? acks.at(1) : acks.at(0);
        QCOMPARE(decodedOf(rootAck).value(QLatin1String("args")).toArray(), QJsonArray { QStringLiteral("hi bob") });
        QVERIFY2(pairsWith(rootAck, out.at(1)), qPrintable(run.describe()));
        QCOMPARE(decodedOf(adminAck).value(QLatin1String("namespace")).toString(), QStringLiteral("/admin"));
        QCOMPARE(decodedOf(adminAck).value(QLatin1String("ack_id")).toInt(), 1);
        QVERIFY2(pairsWith(adminAck, out.at(3)), qPrintable(run.describe()));

        // The namespace's greeting, and its CONNECT answered.
        bool greeted = false;
        for (const QJsonObject &e : withKind(run, QStringLiteral("in"), QStringLiteral("EVENT")))
            greeted = greeted
                || (decodedOf(e).value(QLatin1String("namespace")).toString() == QLatin1String("/admin")
                    && decodedOf(e).value(QLatin1String("event")).toString() == QLatin1String("admin-hello"));
        QVERIFY2(greeted, qPrintable(run.describe()));

        // The binary attachment joined to its placeholder: bytes 01 02 03.
        const QList<QJsonObject> binary = withKind(run, QStringLiteral("in"), QStringLiteral("BINARY_EVENT"));
        QVERIFY2(!binary.isEmpty(), qPrintable(run.describe()));
        const QJsonObject joined = decodedOf(binary.last());
        QCOMPARE(joined.value(QLatin1String("event")).toString(), QStringLiteral("bin-back"));
        const QJsonObject placeholder
            = joined.value(QLatin1String("args")).toArray().at(0).toObject().value(QLatin1String("data")).toObject();
        QVERIFY2(placeholder.value(QLatin1String("_placeholder")).toBool(), qPrintable(run.describe()));
        const QJsonObject attachment = placeholder.value(QLatin1String("binary")).toObject();
        QCOMPARE(attachment.value(QLatin1String("base64")).toString(), QStringLiteral("AQID"));
        QCOMPARE(attachment.value(QLatin1String("size")).toInt(), 3);
    }

    void socketIoOutlivesPingTimeoutsWithDuties()
    {
        // pingInterval 300 + pingTimeout 200: unanswered, the server drops the client after 0.5 s. Open for
        // 2.5 s (five times that, about eight pings), answered by automatic pongs, the client closes first.
        const CliRun run = runCli({ socketIoUrl(), QStringLiteral("--no-frames"), QStringLiteral("--wait-ms"),
            QStringLiteral("2500"), QStringLiteral("--send"), QStringLiteral("40") });
        QVERIFY2(run.exited && run.exitCode == 0, qPrintable(run.describe()));
        const QList<QJsonObject> pongs = automatic(run);
        QVERIFY2(pongs.size() >= 4, qPrintable(run.describe()));
        for (const QJsonObject &pong : pongs) {
            QCOMPARE(pong.value(QLatin1String("dir")).toString(), QStringLiteral("out"));
            QCOMPARE(pong.value(QLatin1String("text")).toString(), QStringLiteral("3"));
            QCOMPARE(decodedOf(pong).value(QLatin1String("kind")).toString(), QStringLiteral("PONG"));
            QVERIFY(pong.contains(QLatin1String("pair"))); // each answers the server's PING before it
        }
        QVERIFY(!run.first(QStringLiteral("message"), QStringLiteral("out")).contains(QLatin1String("auto")));
        QCOMPARE(run.first(QStringLiteral("close")).value(QLatin1String("dir")).toString(), QStringLiteral("out"));
    }

    void socketIoIsDroppedWithoutDuties()
    {
        const CliRun run
            = runCli({ socketIoUrl(), QStringLiteral("--no-frames"), QStringLiteral("--no-protocol-duties"),
                QStringLiteral("--wait-ms"), QStringLiteral("5000"), QStringLiteral("--send"), QStringLiteral("40") });
        QVERIFY2(run.exited && run.problems.isEmpty(), qPrintable(run.describe()));
        QVERIFY2(automatic(run).isEmpty(), qPrintable(run.describe()));
        QVERIFY2(!withKind(run, QStringLiteral("in"), QStringLiteral("PING")).isEmpty(), qPrintable(run.describe()));
        QVERIFY(withKind(run, QStringLiteral("out"), QStringLiteral("PONG")).isEmpty());
        // The server closed it (ping timeout), long before --wait-ms was over.
        QCOMPARE(run.first(QStringLiteral("close")).value(QLatin1String("dir")).toString(), QStringLiteral("in"));
        QVERIFY2(run.elapsedMs < 4500, qPrintable(run.describe()));
    }

    void protocolNoneHasNoDuties()
    {
        const CliRun run = runCli(
            { socketIoUrl(), QStringLiteral("--no-frames"), QStringLiteral("--protocol"), QStringLiteral("none"),
                QStringLiteral("--wait-ms"), QStringLiteral("5000"), QStringLiteral("--send"), QStringLiteral("40") });
        QVERIFY2(run.exited && run.problems.isEmpty(), qPrintable(run.describe()));
        QVERIFY2(automatic(run).isEmpty(), qPrintable(run.describe()));
        QCOMPARE(run.first(QStringLiteral("close")).value(QLatin1String("dir")).toString(), QStringLiteral("in"));
    }

    void socketIoEngineIo3ClientPings()
    {
        // Engine.IO 3: the client pings every pingInterval and the server answers; without pings it drops us.
        const CliRun run = runCli(
            { socketIoUrl(3), QStringLiteral("--no-frames"), QStringLiteral("--wait-ms"), QStringLiteral("2000") });
        QVERIFY2(run.exited && run.exitCode == 0, qPrintable(run.describe()));
        const QList<QJsonObject> pings = automatic(run);
        QVERIFY2(pings.size() >= 3, qPrintable(run.describe()));
        QCOMPARE(pings.first().value(QLatin1String("text")).toString(), QStringLiteral("2"));
        QVERIFY2(!withKind(run, QStringLiteral("in"), QStringLiteral("PONG")).isEmpty(), qPrintable(run.describe()));
        QCOMPARE(run.first(QStringLiteral("close")).value(QLatin1String("dir")).toString(), QStringLiteral("out"));
    }

    void graphqlSubscriptionCompletesAndPingsAreAnswered()
    {
        m_graphql.clearOutput();
        const CliRun run = runCli({ m_graphql.url(), QStringLiteral("--no-frames"), QStringLiteral("--subprotocol"),
            QStringLiteral("graphql-transport-ws"), QStringLiteral("--wait-ms"), QStringLiteral("900"),
            QStringLiteral("--send"), QStringLiteral(R"({"type":"connection_init"})"), QStringLiteral("--send"),
            QStringLiteral(
                R"({"id":"1","type":"subscribe","payload":{"query":"subscription Countdown { countdown(from: 3) }"}})") });
        QVERIFY2(run.exited && run.exitCode == 0, qPrintable(run.describe()));
        const QList<QJsonObject> out = run.events(QStringLiteral("message"), QStringLiteral("out"));
        const QJsonObject subscribe = out.at(1);
        QCOMPARE(decodedOf(subscribe).value(QLatin1String("protocol")).toString(), QStringLiteral("graphql-ws"));
        QCOMPARE(decodedOf(subscribe).value(QLatin1String("operationName")).toString(), QStringLiteral("Countdown"));
        QCOMPARE(withKind(run, QStringLiteral("in"), QStringLiteral("connection_ack")).size(), 1);
        const QList<QJsonObject> next = withKind(run, QStringLiteral("in"), QStringLiteral("next"));
        QCOMPARE(next.size(), 3);
        QCOMPARE(decodedOf(next.first())
                     .value(QLatin1String("payload"))
                     .toObject()
                     .value(QLatin1String("data"))
                     .toObject()
                     .value(QLatin1String("countdown"))
                     .toInt(),
            3);
        const QList<QJsonObject> complete = withKind(run, QStringLiteral("in"), QStringLiteral("complete"));
        QCOMPARE(complete.size(), 1);
        QVERIFY2(pairsWith(complete.first(), subscribe), qPrintable(run.describe()));

        // The server's protocol pings (every 200 ms) answered by automatic pongs, which the server received.
        const QList<QJsonObject> pongs = automatic(run);
        QVERIFY2(pongs.size() >= 2, qPrintable(run.describe()));
        for (const QJsonObject &pong : pongs)
            QCOMPARE(pong.value(QLatin1String("text")).toString(), QStringLiteral(R"({"type":"pong"})"));
        QTRY_VERIFY2(m_graphql.readOutput().count("PONG") >= 2, m_graphql.readOutput().constData());
    }

    void stompHeartBeatsKeepTheBrokerHappy()
    {
        // The broker wants a beat every 300 ms and closes after about 900 ms of silence.
        const QString connect = stompFrame("CONNECT\naccept-version:1.1,1.2\nhost:localhost\nheart-beat:300,0\n\n");
        const QString url = m_stomp.url(QStringLiteral("/stomp"));
        const CliRun run
            = runCli({ url, QStringLiteral("--no-frames"), QStringLiteral("--subprotocol"), QStringLiteral("v12.stomp"),
                QStringLiteral("--wait-ms"), QStringLiteral("2500"), QStringLiteral("--send-hex"), connect });
        QVERIFY2(run.exited && run.exitCode == 0, qPrintable(run.describe()));
        const QList<QJsonObject> connected = withKind(run, QStringLiteral("in"), QStringLiteral("CONNECTED"));
        QCOMPARE(connected.size(), 1);
        QCOMPARE(decodedOf(connected.first()).value(QLatin1String("protocol")).toString(), QStringLiteral("stomp"));
        QCOMPARE(decodedOf(connected.first())
                     .value(QLatin1String("heart_beat"))
                     .toObject()
                     .value(QLatin1String("receive_ms"))
                     .toInt(),
            300);
        const QList<QJsonObject> beats = automatic(run);
        QVERIFY2(beats.size() >= 4, qPrintable(run.describe()));
        for (const QJsonObject &beat : beats)
            QCOMPARE(decodedOf(beat).value(QLatin1String("kind")).toString(), QStringLiteral("HEARTBEAT"));
        QCOMPARE(run.first(QStringLiteral("close")).value(QLatin1String("dir")).toString(), QStringLiteral("out"));

        const CliRun silent = runCli({ url, QStringLiteral("--no-frames"), QStringLiteral("--subprotocol"),
            QStringLiteral("v12.stomp"), QStringLiteral("--no-protocol-duties"), QStringLiteral("--wait-ms"),
            QStringLiteral("5000"), QStringLiteral("--send-hex"), connect });
        QVERIFY2(silent.exited && silent.problems.isEmpty(), qPrintable(silent.describe()));
        QVERIFY(automatic(silent).isEmpty());
        QCOMPARE(silent.first(QStringLiteral("close")).value(QLatin1String("dir")).toString(), QStringLiteral("in"));
    }

    void stompReceiptPairsWithItsRequest()
    {
        const CliRun run = runCli(
            { m_stomp.url(QStringLiteral("/stomp")), QStringLiteral("--no-frames"), QStringLiteral("--subprotocol"),
                QStringLiteral("v12.stomp"), QStringLiteral("--wait-ms"), QStringLiteral("500"),
                QStringLiteral("--send-hex"), stompFrame("CONNECT\naccept-version:1.1,1.2\nhost:localhost\n\n"),
                QStringLiteral("--send-hex"), stompFrame("DISCONNECT\nreceipt:r-7\n\n") });
        QVERIFY2(run.exited && run.problems.isEmpty(), qPrintable(run.describe()));
        const QList<QJsonObject> disconnect = withKind(run, QStringLiteral("out"), QStringLiteral("DISCONNECT"));
        const QList<QJsonObject> receipt = withKind(run, QStringLiteral("in"), QStringLiteral("RECEIPT"));
        QCOMPARE(disconnect.size(), 1);
        QCOMPARE(receipt.size(), 1);
        QVERIFY2(pairsWith(receipt.first(), disconnect.first()), qPrintable(run.describe()));
    }

    void mqttSubscribeIsAcknowledgedByPacketId()
    {
        // MQTT 3.1.1 CONNECT (client id "wsi"), SUBSCRIBE packet id 1 to "t/1" at QoS 1, PUBLISH QoS 1 id 2.
        const CliRun run = runCli({ m_mosquitto.url(), QStringLiteral("--no-frames"), QStringLiteral("--subprotocol"),
            QStringLiteral("mqtt"), QStringLiteral("--wait-ms"), QStringLiteral("500"), QStringLiteral("--send-hex"),
            QStringLiteral("100f00044d5154540402003c0003777369"), QStringLiteral("--send-hex"),
            QStringLiteral("82080001000374 2f3101").remove(QLatin1Char(' ')), QStringLiteral("--send-hex"),
            QStringLiteral("32090003742f3100026869") });
        QVERIFY2(run.exited && run.exitCode == 0, qPrintable(run.describe()));
        const QList<QJsonObject> out = run.events(QStringLiteral("message"), QStringLiteral("out"));
        QCOMPARE(out.size(), 3);
        QCOMPARE(decodedOf(out.at(0)).value(QLatin1String("protocol")).toString(), QStringLiteral("mqtt"));
        QCOMPARE(withKind(run, QStringLiteral("in"), QStringLiteral("CONNACK")).size(), 1);
        const QList<QJsonObject> suback = withKind(run, QStringLiteral("in"), QStringLiteral("SUBACK"));
        QCOMPARE(suback.size(), 1);
        QCOMPARE(decodedOf(suback.first()).value(QLatin1String("packet_id")).toInt(), 1);
        QVERIFY2(pairsWith(suback.first(), out.at(1)), qPrintable(run.describe()));
        const QList<QJsonObject> puback = withKind(run, QStringLiteral("in"), QStringLiteral("PUBACK"));
        QCOMPARE(puback.size(), 1);
        QVERIFY2(pairsWith(puback.first(), out.at(2)), qPrintable(run.describe()));
        // The broker delivers the publication to its own subscriber.
        QVERIFY2(!withKind(run, QStringLiteral("in"), QStringLiteral("PUBLISH")).isEmpty(), qPrintable(run.describe()));
        QVERIFY(automatic(run).isEmpty()); // MQTT has no duties here
    }
};

QTEST_GUILESS_MAIN(tst_CliProtocolPeers)
#include "tst_cli_protocolpeers.moc"
