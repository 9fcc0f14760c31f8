// wsinspector-cli connect --protocol against python3-websockets on 127.0.0.1: JSON-RPC detected from the
// first message, requests paired with the server's replies and their latency; a forced protocol on an echo;
// "none" leaves the lines as they were; bad names are usage errors.
#include "clirun.h"
#include "peerprocess.h"

#include <QJsonArray>
#include <QTemporaryFile>
#include <QTest>

class tst_CliDecode : public QObject
{
    Q_OBJECT

private:
    PeerProcess m_python;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(cliHome().isValid());
        QVERIFY2(m_python.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")),
            "python3-websockets server did not start");
    }

    void jsonRpcIsDetectedDecodedAndPaired()
    {
        const CliRun run = runCli({ m_python.url(QStringLiteral("/jsonrpc")), QStringLiteral("--send"),
            QStringLiteral(R"({"jsonrpc":"2.0","id":1,"method":"sum","params":[1,2,3]})"), QStringLiteral("--send"),
            QStringLiteral(R"({"jsonrpc":"2.0","method":"log","params":["hi"]})"), QStringLiteral("--send"),
            QStringLiteral(R"({"jsonrpc":"2.0","id":"b","method":"nope"})"), QStringLiteral("--no-frames") });
        QVERIFY2(run.exited && run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(run.problems.isEmpty());
        const QList<QJsonObject> out = run.events(QStringLiteral("message"), QStringLiteral("out"));
        const QList<QJsonObject> in = run.events(QStringLiteral("message"), QStringLiteral("in"));
        QCOMPARE(out.size(), 3);
        QCOMPARE(in.size(), 2);
        const QJsonObject call = out.at(0).value(QLatin1String("decoded")).toObject();
        QCOMPARE(call.value(QLatin1String("protocol")).toString(), QStringLiteral("jsonrpc"));
        QVERIFY2(
            call.value(QLatin1String("summary")).toString().contains(QLatin1String("sum")), qPrintable(run.describe()));
        QVERIFY(!out.at(0).contains(QLatin1String("pair"))); // a request pairs nothing
        const QJsonObject notification = out.at(1).value(QLatin1String("decoded")).toObject();
        QCOMPARE(notification.value(QLatin1String("protocol")).toString(), QStringLiteral("jsonrpc"));
        QVERIFY(notification.value(QLatin1String("kind")).toString() != call.value(QLatin1String("kind")).toString());

        // Each reply names its request by the request's t_us, with a latency the server's 30 ms delay bounds.
        const QJsonObject result = in.at(0);
        QVERIFY(result.value(QLatin1String("decoded"))
                    .toObject()
                    .value(QLatin1String("summary"))
                    .toString()
                    .contains(QLatin1String("6")));
        const QJsonObject pair = result.value(QLatin1String("pair")).toObject();
        QCOMPARE(
            pair.value(QLatin1String("request_t_us")).toDouble(), out.at(0).value(QLatin1String("t_us")).toDouble());
        const double latency = pair.value(QLatin1String("latency_ms")).toDouble();
        QVERIFY2(latency >= 25 && latency < 10000, qPrintable(QString::number(latency)));
        QCOMPARE(latency,
            (result.value(QLatin1String("t_us")).toDouble() - pair.value(QLatin1String("request_t_us")).toDouble())
                / 1000.0);
        const QJsonObject errorPair = in.at(1).value(QLatin1String("pair")).toObject();
        QCOMPARE(errorPair.value(QLatin1String("request_t_us")).toDouble(),
            out.at(2).value(QLatin1String("t_us")).toDouble());
    }

    void aForcedProtocolDecodesBothWays()
    {
        // A STOMP frame ends with a NUL byte, which no command-line argument can hold: it comes from a file.
        QTemporaryFile frame;
        QVERIFY(frame.open());
        frame.write(QByteArray("SEND\ndestination:/queue/a\ncontent-type:text/plain\n\nhello\n") + '\0');
        frame.close();
        const CliRun run
            = runCli({ m_python.url(QStringLiteral("/echo")), QStringLiteral("--protocol"), QStringLiteral("stomp"),
                QStringLiteral("--send-file-text"), frame.fileName(), QStringLiteral("--no-frames") });
        QVERIFY2(run.exited && run.exitCode == 0, qPrintable(run.describe()));
        const QList<QJsonObject> messages = run.events(QStringLiteral("message"));
        QCOMPARE(messages.size(), 2);
        for (const QJsonObject &m : messages) {
            const QJsonObject decoded = m.value(QLatin1String("decoded")).toObject();
            QCOMPARE(decoded.value(QLatin1String("protocol")).toString(), QStringLiteral("stomp"));
            QCOMPARE(decoded.value(QLatin1String("kind")).toString(), QStringLiteral("SEND"));
            QVERIFY2(decoded.value(QLatin1String("summary")).toString().contains(QLatin1String("/queue/a")),
                qPrintable(run.describe()));
        }
    }

    void noneAndUndetectedLeaveLinesAlone()
    {
        for (const QString &protocol : { QStringLiteral("none"), QStringLiteral("auto") }) {
            const CliRun run = runCli({ m_python.url(QStringLiteral("/echo")), QStringLiteral("--protocol"), protocol,
                QStringLiteral("--send"),
                protocol == QLatin1String("none") ? QStringLiteral(R"({"jsonrpc":"2.0","id":1,"method":"x"})")
                                                  : QStringLiteral("plain words"),
                QStringLiteral("--no-frames") });
            QVERIFY2(run.exited && run.exitCode == 0, qPrintable(run.describe()));
            for (const QJsonObject &m : run.events(QStringLiteral("message"))) {
                QVERIFY2(!m.contains(QLatin1String("decoded")), qPrintable(run.describe()));
                QVERIFY(!m.contains(QLatin1String("pair")));
            }
        }
    }

    void unknownProtocolIsAUsageError()
    {
        const CliRun run = runCli({ m_python.url(), QStringLiteral("--protocol"), QStringLiteral("amqp") });
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--protocol") && run.err.contains("amqp"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(tst_CliDecode)
#include "tst_cli_decode.moc"
