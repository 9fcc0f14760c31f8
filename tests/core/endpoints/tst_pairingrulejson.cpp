// The pairing rule remembered with an endpoint: ConnectionOptionsJson writes "pairing" only when a rule is
// set, reads it back unchanged, refuses a bad path or a wrong type with a sentence, and
// ConnectionOptions::validate() names a bad path.
#include "endpoints/connectionoptionsjson.h"

#include <QJsonDocument>
#include <QtTest>

using namespace wsi;

class TestPairingRuleJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsThroughTheEndpointFile_data();
    void roundTripsThroughTheEndpointFile();
    void writtenOnlyWhenSet();
    void refusesBadRules_data();
    void refusesBadRules();
    void validateNamesABadPath();
};

namespace {
ConnectionOptions withRule(const QString &request, const QString &reply, const QString &name)
{
    ConnectionOptions o;
    o.url = QUrl(QStringLiteral("ws://127.0.0.1:9000/feed"));
    o.protocol = QStringLiteral("none");
    o.pairingRule.requestPath = request;
    o.pairingRule.replyPath = reply;
    o.pairingRule.namePath = name;
    return o;
}
} // namespace

void TestPairingRuleJson::roundTripsThroughTheEndpointFile_data()
{
    QTest::addColumn<QString>("request");
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QString>("name");
    QTest::newRow("with a name path") << "$.reqId"
                                      << "$.inReplyTo"
                                      << "$.type";
    QTest::newRow("without a name path") << "$.meta[0].id"
                                         << R"($["in reply"])"
                                         << "";
}

void TestPairingRuleJson::roundTripsThroughTheEndpointFile()
{
    QFETCH(QString, request);
    QFETCH(QString, reply);
    QFETCH(QString, name);
    const ConnectionOptions original = withRule(request, reply, name);
    // Through the text of a file, as the endpoint store writes and reads it.
    const QByteArray text = QJsonDocument(ConnectionOptionsJson::toJson(original)).toJson();
    const QJsonObject pairing = QJsonDocument::fromJson(text).object().value(QLatin1String("pairing")).toObject();
    QCOMPARE(pairing.value(QLatin1String("request")).toString(), request);
    QCOMPARE(pairing.value(QLatin1String("reply")).toString(), reply);
    QCOMPARE(pairing.contains(QLatin1String("name")), !name.isEmpty());
    ConnectionOptions back;
    QString error;
    QVERIFY2(ConnectionOptionsJson::fromJson(QJsonDocument::fromJson(text).object(), &back, &error), qPrintable(error));
    QCOMPARE(back.pairingRule.requestPath, request);
    QCOMPARE(back.pairingRule.replyPath, reply);
    QCOMPARE(back.pairingRule.namePath, name);
    QCOMPARE(back.protocol, QStringLiteral("none"));
}

void TestPairingRuleJson::writtenOnlyWhenSet()
{
    ConnectionOptions plain;
    plain.url = QUrl(QStringLiteral("ws://127.0.0.1:9000/"));
    const QJsonObject json = ConnectionOptionsJson::toJson(plain);
    QVERIFY(!json.contains(QLatin1String("pairing")));
    ConnectionOptions back;
    QVERIFY(ConnectionOptionsJson::fromJson(json, &back));
    QVERIFY(!back.pairingRule.isSet());
}

void TestPairingRuleJson::refusesBadRules_data()
{
    QTest::addColumn<QByteArray>("pairing");
    QTest::addColumn<QString>("says");
    QTest::newRow("bad reply path") << QByteArray(R"({"request":"$.id","reply":"$.a["})")
                                    << R"(pairing rule: the reply path "$.a[" is not a JSON path)";
    QTest::newRow("reply missing") << QByteArray(R"({"request":"$.id"})") << "pairing rule: the reply path is missing";
    QTest::newRow("not an object") << QByteArray(R"("$.id")") << "\"pairing\" must be an object";
    QTest::newRow("path not a string") << QByteArray(R"({"request":1,"reply":"$.b"})")
                                       << "\"pairing.request\" must be a string";
}

void TestPairingRuleJson::refusesBadRules()
{
    QFETCH(QByteArray, pairing);
    QFETCH(QString, says);
    const QByteArray file = R"({"url":"ws://127.0.0.1:9000/","pairing":)" + pairing + "}";
    const QJsonObject object = QJsonDocument::fromJson(file).object();
    QVERIFY(!object.isEmpty());
    ConnectionOptions o;
    QString error;
    QVERIFY(!ConnectionOptionsJson::fromJson(object, &o, &error));
    QVERIFY2(error.contains(says), qPrintable(error));
}

void TestPairingRuleJson::validateNamesABadPath()
{
    QVERIFY(withRule(QStringLiteral("$.id"), QStringLiteral("$.re"), QString()).validate().isEmpty());
    const QString problem = withRule(QStringLiteral("$.id"), QStringLiteral("$.re"), QStringLiteral("type")).validate();
    QVERIFY2(problem.startsWith(QLatin1String("pairing rule: the name path \"type\"")), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestPairingRuleJson)
#include "tst_pairingrulejson.moc"
