// Tests BinaryCodec's auto-detection between CBOR, MessagePack and protobuf, and its format ids.
#include "decode/binarycodec.h"

#include <QTest>

using namespace wsi;

class TestBinaryCodec : public QObject
{
    Q_OBJECT
private slots:
    void detectsTheFormat_data();
    void detectsTheFormat();
    void autoNamesWhatFitsNoFormat();
    void roundTripsFormatIds();
    void schemaFormatWithoutASchemaSaysSo();
};

void TestBinaryCodec::detectsTheFormat_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<QString>("format");
    QTest::newRow("cbor map") << QByteArray("a26161016162820203") << "cbor";
    QTest::newRow("cbor self-described") << QByteArray("d9d9f701") << "cbor";
    QTest::newRow("msgpack map") << QByteArray("82a7636f6d70616374c3a6736368656d6100") << "msgpack";
    QTest::newRow("protobuf varint") << QByteArray("089601") << "protobuf";
    QTest::newRow("protobuf nested") << QByteArray("1a03089601") << "protobuf";
    QTest::newRow("cbor scalar") << QByteArray("f5") << "cbor";
    QTest::newRow("nothing fits") << QByteArray("c1c1c1ff") << "auto";
}

void TestBinaryCodec::detectsTheFormat()
{
    QFETCH(QByteArray, hex);
    QFETCH(QString, format);
    const QByteArray bytes = QByteArray::fromHex(hex);
    QCOMPARE(BinaryCodec::formatId(BinaryCodec::detect(bytes)), format);
    const CodecTree tree = BinaryCodec::decode(BinaryCodec::Format::Auto, bytes);
    QCOMPARE(tree.format, format);
    QCOMPARE(tree.isMalformed(), format == QLatin1String("auto"));
}

void TestBinaryCodec::autoNamesWhatFitsNoFormat()
{
    const CodecTree tree = BinaryCodec::decode(BinaryCodec::Format::Auto, QByteArray::fromHex("c1c1c1ff"));
    QCOMPARE(tree.noteId, QStringLiteral("no-format-fits"));
    QVERIFY(tree.nodes.isEmpty());
    // The chosen format still shows how far it read.
    QCOMPARE(BinaryCodec::decode(BinaryCodec::Format::MessagePack, QByteArray::fromHex("01c1")).nodes.size(), 2);
}

void TestBinaryCodec::roundTripsFormatIds()
{
    for (auto f : { BinaryCodec::Format::Auto, BinaryCodec::Format::Cbor, BinaryCodec::Format::MessagePack,
             BinaryCodec::Format::ProtobufWire, BinaryCodec::Format::ProtobufSchema })
        QCOMPARE(BinaryCodec::formatFromId(BinaryCodec::formatId(f)), f);
    QCOMPARE(BinaryCodec::formatFromId(QStringLiteral("nonsense")), BinaryCodec::Format::Auto);
}

void TestBinaryCodec::schemaFormatWithoutASchemaSaysSo()
{
    const CodecTree tree = BinaryCodec::decode(BinaryCodec::Format::ProtobufSchema, QByteArray::fromHex("089601"));
    QCOMPARE(tree.format, QStringLiteral("protobuf-schema"));
    QCOMPARE(tree.noteId, QStringLiteral("protobuf-schema-not-loaded"));
    QVERIFY(tree.nodes.isEmpty());
    // Auto-detection never guesses a schema.
    QCOMPARE(BinaryCodec::detect(QByteArray::fromHex("089601")), BinaryCodec::Format::ProtobufWire);
}

QTEST_GUILESS_MAIN(TestBinaryCodec)
#include "tst_binarycodec.moc"
