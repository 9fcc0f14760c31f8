// Tests CborTreeDecoder against RFC 8949 appendix A, malformed items and nesting bombs.
#include "decode/cbortreedecoder.h"

#include <QTest>

using namespace wsi;

class TestCborTreeDecoder : public QObject
{
    Q_OBJECT
private slots:
    void decodesAppendixAScalars_data();
    void decodesAppendixAScalars();
    void decodesNestedContainersInOrder();
    void joinsIndefiniteLengthStrings();
    void keepsTagsAsParents();
    void readsASequenceOfItems();
    void namesMalformedInput_data();
    void namesMalformedInput();
    void boundsANestingBomb();
    void boundsAHugeDeclaredLength();
};

void TestCborTreeDecoder::decodesAppendixAScalars_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("type");
    QTest::newRow("0") << QByteArray("00") << "0"
                       << "unsigned";
    QTest::newRow("24") << QByteArray("1818") << "24"
                        << "unsigned";
    QTest::newRow("1000") << QByteArray("1903e8") << "1000"
                          << "unsigned";
    QTest::newRow("2^64-1") << QByteArray("1bffffffffffffffff") << "18446744073709551615"
                            << "unsigned";
    QTest::newRow("-1") << QByteArray("20") << "-1"
                        << "negative";
    QTest::newRow("-100") << QByteArray("3863") << "-100"
                          << "negative";
    QTest::newRow("-2^64") << QByteArray("3bffffffffffffffff") << "-18446744073709551616"
                           << "negative";
    QTest::newRow("half 1.0") << QByteArray("f93c00") << "1"
                              << "float16";
    QTest::newRow("double 1.1") << QByteArray("fb3ff199999999999a") << "1.1000000000000001"
                                << "float64";
    QTest::newRow("false") << QByteArray("f4") << "false"
                           << "boolean";
    QTest::newRow("null") << QByteArray("f6") << "null"
                          << "simple";
    QTest::newRow("undefined") << QByteArray("f7") << "undefined"
                               << "simple";
    QTest::newRow("text") << QByteArray("6449455446") << "\"IETF\""
                          << "text";
    QTest::newRow("bytes") << QByteArray("4401020304") << "01 02 03 04"
                           << "bytes";
}

void TestCborTreeDecoder::decodesAppendixAScalars()
{
    QFETCH(QByteArray, hex);
    QFETCH(QString, value);
    QFETCH(QString, type);
    const CodecTree tree = CborTreeDecoder::decode(QByteArray::fromHex(hex));
    QVERIFY2(!tree.isMalformed(), qPrintable(tree.note));
    QCOMPARE(tree.nodes.size(), 1);
    QCOMPARE(tree.nodes.first().value, value);
    QCOMPARE(tree.nodes.first().type, type);
}

void TestCborTreeDecoder::decodesNestedContainersInOrder()
{
    // {"a": 1, "b": [2, 3]}
    const CodecTree tree = CborTreeDecoder::decode(QByteArray::fromHex("a26161016162820203"));
    QVERIFY(!tree.isMalformed());
    QCOMPARE(tree.nodes.first().type, QStringLiteral("map"));
    QCOMPARE(tree.nodes.first().children.size(), 2);
    QCOMPARE(tree.nodes.first().children.at(0).key, QStringLiteral("a"));
    QCOMPARE(tree.find(QStringLiteral("0/a"))->value, QStringLiteral("1"));
    QCOMPARE(tree.find(QStringLiteral("0/b"))->type, QStringLiteral("array"));
    QCOMPARE(tree.find(QStringLiteral("0/b/1"))->value, QStringLiteral("3"));
    // {1: 2, 3: 4}: integer keys; [_ 1, [2, 3], [_ 4, 5]]: indefinite arrays
    QCOMPARE(CborTreeDecoder::decode(QByteArray::fromHex("a201020304")).find(QStringLiteral("0/3"))->value,
        QStringLiteral("4"));
    const CodecTree indefinite = CborTreeDecoder::decode(QByteArray::fromHex("9f018202039f0405ffff"));
    QVERIFY(!indefinite.isMalformed());
    QCOMPARE(indefinite.find(QStringLiteral("0/2/1"))->value, QStringLiteral("5"));
}

