// Tests ProtobufSchema: a .proto file and its imports parsed at run time, its message types, its errors.
#include "decode/protobufschema.h"

#include <QTemporaryDir>
#include <QTest>

#include <google/protobuf/message.h>

using namespace wsi;

namespace {

const QString kData = QStringLiteral(WSI_TEST_DATA_DIR "/protobuf/");

} // namespace

class TestProtobufSchema : public QObject
{
    Q_OBJECT
private slots:
    void listsTheFilesMessageTypes();
    void resolvesImportsFromTheFilesFolder();
    void namesTheLineOfASyntaxError();
    void namesAMissingImport();
    void namesAMissingFile();
    void aFailedLoadForgetsThePreviousSchema();
};

void TestProtobufSchema::listsTheFilesMessageTypes()
{
    ProtobufSchema schema;
    QVERIFY2(schema.load(kData + QStringLiteral("shop.proto")), qPrintable(schema.error()));
    QVERIFY(schema.isLoaded());
    QVERIFY(schema.error().isEmpty());
    // Nested types after their parent; the compiler-made StockEntry of the map is not one to choose.
    QCOMPARE(schema.messageTypes(),
        QStringList({ QStringLiteral("shop.Order"), QStringLiteral("shop.Order.Line"), QStringLiteral("shop.Receipt"),
            QStringLiteral("shop.Category") }));
}

void TestProtobufSchema::resolvesImportsFromTheFilesFolder()
{
    ProtobufSchema schema;
    QVERIFY2(schema.load(kData + QStringLiteral("shop.proto")), qPrintable(schema.error()));
    const google::protobuf::Descriptor *money = schema.messageType(QStringLiteral("common.Money"));
    QVERIFY(money);
    QCOMPARE(money->field_count(), 2);
    QCOMPARE(QString::fromStdString(money->field(1)->name()), QStringLiteral("units"));
    QVERIFY(!schema.messageType(QStringLiteral("shop.Nothing")));
    QVERIFY(schema.newMessage(money));
}

void TestProtobufSchema::namesTheLineOfASyntaxError()
{
    ProtobufSchema schema;
    QVERIFY(!schema.load(kData + QStringLiteral("broken.proto")));
    QVERIFY(!schema.isLoaded());
    // Where protoc itself puts it: line 6, column 27, counted from one.
    QCOMPARE(schema.error(), QStringLiteral("protobuf schema: broken.proto:6:27: Missing field number."));
    QVERIFY(schema.messageTypes().isEmpty());
}

void TestProtobufSchema::namesAMissingImport()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("lonely.proto")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("syntax = \"proto3\";\nimport \"gone/away.proto\";\nmessage M { int32 a = 1; }\n");
    file.close();
    ProtobufSchema schema;
    QVERIFY(!schema.load(file.fileName()));
    QVERIFY2(schema.error().startsWith(QStringLiteral("protobuf schema: ")), qPrintable(schema.error()));
    QVERIFY2(schema.error().contains(QStringLiteral("gone/away.proto")), qPrintable(schema.error()));
    QVERIFY2(schema.error().contains(QStringLiteral("lonely.proto:2:")), qPrintable(schema.error()));
}

void TestProtobufSchema::namesAMissingFile()
{
    ProtobufSchema schema;
    const QString path = kData + QStringLiteral("no-such.proto");
    QVERIFY(!schema.load(path));
    QCOMPARE(schema.error(), QStringLiteral("protobuf schema: %1: cannot read the file").arg(path));
}

void TestProtobufSchema::aFailedLoadForgetsThePreviousSchema()
{
    ProtobufSchema schema;
    QVERIFY(schema.load(kData + QStringLiteral("shop.proto")));
    QVERIFY(!schema.load(kData + QStringLiteral("broken.proto")));
    QVERIFY(!schema.messageType(QStringLiteral("shop.Order")));
    QCOMPARE(schema.path(), kData + QStringLiteral("broken.proto"));
}

QTEST_GUILESS_MAIN(TestProtobufSchema)
#include "tst_protobufschema.moc"
