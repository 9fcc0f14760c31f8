// wsinspector-cli connect --pair-request/--pair-reply/--pair-name against a python3-websockets peer
// (tests/peers/reqid_server.py) that answers {"reqId": n} with {"inReplyTo": n} after a delay: each reply
// line gains "pair" with its request's t_us and the latency, out of order too, with --protocol none and
// alongside a detected protocol; --endpoint takes the rule saved with the endpoint; bad paths are usage
// errors naming the path.
#include "clirun.h"
#include "endpoints/endpointstore.h"
#include "peerprocess.h"

#include <QTest>

class tst_CliPairRule : public QObject
{
    Q_OBJECT

private:
    PeerProcess m_peer;

    // The reply line whose inReplyTo is id, and the request line whose reqId is id.
    static QJsonObject lineFor(const CliRun &run, const QString &dir, const QString &key, int id)
    {
        for (const QJsonObject &m : run.events(QStringLiteral("message"), dir)) {
            const QJsonObject body
                = QJsonDocument::fromJson(m.value(QLatin1String("text")).toString().toUtf8()).object();
            if (body.value(key).toInt(-1) == id)
                return m;
        }
        return {};
    }

    // The reply to request id names that request's line and the latency between the two lines.
    static void checkPaired(const CliRun &run, int id, double atLeastMs)
    {
        const QJsonObject request = lineFor(run, QStringLiteral("out"), QStringLiteral("reqId"), id);
        const QJsonObject reply = lineFor(run, QStringLiteral("in"), QStringLiteral("inReplyTo"), id);
        QVERIFY2(!request.isEmpty() && !reply.isEmpty(), qPrintable(run.describe()));
        QVERIFY(!request.contains(QLatin1String("pair"))); // a request pairs nothing
        const QJsonObject pair = reply.value(QLatin1String("pair")).toObject();
        QVERIFY2(!pair.isEmpty(), qPrintable(run.describe()));
        QCOMPARE(pair.value(QLatin1String("request_t_us")).toDouble(), request.value(QLatin1String("t_us")).toDouble());
        const double latency = pair.value(QLatin1String("latency_ms")).toDouble();
        QVERIFY2(latency >= atLeastMs && latency < 10000, qPrintable(QString::number(latency)));
        QCOMPARE(latency,
            (reply.value(QLatin1String("t_us")).toDouble() - request.value(QLatin1String("t_us")).toDouble()) / 1000.0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(cliHome().isValid());
        QVERIFY2(m_peer.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("reqid_server.py")),
            "reqid_server.py did not start");
    }

    void repliesArePairedByTheRule()
    {
        // Request 1 waits 250 ms, request 2 only 20 ms: the second reply comes first and must still find its
        // own request. The unrelated message opens nothing.
        const CliRun run = runCli({ m_peer.url(), QStringLiteral("--protocol"), QStringLiteral("none"),
            QStringLiteral("--pair-request"), QStringLiteral("$.reqId"), QStringLiteral("--pair-reply"),
            QStringLiteral("$.inReplyTo"), QStringLiteral("--pair-name"), QStringLiteral("$.op"),
            QStringLiteral("--send"), QStringLiteral(R"({"reqId":1,"op":"slow","delay_ms":250})"),
            QStringLiteral("--send"), QStringLiteral(R"({"reqId":2,"op":"fast","delay_ms":20})"),
            QStringLiteral("--send"), QStringLiteral(R"({"hello":"nobody answers"})"), QStringLiteral("--wait-ms"),
            QStringLiteral("600"), QStringLiteral("--no-frames") });
        QVERIFY2(run.exited && run.exitCode == kCleanClose, qPrintable(run.describe()));
        QVERIFY(run.problems.isEmpty());
        const QList<QJsonObject> in = run.events(QStringLiteral("message"), QStringLiteral("in"));
        QCOMPARE(in.size(), 2);
        QVERIFY2(in.at(0).value(QLatin1String("text")).toString().contains(QLatin1String("\"inReplyTo\": 2")),
            qPrintable(run.describe()));
        checkPaired(run, 1, 240);
        checkPaired(run, 2, 15);
        // Paired by the rule only: nothing is decoded.
        for (const QJsonObject &m : run.events(QStringLiteral("message")))
            QVERIFY(!m.contains(QLatin1String("decoded")));
    }

