// Tests MessagePackDecoder against the MessagePack specification's formats, malformed input and bombs.
#include "decode/messagepackdecoder.h"

#include <QTest>

using namespace wsi;

class TestMessagePackDecoder : public QObject
{
    Q_OBJECT
private slots:
    void decodesTheSpecificationExample();
    void decodesScalars_data();
    void decodesScalars();
    void keepsNonStringKeys();
    void readsExtTypesAndTimestamps();
    void namesMalformedInput_data();
    void namesMalformedInput();
    void boundsANestingBomb();
    void boundsALyingLength();
};

void TestMessagePackDecoder::decodesTheSpecificationExample()
{
    // {"compact": true, "schema": 0}, the example on msgpack.org
    const CodecTree tree = MessagePackDecoder::decode(QByteArray::fromHex("82a7636f6d70616374c3a6736368656d6100"));
    QVERIFY2(!tree.isMalformed(), qPrintable(tree.note));
    QCOMPARE(tree.nodes.size(), 1);
    QCOMPARE(tree.nodes.first().type, QStringLiteral("map"));
    QCOMPARE(tree.nodes.first().children.at(0).key, QStringLiteral("compact"));
    QCOMPARE(tree.find(QStringLiteral("0/compact"))->value, QStringLiteral("true"));
    QCOMPARE(tree.find(QStringLiteral("0/schema"))->value, QStringLiteral("0"));
}

void TestMessagePackDecoder::decodesScalars_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("type");
    QTest::newRow("positive fixint") << QByteArray("7f") << "127"
                                     << "int";
    QTest::newRow("negative fixint") << QByteArray("ff") << "-1"
                                     << "int";
    QTest::newRow("int 8") << QByteArray("d080") << "-128"
                           << "int";
    QTest::newRow("int 64") << QByteArray("d38000000000000000") << "-9223372036854775808"
                            << "int";
    QTest::newRow("uint 16") << QByteArray("cd0100") << "256"
                             << "uint";
    QTest::newRow("uint 64") << QByteArray("cfffffffffffffffff") << "18446744073709551615"
                             << "uint";
    QTest::newRow("float 64") << QByteArray("cb3ff8000000000000") << "1.5"
                              << "float64";
    QTest::newRow("float 32") << QByteArray("ca3fc00000") << "1.5"
                              << "float32";
    QTest::newRow("nil") << QByteArray("c0") << "nil"
                         << "nil";
    QTest::newRow("str 8") << QByteArray("d9026869") << "\"hi\""
                           << "str";
    QTest::newRow("bin 8") << QByteArray("c403010203") << "01 02 03"
                           << "bin";
    QTest::newRow("array 16") << QByteArray("dc0002c2c3") << "[2 items]"
                              << "array";
}

void TestMessagePackDecoder::decodesScalars()
{
    QFETCH(QByteArray, hex);
    QFETCH(QString, value);
    QFETCH(QString, type);
    const CodecTree tree = MessagePackDecoder::decode(QByteArray::fromHex(hex));
    QVERIFY2(!tree.isMalformed(), qPrintable(tree.note));
    QCOMPARE(tree.nodes.size(), 1);
    QCOMPARE(tree.nodes.first().value, value);
    QCOMPARE(tree.nodes.first().type, type);
}

void TestMessagePackDecoder::keepsNonStringKeys()
{
    // {1: "a", [1, 2]: true}
    const CodecTree tree = MessagePackDecoder::decode(QByteArray::fromHex("8201a161920102c3"));
    QVERIFY(!tree.isMalformed());
    QCOMPARE(tree.find(QStringLiteral("0/1"))->value, QStringLiteral("\"a\""));
    const CodecNode &arrayKeyed = tree.nodes.first().children.at(1);
    QCOMPARE(arrayKeyed.key, QStringLiteral("(array key)"));
    QCOMPARE(arrayKeyed.value, QStringLiteral("true"));
    QCOMPARE(arrayKeyed.children.first().value, QStringLiteral("[2 items]"));
}

void TestMessagePackDecoder::readsExtTypesAndTimestamps()
{
    const CodecTree ext = MessagePackDecoder::decode(QByteArray::fromHex("d405aa"));
    QCOMPARE(ext.nodes.first().type, QStringLiteral("ext 5"));
    QCOMPARE(ext.nodes.first().value, QStringLiteral("aa"));
    const CodecTree ts32 = MessagePackDecoder::decode(QByteArray::fromHex("d6ff5c4c5f00"));
    QCOMPARE(ts32.nodes.first().type, QStringLiteral("timestamp"));
    QCOMPARE(ts32.nodes.first().value, QStringLiteral("2019-01-26T13:22:08Z + 0 ns"));
    // timestamp 64: 500 ns and 1 s
    const CodecTree ts64 = MessagePackDecoder::decode(QByteArray::fromHex("d7ff000007d000000001"));
    QCOMPARE(ts64.nodes.first().value, QStringLiteral("1970-01-01T00:00:01Z + 500 ns"));
}

void TestMessagePackDecoder::namesMalformedInput_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<QString>("noteId");
    QTest::newRow("empty") << QByteArray() << "msgpack-empty";
    QTest::newRow("reserved byte") << QByteArray("c1") << "msgpack-reserved-byte";
    QTest::newRow("truncated str") << QByteArray("a56162") << "msgpack-truncated";
    QTest::newRow("truncated uint 32") << QByteArray("ce0001") << "msgpack-truncated";
    QTest::newRow("map missing value") << QByteArray("81a161") << "msgpack-truncated";
    QTest::newRow("bad timestamp size") << QByteArray("c703ff000000") << "msgpack-bad-timestamp";
}

void TestMessagePackDecoder::namesMalformedInput()
{
    QFETCH(QByteArray, hex);
    QFETCH(QString, noteId);
    const CodecTree tree = MessagePackDecoder::decode(QByteArray::fromHex(hex));
    QCOMPARE(tree.noteId, noteId);
    QVERIFY(!tree.note.isEmpty());
}

void TestMessagePackDecoder::boundsANestingBomb()
{
    const CodecTree tree = MessagePackDecoder::decode(QByteArray(100000, '\x91') + QByteArray(1, '\x00'));
    QCOMPARE(tree.noteId, QStringLiteral("msgpack-depth"));
    QVERIFY(tree.nodeCount <= MessagePackDecoder::kMaxDepth + 2);
}

void TestMessagePackDecoder::boundsALyingLength()
{
    // An array 32 declaring 2^32-1 items and a map 32 declaring as many entries, each followed by 3 bytes.
    const CodecTree array = MessagePackDecoder::decode(QByteArray::fromHex("ddffffffff010203"));
    QCOMPARE(array.noteId, QStringLiteral("msgpack-truncated"));
    QCOMPARE(array.nodeCount, 1);
    QCOMPARE(MessagePackDecoder::decode(QByteArray::fromHex("dfffffffff010203")).noteId,
        QStringLiteral("msgpack-truncated"));
    const CodecTree wide = MessagePackDecoder::decode(QByteArray(200000, '\x01'));
    QCOMPARE(wide.noteId, QStringLiteral("msgpack-too-many-nodes"));
}

QTEST_GUILESS_MAIN(TestMessagePackDecoder)
#include "tst_messagepackdecoder.moc"
