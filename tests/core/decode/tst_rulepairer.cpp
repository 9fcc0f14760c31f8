// Tests for PairingRule and RulePairer: the user's own request/reply pairing by a JSON path in each, in
// either direction, with the name path as the label, bounded when replies never come, and the named errors
// of a bad rule.
#include "decode/pairingrule.h"
#include "decode/rulepairer.h"

#include <QtTest>

using namespace wsi;

namespace {
constexpr auto C2S = DecodeDirection::ClientToServer;
constexpr auto S2C = DecodeDirection::ServerToClient;
constexpr qint64 kTimeout = 60000;
constexpr qint64 kStep = 1000;

PairingRule rule(const QString &request, const QString &reply, const QString &name = QString())
{
    PairingRule r;
    r.requestPath = request;
    r.replyPath = reply;
    r.namePath = name;
    return r;
}
} // namespace

class tst_RulePairer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pairsReplyByEqualValue();
    void requestsGoEitherWay();
    void replyMustGoTheOtherWay();
    void onePathBothWaysClosesRatherThanOpens();
    void labelIsTheNamePathOrTheRequestValue();
    void valuesCompareAsJson();
    void ignoresWhatIsNotJsonText();
    void boundsUnansweredRequests();
    void expiresUnansweredRequests();
    void badRulesAreNamed_data();
    void badRulesAreNamed();
    void unsetRuleIsValidAndPairsNothing();
};

void tst_RulePairer::pairsReplyByEqualValue()
{
    RulePairer p(rule("$.reqId", "$.inReplyTo"), kTimeout, kStep);
    QVERIFY(p.isValid());
    const RulePairer::Result r1 = p.add(R"({"reqId":1,"op":"get"})", C2S, true, 10, 100);
    QVERIFY(r1.opened);
    QVERIFY(!r1.pair);
    QVERIFY(p.add(R"({"reqId":2,"op":"put"})", C2S, true, 11, 110).opened);
    QCOMPARE(p.outstanding(), 2);
    // An unrelated message and a reply to nobody pair nothing.
    QVERIFY(!p.add(R"({"hello":"world"})", S2C, true, 12, 120).pair);
    QVERIFY(!p.add(R"({"inReplyTo":9})", S2C, true, 13, 130).pair);
    // Replies out of order still find their own request.
    const RulePairer::Result r2 = p.add(R"({"inReplyTo":2,"ok":true})", S2C, true, 14, 150);
    QVERIFY(r2.pair);
    QCOMPARE(r2.pair->requestSeq, 11);
    QCOMPARE(r2.pair->replySeq, 14);
    QCOMPARE(r2.pair->latencyMs, 40);
    QVERIFY(!r2.opened);
    const RulePairer::Result r3 = p.add(R"({"inReplyTo":1})", S2C, true, 15, 400);
    QVERIFY(r3.pair);
    QCOMPARE(r3.pair->requestSeq, 10);
    QCOMPARE(r3.pair->latencyMs, 300);
    QCOMPARE(p.outstanding(), 0);
    // A second reply to an answered request pairs nothing.
    QVERIFY(!p.add(R"({"inReplyTo":1})", S2C, true, 16, 410).pair);
}

void tst_RulePairer::requestsGoEitherWay()
{
    RulePairer p(rule("$.reqId", "$.inReplyTo"), kTimeout, kStep);
    QVERIFY(p.add(R"({"reqId":"s1"})", S2C, true, 1, 0).opened);
    const RulePairer::Result r = p.add(R"({"inReplyTo":"s1"})", C2S, true, 2, 5);
    QVERIFY(r.pair);
    QCOMPARE(r.pair->requestSeq, 1);
    QCOMPARE(r.pair->latencyMs, 5);
}

void tst_RulePairer::replyMustGoTheOtherWay()
{
    RulePairer p(rule("$.reqId", "$.inReplyTo"), kTimeout, kStep);
    p.add(R"({"reqId":1})", C2S, true, 1, 0);
    QVERIFY(!p.add(R"({"inReplyTo":1})", C2S, true, 2, 5).pair);
    QVERIFY(p.add(R"({"inReplyTo":1})", S2C, true, 3, 6).pair);
}

