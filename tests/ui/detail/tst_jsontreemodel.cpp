// JsonTreeModel under QAbstractItemModelTester: a JSON object or array as a Key | Value | Type tree, long values
// cut in the cell but whole in the tooltip, anything else refused with a reason, a huge document cut off at
// kMaxNodes, and the tree replaced by the next payload or cleared.
#include "detail/jsontreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace wsi;

class TestJsonTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsAnObjectAsATree();
    void showsAnArrayAndLongValues();
    void refusesWhatIsNotAnObjectOrArray_data();
    void refusesWhatIsNotAnObjectOrArray();
    void cutsOffAHugeDocument();
    void replacedAndCleared();

private:
    static QStringList rowText(const JsonTreeModel &model, const QModelIndex &index);
};

QStringList TestJsonTreeModel::rowText(const JsonTreeModel &model, const QModelIndex &index)
{
    return { model.index(index.row(), JsonTreeModel::KeyColumn, index.parent()).data().toString(),
        model.index(index.row(), JsonTreeModel::ValueColumn, index.parent()).data().toString(),
        model.index(index.row(), JsonTreeModel::TypeColumn, index.parent()).data().toString() };
}

void TestJsonTreeModel::showsAnObjectAsATree()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(JsonTreeModel::NUM_COLUMNS));

    QString error;
    QVERIFY(
        model.setJson(R"({"op":"tick","price":42.5,"ok":true,"none":null,"tags":["a","b"],"meta":{"seq":7}})", &error));
    QVERIFY(error.isEmpty());
    QCOMPARE(model.nodeCount(), 10);
    QVERIFY(!model.truncated());

    QCOMPARE(model.rowCount(), 1);
    const QModelIndex top = model.index(0, 0);
    QCOMPARE(rowText(model, top), (QStringList { "(object)", "{6 key(s)}", "object" }));
    QVERIFY(!top.parent().isValid());
    QCOMPARE(model.rowCount(top), 6);
    // Keys in QJsonObject's order (sorted).
    QCOMPARE(rowText(model, model.index(0, 0, top)), (QStringList { "meta", "{1 key(s)}", "object" }));
    QCOMPARE(rowText(model, model.index(1, 0, top)), (QStringList { "none", "null", "null" }));
    QCOMPARE(rowText(model, model.index(2, 0, top)), (QStringList { "ok", "true", "boolean" }));
    QCOMPARE(rowText(model, model.index(3, 0, top)), (QStringList { "op", "\"tick\"", "string" }));
    QCOMPARE(rowText(model, model.index(4, 0, top)), (QStringList { "price", "42.5", "number" }));
    QCOMPARE(rowText(model, model.index(5, 0, top)), (QStringList { "tags", "[2 item(s)]", "array" }));

    const QModelIndex meta = model.index(0, 0, top);
    QCOMPARE(meta.parent(), top);
    QCOMPARE(model.rowCount(meta), 1);
    QCOMPARE(rowText(model, model.index(0, 0, meta)), (QStringList { "seq", "7", "number" }));
    const QModelIndex tags = model.index(5, 0, top);
    QCOMPARE(model.rowCount(tags), 2);
    QCOMPARE(rowText(model, model.index(1, 0, tags)), (QStringList { "1", "\"b\"", "string" }));
    QCOMPARE(model.index(1, 0, tags).parent(), tags);
    QCOMPARE(model.rowCount(model.index(1, 0, tags)), 0); // a leaf
    QCOMPARE(model.rowCount(model.index(5, JsonTreeModel::ValueColumn, top)), 0); // only column 0 has children
    QVERIFY(!model.index(0, JsonTreeModel::NUM_COLUMNS, top).isValid());
    QVERIFY(!model.index(6, 0, top).isValid());

    QCOMPARE(model.headerData(JsonTreeModel::KeyColumn, Qt::Horizontal).toString(), QStringLiteral("Key"));
    QCOMPARE(model.headerData(JsonTreeModel::ValueColumn, Qt::Horizontal).toString(), QStringLiteral("Value"));
    QCOMPARE(model.headerData(JsonTreeModel::TypeColumn, Qt::Horizontal).toString(), QStringLiteral("Type"));
}