    void worksAlongsideADetectedProtocol()
    {
        // Forced JSON-RPC decodes the lines; the peer's replies are not JSON-RPC, so only the rule pairs them.
        const CliRun run = runCli(
            { m_peer.url(), QStringLiteral("--protocol"), QStringLiteral("jsonrpc"), QStringLiteral("--pair-request"),
                QStringLiteral("$.reqId"), QStringLiteral("--pair-reply"), QStringLiteral("$.inReplyTo"),
                QStringLiteral("--send"), QStringLiteral(R"({"jsonrpc":"2.0","method":"tick","reqId":7})"),
                QStringLiteral("--wait-ms"), QStringLiteral("400"), QStringLiteral("--no-frames") });
        QVERIFY2(run.exited && run.exitCode == kCleanClose, qPrintable(run.describe()));
        const QJsonObject out = run.first(QStringLiteral("message"), QStringLiteral("out"));
        QCOMPARE(out.value(QLatin1String("decoded")).toObject().value(QLatin1String("protocol")).toString(),
            QStringLiteral("jsonrpc"));
        checkPaired(run, 7, 35);
    }

    void withoutARuleNothingPairs()
    {
        const CliRun run = runCli({ m_peer.url(), QStringLiteral("--protocol"), QStringLiteral("none"),
            QStringLiteral("--send"), QStringLiteral(R"({"reqId":3})"), QStringLiteral("--wait-ms"),
            QStringLiteral("300"), QStringLiteral("--no-frames") });
        QVERIFY2(run.exited && run.exitCode == kCleanClose, qPrintable(run.describe()));
        QCOMPARE(run.events(QStringLiteral("message"), QStringLiteral("in")).size(), 1);
        for (const QJsonObject &m : run.events(QStringLiteral("message")))
            QVERIFY(!m.contains(QLatin1String("pair")));
    }

    void savedEndpointCarriesItsRule()
    {
        wsi::EndpointStore store(cliHome().filePath(QStringLiteral("data/WSInspector/wsinspector/endpoints.json")));
        QVERIFY(store.load());
        wsi::Endpoint saved;
        saved.name = QStringLiteral("reqid-feed");
        saved.options.url = QUrl(m_peer.url());
        saved.options.protocol = QStringLiteral("none");
        saved.options.pairingRule.requestPath = QStringLiteral("$.reqId");
        saved.options.pairingRule.replyPath = QStringLiteral("$.inReplyTo");
        QString error;
        QVERIFY2(!store.save(saved, &error).isEmpty(), qPrintable(error));

        const CliRun run = runCli({ QStringLiteral("--endpoint"), QStringLiteral("reqid-feed"),
            QStringLiteral("--send"), QStringLiteral(R"({"reqId":11})"), QStringLiteral("--wait-ms"),
            QStringLiteral("400"), QStringLiteral("--no-frames") });
        QVERIFY2(run.exited && run.exitCode == kCleanClose, qPrintable(run.describe()));
        checkPaired(run, 11, 35);

        // --pair-request and --pair-reply given on the command line win over the saved rule: this one never
        // matches the peer's replies.
        const CliRun other = runCli({ QStringLiteral("--endpoint"), QStringLiteral("reqid-feed"),
            QStringLiteral("--pair-request"), QStringLiteral("$.reqId"), QStringLiteral("--pair-reply"),
            QStringLiteral("$.answers"), QStringLiteral("--send"), QStringLiteral(R"({"reqId":12})"),
            QStringLiteral("--wait-ms"), QStringLiteral("400"), QStringLiteral("--no-frames") });
        QVERIFY2(other.exited && other.exitCode == kCleanClose, qPrintable(other.describe()));
        QCOMPARE(other.events(QStringLiteral("message"), QStringLiteral("in")).size(), 1);
        QVERIFY(!other.first(QStringLiteral("message"), QStringLiteral("in")).contains(QLatin1String("pair")));
    }

    void badRulesAreUsageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        QTest::newRow("bad request path") << QStringList { QStringLiteral("--pair-request"), QStringLiteral("$.a["),
            QStringLiteral("--pair-reply"),
            QStringLiteral("$.b") } << QStringLiteral("pairing rule: the request path \"$.a[\" is not a JSON path");
        QTest::newRow("bad name path") << QStringList { QStringLiteral("--pair-request"), QStringLiteral("$.a"),
            QStringLiteral("--pair-reply"), QStringLiteral("$.b"), QStringLiteral("--pair-name"),
            QStringLiteral("type") } << QStringLiteral("pairing rule: the name path \"type\" is not a JSON path");
        QTest::newRow("reply missing") << QStringList { QStringLiteral("--pair-request"), QStringLiteral("$.a") }
                                       << QStringLiteral("needs both --pair-request and --pair-reply");
    }

    void badRulesAreUsageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        const CliRun run = runCli(QStringList { m_peer.url() } + args);
        QCOMPARE(run.exitCode, kUsage);
        QVERIFY2(run.err.contains(says.toUtf8()), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_CliPairRule)
#include "tst_cli_pairrule.moc"