void tst_RulePairer::onePathBothWaysClosesRatherThanOpens()
{
    RulePairer p(rule("$.id", "$.id"), kTimeout, kStep);
    QVERIFY(p.add(R"({"id":5,"q":1})", C2S, true, 1, 0).opened);
    const RulePairer::Result reply = p.add(R"({"id":5,"a":1})", S2C, true, 2, 3);
    QVERIFY(reply.pair);
    QVERIFY(!reply.opened);
    QCOMPARE(p.outstanding(), 0);
    // With nothing open, the same shape opens a request (here from the server).
    QVERIFY(p.add(R"({"id":6})", S2C, true, 3, 4).opened);
}

void tst_RulePairer::labelIsTheNamePathOrTheRequestValue()
{
    RulePairer named(rule("$.reqId", "$.inReplyTo", "$.type"), kTimeout, kStep);
    QCOMPARE(named.add(R"({"reqId":1,"type":"quote"})", C2S, true, 1, 0).label, QStringLiteral("quote"));
    // A request without the name path is named by its request value.
    QCOMPARE(named.add(R"({"reqId":2})", C2S, true, 2, 0).label, QStringLiteral("2"));
    named.add(R"({"inReplyTo":1})", S2C, true, 3, 20);
    named.add(R"({"inReplyTo":2})", S2C, true, 4, 30);
    const QList<PairMatcher::LatencyStats> stats = named.latencyStats();
    QCOMPARE(stats.size(), 2);
    QCOMPARE(stats.at(0).label, QStringLiteral("2"));
    QCOMPARE(stats.at(0).p50, 30);
    QCOMPARE(stats.at(1).label, QStringLiteral("quote"));
    QCOMPARE(stats.at(1).p50, 20);

    RulePairer plain(rule("$.meta.op", "$.re"), kTimeout, kStep);
    QCOMPARE(plain.add(R"({"meta":{"op":"sum"}})", C2S, true, 1, 0).label, QStringLiteral("sum"));
    QCOMPARE(plain.add(R"({"meta":{"op":{"k":[1,2]}}})", C2S, true, 2, 0).label, QStringLiteral(R"({"k":[1,2]})"));
}

void tst_RulePairer::valuesCompareAsJson()
{
    RulePairer p(rule("$.reqId", "$.inReplyTo"), kTimeout, kStep);
    p.add(R"({"reqId":7})", C2S, true, 1, 0);
    // The string "7" is not the number 7; 7.0 is.
    QVERIFY(!p.add(R"({"inReplyTo":"7"})", S2C, true, 2, 1).pair);
    QVERIFY(p.add(R"({"inReplyTo":7.0})", S2C, true, 3, 2).pair);
    p.add(R"({"reqId":{"a":1,"b":[true]}})", C2S, true, 4, 3);
    QVERIFY(p.add(R"({"inReplyTo":{"b":[true],"a":1}})", S2C, true, 5, 4).pair);
    p.add(R"({"reqId":null})", C2S, true, 6, 5);
    QVERIFY(p.add(R"({"inReplyTo":null})", S2C, true, 7, 6).pair);
}

void tst_RulePairer::ignoresWhatIsNotJsonText()
{
    RulePairer p(rule("$.reqId", "$.inReplyTo"), kTimeout, kStep);
    QVERIFY(!p.add(R"({"reqId":1})", C2S, false, 1, 0).opened); // binary
    QVERIFY(!p.add(R"({"reqId":1)", C2S, true, 2, 0).opened); // truncated JSON
    QVERIFY(!p.add("reqId 1", C2S, true, 3, 0).opened);
    QVERIFY(!p.add("", C2S, true, 4, 0).opened);
    QVERIFY(p.add(R"(  [{"x":1}])", C2S, true, 5, 0).opened == false); // an array without the path
    RulePairer array(rule("$[0].id", "$[1]"), kTimeout, kStep);
    QVERIFY(array.add(R"( [{"id":"a"}])", C2S, true, 6, 0).opened);
    QVERIFY(array.add(R"(["reply","a"])", S2C, true, 7, 1).pair);
    QCOMPARE(p.outstanding(), 0);
}