void TestJsonTreeModel::showsAnArrayAndLongValues()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QString longText(600, QLatin1Char('x'));
    QVERIFY(model.setJson("[1, 0.1, \"" + longText.toUtf8() + "\", [], {}]"));
    QCOMPARE(model.nodeCount(), 6);
    const QModelIndex top = model.index(0, 0);
    QCOMPARE(rowText(model, top), (QStringList { "(array)", "[5 item(s)]", "array" }));
    QCOMPARE(model.rowCount(top), 5);
    QCOMPARE(rowText(model, model.index(0, 0, top)), (QStringList { "0", "1", "number" }));
    QCOMPARE(rowText(model, model.index(1, 0, top)), (QStringList { "1", "0.10000000000000001", "number" }));
    QCOMPARE(rowText(model, model.index(3, 0, top)), (QStringList { "3", "[0 item(s)]", "array" }));
    QCOMPARE(rowText(model, model.index(4, 0, top)), (QStringList { "4", "{0 key(s)}", "object" }));
    QCOMPARE(model.rowCount(model.index(3, 0, top)), 0);

    // 602 characters with the quotes: the cell shows 500 and an ellipsis, the tooltip all of it.
    const QModelIndex longValue = model.index(2, JsonTreeModel::ValueColumn, top);
    QCOMPARE(longValue.data().toString(), QLatin1Char('"') + QString(499, QLatin1Char('x')) + QChar(0x2026));
    QCOMPARE(longValue.data(Qt::ToolTipRole).toString(), QLatin1Char('"') + longText + QLatin1Char('"'));
    QCOMPARE(model.index(2, JsonTreeModel::KeyColumn, top).data(Qt::ToolTipRole).toString(), QStringLiteral("2"));
    QVERIFY(!longValue.data(Qt::EditRole).isValid());
}

void TestJsonTreeModel::refusesWhatIsNotAnObjectOrArray_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("a bare number") << QByteArray("42") << QStringLiteral("Not JSON: illegal value at byte 1.");
    QTest::newRow("unterminated object") << QByteArray("{\"a\":{}")
                                         << QStringLiteral("Not JSON: unterminated object at byte 7.");
    QTest::newRow("a number cut short") << QByteArray("{\"a\":1")
                                        << QStringLiteral("Not JSON: invalid termination by number at byte 6.");
    QTest::newRow("plain text") << QByteArray("hello") << QStringLiteral("Not JSON: illegal value at byte 1.");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("Not JSON: illegal value at byte 0.");
}

void TestJsonTreeModel::refusesWhatIsNotAnObjectOrArray()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QVERIFY(model.setJson(R"({"before":1})"));
    QCOMPARE(model.rowCount(), 1);
    QString reason;
    QVERIFY(!model.setJson(json, &reason));
    QCOMPARE(reason, error);
    QCOMPARE(model.rowCount(), 0); // the previous tree is gone
    QCOMPARE(model.nodeCount(), 0);
    QVERIFY(!model.setJson(json)); // no error wanted: none written
}

void TestJsonTreeModel::cutsOffAHugeDocument()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QByteArray json = "[";
    for (int i = 0; i < 60000; ++i)
        json += i ? ",0" : "0";
    json += "]";
    QVERIFY(model.setJson(json));
    QVERIFY(model.truncated());
    QCOMPARE(model.nodeCount(), JsonTreeModel::kMaxNodes);
    const QModelIndex top = model.index(0, 0);
    // The array node itself counts: 49,999 of its 60,000 items are listed, its value still says 60,000.
    QCOMPARE(model.rowCount(top), JsonTreeModel::kMaxNodes - 1);
    QCOMPARE(rowText(model, top), (QStringList { "(array)", "[60000 item(s)]", "array" }));
    QCOMPARE(rowText(model, model.index(49998, 0, top)), (QStringList { "49998", "0", "number" }));
    QVERIFY(!model.index(49999, 0, top).isValid());

    QVERIFY(model.setJson("[0]"));
    QVERIFY(!model.truncated());
    QCOMPARE(model.nodeCount(), 2);
}

void TestJsonTreeModel::replacedAndCleared()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(model.setJson(R"({"a":{"b":{"c":[1,2,3]}}})"));
    QCOMPARE(reset.size(), 1);
    const QModelIndex c = model.index(0, 0, model.index(0, 0, model.index(0, 0, model.index(0, 0))));
    QCOMPARE(rowText(model, c), (QStringList { "c", "[3 item(s)]", "array" }));
    QCOMPARE(model.rowCount(c), 3);
    QCOMPARE(c.parent().parent().parent(), model.index(0, 0));

    QVERIFY(model.setJson(R"(["x"])"));
    QCOMPARE(reset.size(), 2);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(rowText(model, model.index(0, 0, model.index(0, 0))), (QStringList { "0", "\"x\"", "string" }));

    model.clear();
    QCOMPARE(reset.size(), 3);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.nodeCount(), 0);
    QVERIFY(!model.truncated());
    QVERIFY(!model.index(0, 0).isValid());
}

QTEST_MAIN(TestJsonTreeModel)
#include "tst_jsontreemodel.moc"
