// Tests for JsonPath: the pairing rule's path syntax ($.a.b, $.a[0].b, $["odd key"]), the values it names,
// and a named error for each kind of bad path.
#include "decode/jsonpath.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace wsi;

class tst_JsonPath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsValues_data();
    void findsValues();
    void missingStepsFindNothing_data();
    void missingStepsFindNothing();
    void rejectsBadPaths_data();
    void rejectsBadPaths();
};

namespace {
QJsonValue document()
{
    return QJsonDocument::fromJson(
        R"({"id":7,"meta":{"req":"r-1","tags":["a",{"b":true}]},"odd key":"x","q\"k":1,"list":[[10,11]]})")
        .object();
}
} // namespace

void tst_JsonPath::findsValues_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("expected");
    QTest::newRow("member") << "$.id" << QJsonValue(7);
    QTest::newRow("nested member") << "$.meta.req" << QJsonValue(QStringLiteral("r-1"));
    QTest::newRow("index then member") << "$.meta.tags[1].b" << QJsonValue(true);
    QTest::newRow("double-quoted key with a space") << R"($["odd key"])" << QJsonValue(QStringLiteral("x"));
    QTest::newRow("single-quoted key") << "$['odd key']" << QJsonValue(QStringLiteral("x"));
    QTest::newRow("escaped quote in a key") << R"($["q\"k"])" << QJsonValue(1);
    QTest::newRow("index of an index") << "$.list[0][1]" << QJsonValue(11);
    QTest::newRow("surrounding blanks ignored") << "  $.id " << QJsonValue(7);
}

void tst_JsonPath::findsValues()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, expected);
    QString error;
    const std::optional<JsonPath> parsed = JsonPath::parse(path, &error);
    QVERIFY2(parsed, qPrintable(error));
    const std::optional<QJsonValue> value = parsed->valueIn(document());
    QVERIFY(value);
    QCOMPARE(*value, expected);
}

void tst_JsonPath::missingStepsFindNothing_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("absent member") << "$.nope";
    QTest::newRow("index past the end") << "$.meta.tags[2]";
    QTest::newRow("member of a number") << "$.id.x";
    QTest::newRow("index into an object") << "$.meta[0]";
    QTest::newRow("member of an array") << "$.list.x";
}

void tst_JsonPath::missingStepsFindNothing()
{
    QFETCH(QString, path);
    const std::optional<JsonPath> parsed = JsonPath::parse(path);
    QVERIFY(parsed);
    QVERIFY(!parsed->valueIn(document()));
}

void tst_JsonPath::rejectsBadPaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("says");
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("no dollar") << "id"
                               << "starts with $";
    QTest::newRow("dollar alone") << "$"
                                  << "whole message";
    QTest::newRow("dot without a name") << "$.a."
                                        << "a name must follow the dot at position 4";
    QTest::newRow("unclosed bracket") << "$.a[0"
                                      << "a ] is missing at position 5";
    QTest::newRow("bracket without an index") << "$.a[x]"
                                              << "needs an index";
    QTest::newRow("negative index") << "$.a[-1]"
                                    << "needs an index";
    QTest::newRow("unclosed quote") << R"($["a)"
                                    << "quoted name is not closed";
    QTest::newRow("stray character") << "$.a b"
                                     << "unexpected \" \" at position 3";
}

void tst_JsonPath::rejectsBadPaths()
{
    QFETCH(QString, path);
    QFETCH(QString, says);
    QString error;
    QVERIFY(!JsonPath::parse(path, &error));
    QVERIFY2(error.contains(says), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_JsonPath)
#include "tst_jsonpath.moc"