void tst_RulePairer::boundsUnansweredRequests()
{
    RulePairer p(rule("$.reqId", "$.inReplyTo"), kTimeout, kStep);
    const int flood = PairMatcher::kMaxOutstanding + 500;
    int opened = 0;
    for (int i = 0; i < flood; ++i) {
        if (p.add(QStringLiteral(R"({"reqId":%1})").arg(i).toUtf8(), C2S, true, i, 0).opened)
            ++opened;
    }
    QCOMPARE(opened, PairMatcher::kMaxOutstanding);
    QCOMPARE(p.outstanding(), PairMatcher::kMaxOutstanding);
    QCOMPARE(p.droppedRequests(), 500);
    // A request past the cap was never kept: its reply pairs nothing; one within the cap still pairs.
    QVERIFY(!p.add(QStringLiteral(R"({"inReplyTo":%1})").arg(flood - 1).toUtf8(), S2C, true, flood, 10).pair);
    QVERIFY(p.add(R"({"inReplyTo":0})", S2C, true, flood + 1, 10).pair);
}

void tst_RulePairer::expiresUnansweredRequests()
{
    RulePairer p(rule("$.reqId", "$.inReplyTo"), kTimeout, kStep);
    p.add(R"({"reqId":1})", C2S, true, 1, 0);
    p.add(R"({"reqId":2})", C2S, true, 2, 50000);
    QCOMPARE(p.outstanding(), 2);
    // Any message past the timeout drops the requests that waited longer than it.
    p.add(R"({"unrelated":true})", S2C, true, 3, kTimeout + kStep);
    QCOMPARE(p.outstanding(), 1);
    QVERIFY(!p.add(R"({"inReplyTo":1})", S2C, true, 4, kTimeout + kStep + 1).pair);
    QVERIFY(p.add(R"({"inReplyTo":2})", S2C, true, 5, kTimeout + kStep + 2).pair);
}

void tst_RulePairer::badRulesAreNamed_data()
{
    QTest::addColumn<QString>("request");
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("says");
    QTest::newRow("bad request path") << "$.a["
                                      << "$.b"
                                      << ""
                                      << R"(request path "$.a[" is not a JSON path)";
    QTest::newRow("bad reply path") << "$.a"
                                    << "b"
                                    << ""
                                    << R"(reply path "b" is not a JSON path: a path starts)";
    QTest::newRow("bad name path") << "$.a"
                                   << "$.b"
                                   << "$..t"
                                   << R"(name path "$..t" is not a JSON path)";
    QTest::newRow("reply missing") << "$.a"
                                   << ""
                                   << ""
                                   << "reply path is missing";
    QTest::newRow("request missing") << ""
                                     << "$.b"
                                     << "$.t"
                                     << "request path is missing";
}

void tst_RulePairer::badRulesAreNamed()
{
    QFETCH(QString, request);
    QFETCH(QString, reply);
    QFETCH(QString, name);
    QFETCH(QString, says);
    const PairingRule bad = rule(request, reply, name);
    const QString error = bad.validate();
    QVERIFY2(error.startsWith(QLatin1String("pairing rule: ")), qPrintable(error));
    QVERIFY2(error.contains(says), qPrintable(error));
    // A bad rule pairs nothing rather than guessing.
    RulePairer p(bad, kTimeout, kStep);
    QVERIFY(!p.isValid());
    QVERIFY(!p.add(R"({"a":1})", C2S, true, 1, 0).opened);
}

void tst_RulePairer::unsetRuleIsValidAndPairsNothing()
{
    const PairingRule unset;
    QVERIFY(!unset.isSet());
    QVERIFY(unset.validate().isEmpty());
    QVERIFY(!RulePairer(unset, kTimeout, kStep).isValid());
    QVERIFY(rule("$.a", "$.b").validate().isEmpty());
    QVERIFY(rule("$.a", "$.b", "$.c").validate().isEmpty());
}

QTEST_GUILESS_MAIN(tst_RulePairer)
#include "tst_rulepairer.moc"
