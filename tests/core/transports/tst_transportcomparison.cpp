// The four transports carry one workload on loopback: every message arrives, and the counts add up.
#include "transports/transportcomparison.h"

#include <QSignalSpy>
#include <QTest>

using namespace wsi;

namespace {

TransportWorkload smallWorkload()
{
    TransportWorkload workload;
    workload.messages = 12;
    workload.clientMessages = 4;
    workload.durationMs = 1200;
    workload.pollIntervalMs = 150;
    workload.seed = 7;
    return workload;
}

qint64 serverMessageBytes(const TransportWorkload &workload, int perMessageExtra)
{
    qint64 bytes = 0;
    for (int seq = 1; seq <= workload.messages; ++seq)
        bytes += workload.serverMessage(seq).size() + perMessageExtra;
    return bytes;
}

qint64 clientMessageBytes(const TransportWorkload &workload)
{
    qint64 bytes = 0;
    for (int i = 0; i < workload.clientMessages; ++i)
        bytes += workload.clientMessage(i).size();
    return bytes;
}

qint64 streamEventBytes(const TransportWorkload &workload)
{
    qint64 bytes = 0;
    for (int seq = 1; seq <= workload.messages; ++seq)
        bytes
            += QByteArray("id: " + QByteArray::number(seq) + "\ndata: " + workload.serverMessage(seq) + "\n\n").size();
    return bytes;
}

} // namespace

class tst_TransportComparison : public QObject
{
    Q_OBJECT

private:
    QList<TransportResult> m_results; // of the one run every test below reads

private Q_SLOTS:
    void initTestCase()
    {
        TransportComparison comparison;
        comparison.setWorkload(smallWorkload());
        QSignalSpy finished(&comparison, &TransportComparison::finished);
        QSignalSpy progress(&comparison, &TransportComparison::progress);
        QString error;
        QVERIFY2(comparison.start(&error), qPrintable(error));
        QVERIFY(comparison.isRunning());
        QVERIFY(finished.wait(60000));
        QVERIFY(!comparison.isRunning());
        QCOMPARE(progress.last().at(0).toInt(), 100);
        m_results = comparison.results();
    }

    void everyTransportRunsInOrder()
    {
        QCOMPARE(m_results.size(), 4);
        QCOMPARE(m_results.at(0).kind, TransportKind::Polling);
        QCOMPARE(m_results.at(1).kind, TransportKind::LongPolling);
        QCOMPARE(m_results.at(2).kind, TransportKind::Streaming);
        QCOMPARE(m_results.at(3).kind, TransportKind::WebSocket);
    }

    void everyTransportDeliversEveryMessage()
    {
        const TransportWorkload workload = smallWorkload();
        for (const TransportResult &result : std::as_const(m_results)) {
            const QByteArray name = transportName(result.kind);
            QVERIFY2(result.error.isEmpty(), qPrintable(name + ": " + result.error.toUtf8()));
            QCOMPARE(result.expected, workload.messages);
            QCOMPARE(result.delivered, workload.messages);
            QCOMPARE(result.clientMessagesSent, workload.clientMessages);
            QCOMPARE(result.tally.clientMessages, workload.clientMessages);
            QVERIFY(result.deliveredAll());
            QVERIFY(result.latencyP50Ms >= 0);
            QVERIFY(result.latencyP95Ms >= result.latencyP50Ms);
        }
    }

    void payloadBytesAreTheMessagesAsEachTransportFramesThem()
    {
        const TransportWorkload workload = smallWorkload();
        const qint64 up = clientMessageBytes(workload);
        // Polling and long polling: each message once, one line each, in some poll's body.
        QCOMPARE(m_results.at(0).tally.payloadBytes, serverMessageBytes(workload, 1) + up);
        QCOMPARE(m_results.at(1).tally.payloadBytes, serverMessageBytes(workload, 1) + up);
        // Streaming: each message as an event of the stream.
        QCOMPARE(m_results.at(2).tally.payloadBytes, streamEventBytes(workload) + up);
        // WebSocket: the messages alone, framed.
        QCOMPARE(m_results.at(3).tally.payloadBytes, serverMessageBytes(workload, 0) + up);
    }

    void requestsAndConnectionsFollowTheTransport()
    {
        const TransportWorkload workload = smallWorkload();
        const TransportResult &polling = m_results.at(0);
        // One poll per interval over the workload (the first at once), plus the messages sent up; ticks can
        // only be lost under load, never added, and draining adds at most a few.
        const int polls = polling.tally.requests - workload.clientMessages;
        QVERIFY2(polls >= 2 && polls <= workload.durationMs / workload.pollIntervalMs + 4,
            qPrintable(QString::number(polls)));
        // Long polling: one answered poll per message at most (messages close together share one), plus the
        // one left waiting.
        const int longPolls = m_results.at(1).tally.requests - workload.clientMessages;
        QVERIFY2(longPolls >= 2 && longPolls <= workload.messages + 1, qPrintable(QString::number(longPolls)));
        // Streaming: one stream, plus the messages up.
        QCOMPARE(m_results.at(2).tally.requests, 1 + workload.clientMessages);
        // WebSocket: the upgrade is its only request, on its only connection.
        QCOMPARE(m_results.at(3).tally.requests, 1);
        QCOMPARE(m_results.at(3).tally.connections, 1);
        for (const TransportResult &result : std::as_const(m_results))
            QVERIFY(result.tally.connections >= 1 && result.tally.connections <= result.tally.requests);
    }

    void webSocketHeadersAreTheHandshakeAndTwoToSixBytesAFrame()
    {
        const TransportWorkload workload = smallWorkload();
        const TransportResult &webSocket = m_results.at(3);
        // Server frames under 126 bytes: 2-byte headers; client frames: 2 bytes and a 4-byte mask key.
        const qint64 frameHeaders = 2 * workload.messages + 6 * workload.clientMessages;
        const qint64 handshake = webSocket.tally.headerBytes - frameHeaders;
        QVERIFY2(handshake > 200 && handshake < 4000, qPrintable(QString::number(handshake)));
        // Every HTTP request repeats the browser's headers: polling pays them per request.
        QVERIFY(m_results.at(0).tally.headerBytes > webSocket.tally.headerBytes);
        QVERIFY(m_results.at(0).tally.headerBytes / m_results.at(0).tally.requests > 500);
    }
};

QTEST_GUILESS_MAIN(tst_TransportComparison)
#include "tst_transportcomparison.moc"
