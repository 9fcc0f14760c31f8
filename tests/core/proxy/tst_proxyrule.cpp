// ProxyRule: which whole messages each matcher takes, what a replacement makes of them, and the CLI spelling.
#include "proxy/proxyrule.h"

#include <QTest>

using namespace wsi;

namespace {

constexpr quint8 kText = 0x1;
constexpr quint8 kBinary = 0x2;
using Toward = FrameHook::Toward;
using Action = ProxyRule::Action;

} // namespace

class tst_ProxyRule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textRegexMatchesTextOnly()
    {
        const auto rule = ProxyRule::textRegex(Toward::Server, Action::Hold, QStringLiteral("^price: \\d+$"));
        QVERIFY(rule);
        QVERIFY(rule->matches(kText, "price: 42"));
        QVERIFY(!rule->matches(kText, "price: lots"));
        QVERIFY(!rule->matches(kBinary, "price: 42")); // a regex reads text messages only
    }

    void replaceUsesCapturedGroups()
    {
        const auto rule = ProxyRule::textRegex(
            Toward::Client, Action::Replace, QStringLiteral("user=(\\w+)"), QStringLiteral("user=[\\1]"));
        QVERIFY(rule);
        QCOMPARE(rule->replace(kText, "a user=ann b user=bob"), QByteArray("a user=[ann] b user=[bob]"));
        QCOMPARE(rule->replace(kText, "nobody here"), QByteArray("nobody here"));
        // UTF-8 survives the round trip through QString.
        QCOMPARE(rule->replace(kText, "user=\xed\x95\x9c"), QByteArray("user=[\xed\x95\x9c]"));
    }

    void hexMatchesAndReplacesBinaryOnly()
    {
        const auto rule = ProxyRule::binaryHex(
            Toward::Server, Action::Replace, QStringLiteral("ca fe"), QStringLiteral("be ef 00"));
        QVERIFY(rule);
        QVERIFY(rule->matches(kBinary, QByteArray::fromHex("00cafe01")));
        QVERIFY(!rule->matches(kText, QByteArray::fromHex("00cafe01")));
        QCOMPARE(rule->replace(kBinary, QByteArray::fromHex("cafe01cafe")), QByteArray::fromHex("beef0001beef00"));
        QString error;
        QVERIFY(!ProxyRule::binaryHex(Toward::Server, Action::Drop, QStringLiteral("cafe0"), {}, &error));
        QVERIFY(error.contains(QStringLiteral("cafe0")));
    }

    void jsonPathMatchesPresenceOrValue()
    {
        const auto present = ProxyRule::jsonPath(Toward::Server, Action::Hold, QStringLiteral("$.order.id"));
        QVERIFY(present);
        QVERIFY(present->matches(kText, R"({"order":{"id":7}})"));
        QVERIFY(!present->matches(kText, R"({"order":{}})"));
        QVERIFY(!present->matches(kText, "not json"));
        const auto equal
            = ProxyRule::jsonPath(Toward::Server, Action::Drop, QStringLiteral("$.type"), QStringLiteral("heartbeat"));
        QVERIFY(equal);
        QVERIFY(equal->matches(kText, R"({"type":"heartbeat"})"));
        QVERIFY(!equal->matches(kText, R"({"type":"trade"})"));
        const auto number
            = ProxyRule::jsonPath(Toward::Server, Action::Drop, QStringLiteral("$.n"), QStringLiteral("3"));
        QVERIFY(number->matches(kText, R"({"n":3})"));
        QVERIFY(!ProxyRule::jsonPath(Toward::Server, Action::Hold, QStringLiteral("$.[")));
    }

    void opcodeAndAll()
    {
        const ProxyRule binary = ProxyRule::opcode(Toward::Client, Action::Drop, kBinary);
        QVERIFY(binary.matches(kBinary, "x"));
        QVERIFY(!binary.matches(kText, "x"));
        const ProxyRule all = ProxyRule::all(Toward::Client, Action::Hold);
        QVERIFY(all.matches(kText, ""));
        QVERIFY(all.matches(kBinary, "x"));
        // A rule that names messages without saying what to change leaves them as they are.
        QCOMPARE(ProxyRule::all(Toward::Client, Action::Replace).replace(kText, "same"), QByteArray("same"));
    }

    void parsesTheCliSpelling()
    {
        QString error;
        const auto out = ProxyRule::parse(Action::Replace, QStringLiteral("out:a(b)c=>x\\1y"), &error);
        QVERIFY2(out, qPrintable(error));
        QCOMPARE(out->toward(), Toward::Server);
        QCOMPARE(out->replace(kText, "-abc-"), QByteArray("-xby-"));
        const auto in = ProxyRule::parse(Action::Drop, QStringLiteral("in:^ping$"), &error);
        QVERIFY(in);
        QCOMPARE(in->toward(), Toward::Client);
        QCOMPARE(in->describe(), QStringLiteral("in: regex ^ping$"));
        // A regex may contain colons and arrows of its own after the first ones.
        const auto colons = ProxyRule::parse(Action::Replace, QStringLiteral("out:a:b=>c=>d"), &error);
        QVERIFY(colons);
        QCOMPARE(colons->replace(kText, "a:b"), QByteArray("c=>d"));

        QVERIFY(!ProxyRule::parse(Action::Drop, QStringLiteral("sideways:x"), &error));
        QVERIFY(error.contains(QStringLiteral("out:")));
        QVERIFY(!ProxyRule::parse(Action::Replace, QStringLiteral("out:x"), &error));
        QVERIFY(error.contains(QStringLiteral("=>")));
        QVERIFY(!ProxyRule::parse(Action::Hold, QStringLiteral("in:("), &error));
        QVERIFY(error.contains(QStringLiteral("not valid")));
        QVERIFY(!ProxyRule::parse(Action::Hold, QStringLiteral("in:"), &error));
    }
};

QTEST_GUILESS_MAIN(tst_ProxyRule)
#include "tst_proxyrule.moc"