void TestCborTreeDecoder::joinsIndefiniteLengthStrings()
{
    QCOMPARE(CborTreeDecoder::decode(QByteArray::fromHex("5f42010243030405ff")).nodes.first().value,
        QStringLiteral("01 02 03 04 05"));
    QCOMPARE(CborTreeDecoder::decode(QByteArray::fromHex("7f657374726561646d696e67ff")).nodes.first().value,
        QStringLiteral("\"streaming\""));
}

void TestCborTreeDecoder::keepsTagsAsParents()
{
    // 0("2013-03-21T20:04:00Z")
    const CodecTree tree = CborTreeDecoder::decode(QByteArray::fromHex("c074323031332d30332d32315432303a30343a30305a"));
    QVERIFY(!tree.isMalformed());
    QCOMPARE(tree.nodes.first().type, QStringLiteral("tag"));
    QCOMPARE(tree.nodes.first().value, QStringLiteral("0"));
    QCOMPARE(tree.find(QStringLiteral("0/tagged"))->value, QStringLiteral("\"2013-03-21T20:04:00Z\""));
}

void TestCborTreeDecoder::readsASequenceOfItems()
{
    const CodecTree tree = CborTreeDecoder::decode(QByteArray::fromHex("0102f5"));
    QVERIFY(!tree.isMalformed());
    QCOMPARE(tree.nodes.size(), 3);
    QCOMPARE(tree.nodes.at(2).value, QStringLiteral("true"));
}

void TestCborTreeDecoder::namesMalformedInput_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<QString>("noteId");
    QTest::newRow("empty") << QByteArray() << "cbor-empty";
    QTest::newRow("truncated uint") << QByteArray("19") << "cbor-truncated";
    QTest::newRow("truncated array") << QByteArray("830102") << "cbor-truncated";
    QTest::newRow("reserved additional info") << QByteArray("1c") << "cbor-malformed";
    QTest::newRow("bad utf-8") << QByteArray("62c328") << "cbor-invalid-utf8";
    QTest::newRow("stray break") << QByteArray("ff") << "cbor-malformed";
}

void TestCborTreeDecoder::namesMalformedInput()
{
    QFETCH(QByteArray, hex);
    QFETCH(QString, noteId);
    const CodecTree tree = CborTreeDecoder::decode(QByteArray::fromHex(hex));
    QCOMPARE(tree.noteId, noteId);
    QVERIFY(!tree.note.isEmpty());
}

void TestCborTreeDecoder::boundsANestingBomb()
{
    const QByteArray bomb = QByteArray(100000, '\x81') + QByteArray(1, '\x00');
    const CodecTree tree = CborTreeDecoder::decode(bomb);
    QCOMPARE(tree.noteId, QStringLiteral("cbor-depth"));
    QVERIFY(tree.nodeCount <= CborTreeDecoder::kMaxDepth + 2);
}

void TestCborTreeDecoder::boundsAHugeDeclaredLength()
{
    // An array of 2^64-1 items holding two, and a byte string declaring 2^64-1 bytes.
    QVERIFY(CborTreeDecoder::decode(QByteArray::fromHex("9bffffffffffffffff0102")).isMalformed());
    QVERIFY(CborTreeDecoder::decode(QByteArray::fromHex("5bffffffffffffffff0102")).isMalformed());
    const CodecTree wide = CborTreeDecoder::decode(QByteArray(200000, '\x80'));
    QVERIFY(wide.nodeCount <= CborTreeDecoder::kMaxNodes + 1);
}

QTEST_GUILESS_MAIN(TestCborTreeDecoder)
#include "tst_cbortreedecoder.moc"
