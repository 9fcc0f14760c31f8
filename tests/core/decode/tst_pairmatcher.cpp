// Tests for PairMatcher: replies paired with the oldest request of their key that went the other way,
// latencies from the caller's timestamps, unanswered requests after the timeout, percentiles per label.
#include "decode/pairmatcher.h"

#include <QtTest>

using namespace wsi;

namespace {
constexpr auto C2S = DecodeDirection::ClientToServer;
constexpr auto S2C = DecodeDirection::ServerToClient;

DecodedMessage message(PairRole role, const QString &key, const QString &label = QString())
{
    DecodedMessage m;
    m.protocol = QStringLiteral("jsonrpc");
    m.pairRole = role;
    m.pairKey = key;
    m.pairLabel = label;
    return m;
}
} // namespace

class tst_PairMatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pairsReplyWithRequest();
    void replyMustGoTheOtherWay();
    void repeatedKeysPairOldestFirst();
    void expiresUnansweredRequests();
    void computesPercentilesPerLabel();
    void boundsOutstandingRequests();
};

void tst_PairMatcher::pairsReplyWithRequest()
{
    PairMatcher p;
    QVERIFY(!p.add(message(PairRole::Request, "jsonrpc:1", "subtract"), C2S, 10, 1000));
    QCOMPARE(p.outstanding(), 1);
    QVERIFY(!p.add(message(PairRole::None, "jsonrpc:1"), S2C, 11, 1001));
    QVERIFY(!p.add(message(PairRole::Reply, "jsonrpc:2"), S2C, 12, 1002));
    const auto pair = p.add(message(PairRole::Reply, "jsonrpc:1"), S2C, 13, 1042);
    QVERIFY(pair);
    QCOMPARE(pair->requestSeq, 10);
    QCOMPARE(pair->replySeq, 13);
    QCOMPARE(pair->latencyMs, 42);
    QCOMPARE(pair->label, QStringLiteral("subtract"));
    QCOMPARE(p.outstanding(), 0);
    QVERIFY(!p.add(message(PairRole::Reply, "jsonrpc:1"), S2C, 14, 1050)); // answered once only
}

void tst_PairMatcher::replyMustGoTheOtherWay()
{
    PairMatcher p;
    p.add(message(PairRole::Request, "k"), C2S, 1, 0);
    QVERIFY(!p.add(message(PairRole::Reply, "k"), C2S, 2, 5));
    // Server-initiated requests pair with client replies.
    p.add(message(PairRole::Request, "k"), S2C, 3, 10);
    const auto pair = p.add(message(PairRole::Reply, "k"), C2S, 4, 15);
    QVERIFY(pair);
    QCOMPARE(pair->requestSeq, 3);
}

void tst_PairMatcher::repeatedKeysPairOldestFirst()
{
    PairMatcher p;
    p.add(message(PairRole::Request, "mqtt:ping"), C2S, 1, 100);
    p.add(message(PairRole::Request, "mqtt:ping"), C2S, 2, 200);
    QCOMPARE(p.add(message(PairRole::Reply, "mqtt:ping"), S2C, 3, 250)->requestSeq, 1);
    QCOMPARE(p.add(message(PairRole::Reply, "mqtt:ping"), S2C, 4, 260)->latencyMs, 60);
}

void tst_PairMatcher::expiresUnansweredRequests()
{
    PairMatcher p(1000);
    p.add(message(PairRole::Request, "a", "slow"), C2S, 1, 0);
    p.add(message(PairRole::Request, "b", "fast"), C2S, 2, 500);
    QVERIFY(p.expire(1000).isEmpty()); // not more than the timeout yet
    const QList<PairMatcher::Unanswered> gone = p.expire(1001);
    QCOMPARE(gone.size(), 1);
    QCOMPARE(gone[0].requestSeq, 1);
    QCOMPARE(gone[0].key, QStringLiteral("a"));
    QCOMPARE(gone[0].label, QStringLiteral("slow"));
    QCOMPARE(p.outstanding(), 1);
    QVERIFY(!p.add(message(PairRole::Reply, "a"), S2C, 3, 1100)); // too late to pair
    QVERIFY(p.add(message(PairRole::Reply, "b"), S2C, 4, 1100));
}

void tst_PairMatcher::computesPercentilesPerLabel()
{
    PairMatcher p;
    // Latencies 1..100 ms for "get", 7 ms once for "put".
    for (int i = 1; i <= 100; ++i) {
        const QString key = QStringLiteral("k%1").arg(i);
        p.add(message(PairRole::Request, key, "get"), C2S, i, 0);
        p.add(message(PairRole::Reply, key), S2C, 1000 + i, i);
    }
    p.add(message(PairRole::Request, "x", "put"), C2S, 5000, 10);
    p.add(message(PairRole::Reply, "x"), S2C, 5001, 17);
    const QList<PairMatcher::LatencyStats> stats = p.latencyStats();
    QCOMPARE(stats.size(), 2);
    QCOMPARE(stats[0].label, QStringLiteral("get"));
    QCOMPARE(stats[0].count, 100);
    QCOMPARE(stats[0].p50, 50);
    QCOMPARE(stats[0].p95, 95);
    QCOMPARE(stats[0].p99, 99);
    QCOMPARE(stats[1].label, QStringLiteral("put"));
    QCOMPARE(stats[1].p50, 7);
    QCOMPARE(stats[1].p99, 7);
}

void tst_PairMatcher::boundsOutstandingRequests()
{
    PairMatcher p;
    for (int i = 0; i < PairMatcher::kMaxOutstanding + 5; ++i)
        p.add(message(PairRole::Request, QStringLiteral("k%1").arg(i)), C2S, i, 0);
    QCOMPARE(p.outstanding(), PairMatcher::kMaxOutstanding);
    QCOMPARE(p.droppedRequests(), 5);
}

QTEST_GUILESS_MAIN(tst_PairMatcher)
#include "tst_pairmatcher.moc"
