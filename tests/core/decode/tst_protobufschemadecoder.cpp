// Tests ProtobufSchemaDecoder on bytes Debian's protoc encoded from tests/data/protobuf/shop.proto, on bytes
// that are not the chosen message, and on bombs.
#include "decode/protobufschema.h"
#include "decode/protobufschemadecoder.h"

#include "protocencode.h"

#include <QTest>

using namespace wsi;

namespace {

const QByteArray kOrder = "id: 42\n"
                          "customer: \"Ada\"\n"
                          "status: SHIPPED\n"
                          "lines { sku: \"tea\" quantity: 2 price { currency: \"EUR\" units: 7 } }\n"
                          "lines { sku: \"cup\" quantity: 1 }\n"
                          "ratings: [5, -3]\n"
                          "stock { key: \"tea\" value: 12 }\n"
                          "stock { key: \"cup\" value: -1 }\n"
                          "token: \"\\x01\\xfe\"\n"
                          "weight: 0.5\n"
                          "gift: true\n";

QString line(const CodecTree &tree, const QString &path)
{
    const CodecNode *node = tree.find(path);
    return node ? QStringLiteral("%1 (%2)").arg(node->value, node->type) : QStringLiteral("<no %1>").arg(path);
}

QByteArray varint(quint64 v)
{
    QByteArray out;
    while (v >= 0x80) {
        out.append(char(0x80 | (v & 0x7f)));
        v >>= 7;
    }
    out.append(char(v));
    return out;
}

int depthOf(const QList<CodecNode> &nodes)
{
    int deepest = 0;
    for (const CodecNode &n : nodes)
        deepest = std::max(deepest, 1 + depthOf(n.children));
    return deepest;
}

} // namespace

class TestProtobufSchemaDecoder : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void readsWhatProtocEncodedFieldByField();
    void showsFieldsTheSchemaLacksByNumber();
    void namesBytesThatAreNotTheMessage_data();
    void namesBytesThatAreNotTheMessage();
    void namesAnUnknownTypeAndAMissingSchema();
    void boundsANestingBomb();
    void boundsAFloodOfValues();

private:
    ProtobufSchema m_schema;
    QByteArray m_order;
};

void TestProtobufSchemaDecoder::initTestCase()
{
    QVERIFY2(m_schema.load(QStringLiteral(WSI_TEST_DATA_DIR "/protobuf/shop.proto")), qPrintable(m_schema.error()));
    QString error;
    m_order = protocEncode(QStringLiteral("shop.Order"), QStringLiteral("shop.proto"), kOrder, &error);
    QVERIFY2(!m_order.isNull(), qPrintable(error));
}

