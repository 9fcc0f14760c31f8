// Tests ProtobufWireDecoder on the encoding guide's examples, guesses for len fields, malformed input, bombs.
#include "decode/protobufwiredecoder.h"

#include <QTest>

using namespace wsi;

namespace {

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

// Field 1, wire type len, around inner.
QByteArray wrap(const QByteArray &inner)
{
    return QByteArray(1, '\x0a') + varint(quint64(inner.size())) + inner;
}

int depthOf(const QList<CodecNode> &nodes)
{
    int deepest = 0;
    for (const CodecNode &n : nodes)
        deepest = std::max(deepest, 1 + depthOf(n.children));
    return deepest;
}

} // namespace

class TestProtobufWireDecoder : public QObject
{
    Q_OBJECT
private slots:
    void decodesVarint150();
    void decodesAStringAndANestedMessage();
    void showsPackedRepeatedAsBytes();
    void decodesFixedWidthFields();
    void namesMalformedInput_data();
    void namesMalformedInput();
    void boundsANestingBomb();
    void boundsAFloodOfFields();
};

void TestProtobufWireDecoder::decodesVarint150()
{
    const CodecTree tree = ProtobufWireDecoder::decode(QByteArray::fromHex("089601"));
    QVERIFY(!tree.isMalformed());
    QCOMPARE(tree.nodes.size(), 1);
    QCOMPARE(tree.nodes.first().key, QStringLiteral("1"));
    QCOMPARE(tree.nodes.first().type, QStringLiteral("varint"));
    QCOMPARE(tree.nodes.first().value, QStringLiteral("150"));
    QCOMPARE(ProtobufWireDecoder::decode(QByteArray::fromHex("08ffffffffffffffffff01")).nodes.first().value,
        QStringLiteral("18446744073709551615 (int64 -1)"));
}

void TestProtobufWireDecoder::decodesAStringAndANestedMessage()
{
    // field 2 = "testing", field 3 = { field 1 = 150 }
    const CodecTree tree = ProtobufWireDecoder::decode(QByteArray::fromHex("120774657374696e671a03089601"));
    QVERIFY2(!tree.isMalformed(), qPrintable(tree.note));
    QCOMPARE(tree.find(QStringLiteral("2"))->type, QStringLiteral("string"));
    QCOMPARE(tree.find(QStringLiteral("2"))->value, QStringLiteral("\"testing\""));
    QCOMPARE(tree.find(QStringLiteral("3"))->type, QStringLiteral("message"));
    QCOMPARE(tree.find(QStringLiteral("3/1"))->value, QStringLiteral("150"));
}

void TestProtobufWireDecoder::showsPackedRepeatedAsBytes()
{
    // field 4 = packed [3, 270, 86942]: starts with a tag of field 0, so it is no message
    const CodecTree tree = ProtobufWireDecoder::decode(QByteArray::fromHex("2206038e029ea705"));
    QVERIFY(!tree.isMalformed());
    QCOMPARE(tree.find(QStringLiteral("4"))->type, QStringLiteral("bytes"));
    QCOMPARE(tree.find(QStringLiteral("4"))->value, QStringLiteral("03 8e 02 9e a7 05"));
}

void TestProtobufWireDecoder::decodesFixedWidthFields()
{
    const CodecTree tree = ProtobufWireDecoder::decode(QByteArray::fromHex("2d0000803f11000000000000f03f"));
    QVERIFY(!tree.isMalformed());
    QCOMPARE(tree.find(QStringLiteral("5"))->type, QStringLiteral("i32"));
    QCOMPARE(tree.find(QStringLiteral("5"))->value, QStringLiteral("1065353216 (float 1)"));
    QCOMPARE(tree.find(QStringLiteral("2"))->type, QStringLiteral("i64"));
    QCOMPARE(tree.find(QStringLiteral("2"))->value, QStringLiteral("4607182418800017408 (double 1)"));
}

void TestProtobufWireDecoder::namesMalformedInput_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<QString>("noteId");
    QTest::addColumn<int>("fieldsKept");
    QTest::newRow("tag only") << QByteArray("08") << "protobuf-truncated-varint" << 0;
    QTest::newRow("cut varint after a field") << QByteArray("08010896") << "protobuf-truncated-varint" << 1;
    QTest::newRow("len past the end") << QByteArray("120561") << "protobuf-truncated-field" << 0;
    QTest::newRow("i32 cut") << QByteArray("2d0000") << "protobuf-truncated-field" << 0;
    QTest::newRow("group") << QByteArray("0b") << "protobuf-bad-wire-type" << 0;
    QTest::newRow("field zero") << QByteArray("0001") << "protobuf-bad-field-number" << 0;
    QTest::newRow("eleven-byte varint") << QByteArray("08ffffffffffffffffffff01") << "protobuf-truncated-varint" << 0;
}

void TestProtobufWireDecoder::namesMalformedInput()
{
    QFETCH(QByteArray, hex);
    QFETCH(QString, noteId);
    QFETCH(int, fieldsKept);
    const CodecTree tree = ProtobufWireDecoder::decode(QByteArray::fromHex(hex));
    QCOMPARE(tree.noteId, noteId);
    QVERIFY(!tree.note.isEmpty());
    QCOMPARE(tree.nodes.size(), fieldsKept);
}

void TestProtobufWireDecoder::boundsANestingBomb()
{
    QByteArray bomb = QByteArray::fromHex("08ff01"); // not printable: each level is a message, not a string
    for (int i = 0; i < 200; ++i)
        bomb = wrap(bomb + QByteArray::fromHex("1001"));
    const CodecTree tree = ProtobufWireDecoder::decode(bomb);
    QVERIFY(!tree.isMalformed());
    QCOMPARE(depthOf(tree.nodes), ProtobufWireDecoder::kMaxDepth + 1);
}

void TestProtobufWireDecoder::boundsAFloodOfFields()
{
    QByteArray flood;
    for (int i = 0; i < 100000; ++i)
        flood += QByteArray::fromHex("0801");
    const CodecTree tree = ProtobufWireDecoder::decode(flood);
    QCOMPARE(tree.noteId, QStringLiteral("protobuf-too-many-nodes"));
    QCOMPARE(tree.nodes.size(), ProtobufWireDecoder::kMaxNodes);
}

QTEST_GUILESS_MAIN(TestProtobufWireDecoder)
#include "tst_protobufwiredecoder.moc"