void TestProtobufSchemaDecoder::readsWhatProtocEncodedFieldByField()
{
    const CodecTree tree = ProtobufSchemaDecoder::decode(m_schema, QStringLiteral("shop.Order"), m_order);
    QVERIFY2(!tree.isMalformed(), qPrintable(tree.note));
    QCOMPARE(tree.format, QStringLiteral("protobuf-schema"));
    QCOMPARE(tree.nodes.size(), 9);
    QCOMPARE(line(tree, QStringLiteral("id")), QStringLiteral("42 (uint64)"));
    QCOMPARE(line(tree, QStringLiteral("customer")), QStringLiteral("\"Ada\" (string)"));
    QCOMPARE(line(tree, QStringLiteral("status")), QStringLiteral("SHIPPED (2) (enum shop.Order.Status)"));
    QCOMPARE(line(tree, QStringLiteral("lines")), QStringLiteral("[2 items] (repeated message shop.Order.Line)"));
    QCOMPARE(line(tree, QStringLiteral("lines/0")), QStringLiteral("{3 fields} (message shop.Order.Line)"));
    QCOMPARE(line(tree, QStringLiteral("lines/0/sku")), QStringLiteral("\"tea\" (string)"));
    QCOMPARE(line(tree, QStringLiteral("lines/0/quantity")), QStringLiteral("2 (uint32)"));
    // The imported file's type, nested one more level.
    QCOMPARE(line(tree, QStringLiteral("lines/0/price")), QStringLiteral("{2 fields} (message common.Money)"));
    QCOMPARE(line(tree, QStringLiteral("lines/0/price/currency")), QStringLiteral("\"EUR\" (string)"));
    QCOMPARE(line(tree, QStringLiteral("lines/0/price/units")), QStringLiteral("7 (int64)"));
    QCOMPARE(line(tree, QStringLiteral("lines/1/sku")), QStringLiteral("\"cup\" (string)"));
    QCOMPARE(line(tree, QStringLiteral("lines/1")), QStringLiteral("{2 fields} (message shop.Order.Line)"));
    // Packed on the wire (proto3's default), zigzag-decoded by the schema's sint32.
    QCOMPARE(line(tree, QStringLiteral("ratings")), QStringLiteral("[2 items] (repeated sint32)"));
    QCOMPARE(line(tree, QStringLiteral("ratings/0")), QStringLiteral("5 (sint32)"));
    QCOMPARE(line(tree, QStringLiteral("ratings/1")), QStringLiteral("-3 (sint32)"));
    QCOMPARE(line(tree, QStringLiteral("stock")), QStringLiteral("{2 entries} (map<string, int32>)"));
    QCOMPARE(tree.find(QStringLiteral("stock"))->children.first().key, QStringLiteral("cup")); // sorted by key
    QCOMPARE(line(tree, QStringLiteral("stock/cup")), QStringLiteral("-1 (int32)"));
    QCOMPARE(line(tree, QStringLiteral("stock/tea")), QStringLiteral("12 (int32)"));
    QCOMPARE(line(tree, QStringLiteral("token")), QStringLiteral("01 fe (bytes)"));
    QCOMPARE(line(tree, QStringLiteral("weight")), QStringLiteral("0.5 (double)"));
    QCOMPARE(line(tree, QStringLiteral("gift")), QStringLiteral("true (bool)"));
}

void TestProtobufSchemaDecoder::showsFieldsTheSchemaLacksByNumber()
{
    QString error;
    const QByteArray receipt = protocEncode(
        QStringLiteral("shop.Receipt"), QStringLiteral("shop.proto"), "id: 7 till: 3 cashier: \"Grace\"", &error);
    QVERIFY2(!receipt.isNull(), qPrintable(error));
    const CodecTree tree = ProtobufSchemaDecoder::decode(m_schema, QStringLiteral("shop.Order"), receipt);
    QVERIFY2(!tree.isMalformed(), qPrintable(tree.note));
    QCOMPARE(tree.nodes.size(), 3);
    QCOMPARE(line(tree, QStringLiteral("id")), QStringLiteral("7 (uint64)"));
    QCOMPARE(line(tree, QStringLiteral("20")), QStringLiteral("3 (unknown i32)"));
    QCOMPARE(line(tree, QStringLiteral("21")), QStringLiteral("47 72 61 63 65 (unknown len)"));
}

void TestProtobufSchemaDecoder::namesBytesThatAreNotTheMessage_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("readTo");
    QTest::addColumn<int>("fieldsKept");
    // protoc's Order cut inside its token field (filled in from initTestCase's bytes): the six before it stay.
    QTest::newRow("cut off") << QByteArray() << -1 << 6;
    // A cut varint would leave libprotobuf's half-read number (127); only whole fields are shown.
    QTest::newRow("varint past the end") << QByteArray::fromHex("082a08ff") << 2 << 1;
    QTest::newRow("customer not UTF-8") << QByteArray::fromHex("082a1202c328") << 2 << 1;
    QTest::newRow("end of a group never opened") << QByteArray::fromHex("082a0c") << 2 << 1;
    QTest::newRow("field number zero") << QByteArray::fromHex("0001") << 0 << 0;
}

void TestProtobufSchemaDecoder::namesBytesThatAreNotTheMessage()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, readTo);
    QFETCH(int, fieldsKept);
    if (bytes.isEmpty()) {
        readTo = int(m_order.indexOf(QByteArray::fromHex("3a0201fe")));
        QVERIFY(readTo > 0);
        bytes = m_order.left(readTo + 3);
    }
    const CodecTree tree = ProtobufSchemaDecoder::decode(m_schema, QStringLiteral("shop.Order"), bytes);
    QCOMPARE(tree.noteId, QStringLiteral("protobuf-schema-mismatch"));
    QVERIFY2(tree.note.startsWith(
                 QStringLiteral("protobuf schema: the bytes are not a shop.Order from byte %1 on").arg(readTo)),
        qPrintable(tree.note));
    QCOMPARE(tree.nodes.size(), fieldsKept);
    if (fieldsKept > 0)
        QCOMPARE(line(tree, QStringLiteral("id")), QStringLiteral("42 (uint64)"));
}

void TestProtobufSchemaDecoder::namesAnUnknownTypeAndAMissingSchema()
{
    const CodecTree unknown = ProtobufSchemaDecoder::decode(m_schema, QStringLiteral("shop.Refund"), m_order);
    QCOMPARE(unknown.noteId, QStringLiteral("protobuf-schema-unknown-type"));
    QVERIFY(unknown.nodes.isEmpty());
    ProtobufSchema broken;
    QVERIFY(!broken.load(QStringLiteral(WSI_TEST_DATA_DIR "/protobuf/broken.proto")));
    const CodecTree none = ProtobufSchemaDecoder::decode(broken, QStringLiteral("broken.Oops"), m_order);
    QCOMPARE(none.noteId, QStringLiteral("protobuf-schema-not-loaded"));
    QCOMPARE(none.note, QStringLiteral("protobuf schema: broken.proto:6:27: Missing field number."));
}

void TestProtobufSchemaDecoder::boundsANestingBomb()
{
    QByteArray deep = QByteArray::fromHex("0a03746561");
    for (int i = 0; i < 200; ++i)
        deep = QByteArray::fromHex("12") + varint(quint64(deep.size())) + deep; // children { ... }
    const CodecTree tree = ProtobufSchemaDecoder::decode(m_schema, QStringLiteral("shop.Category"), deep);
    QCOMPARE(tree.noteId, QStringLiteral("protobuf-schema-mismatch"));
    QVERIFY(depthOf(tree.nodes) <= 2 * (ProtobufSchemaDecoder::kMaxDepth + 1));

    QByteArray shallow = QByteArray::fromHex("0a03746561");
    for (int i = 0; i < 20; ++i)
        shallow = QByteArray::fromHex("12") + varint(quint64(shallow.size())) + shallow;
    const CodecTree fine = ProtobufSchemaDecoder::decode(m_schema, QStringLiteral("shop.Category"), shallow);
    QVERIFY2(!fine.isMalformed(), qPrintable(fine.note));
    // Each level is a "children" list and its one item: two tree levels per message, and the name at the end.
    QCOMPARE(depthOf(fine.nodes), 2 * 20 + 1);

    // Groups the schema does not know nest without it: the same limit holds.
    QByteArray groups;
    for (int i = 0; i < 200; ++i)
        groups += QByteArray::fromHex("ab01"); // start group 21
    for (int i = 0; i < 200; ++i)
        groups += QByteArray::fromHex("ac01"); // end group 21
    const CodecTree unknown = ProtobufSchemaDecoder::decode(m_schema, QStringLiteral("shop.Order"), groups);
    QCOMPARE(unknown.noteId, QStringLiteral("protobuf-schema-mismatch"));
    QVERIFY(depthOf(unknown.nodes) <= ProtobufSchemaDecoder::kMaxDepth + 1);
}

void TestProtobufSchemaDecoder::boundsAFloodOfValues()
{
    QByteArray flood = QByteArray::fromHex("2a") + varint(100000);
    flood += QByteArray(100000, '\x02'); // ratings: 100000 packed ones
    const CodecTree tree = ProtobufSchemaDecoder::decode(m_schema, QStringLiteral("shop.Order"), flood);
    QCOMPARE(tree.noteId, QStringLiteral("protobuf-schema-too-many-nodes"));
    QCOMPARE(tree.nodeCount, ProtobufSchemaDecoder::kMaxNodes + 1);
    QCOMPARE(tree.find(QStringLiteral("ratings"))->children.size(), ProtobufSchemaDecoder::kMaxNodes - 1);
    QCOMPARE(line(tree, QStringLiteral("ratings/0")), QStringLiteral("1 (sint32)"));
}

QTEST_GUILESS_MAIN(TestProtobufSchemaDecoder)
#include "tst_protobufschemadecoder.moc"
