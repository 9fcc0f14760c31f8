// The detail pane's Binary tab, driven through the real MainWindow: binary rows read as CBOR, MessagePack, protobuf.

#include "common/filedialogs.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "detail/binarycodecview.h"
#include "detail/eventdetailview.h"
#include "detail/jsontreemodel.h"
#include "detail/protobufschemapicker.h"
#include "language/translations.h"
#include "log/eventlogtable.h"
#include "log/eventlogview.h"
#include "models/eventlogmodel.h"
#include "shell/mainwindow.h"

#include <QComboBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

#include <memory>

#include "protocencode.h"

using namespace wsi;

class TestBinaryCodecView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void selectingABinaryRowShowsItsTree();
    void choosingAFormatIsRememberedAndRereads();
    void malformedBytesShowANamedNote();
    void textRowsHaveNoBinaryTab();
    void largePayloadsAreNotDecoded();
    void theSchemaButtonReadsTheMessageByName();
    void aSchemaErrorIsShownInPlainWords();
    void notesAndCountsFollowTheLanguage();

private:
    void append(Direction dir, const QByteArray &payload, bool text);
    void select(int row);
    // "key=value (type)" of the top rows and their children, depth first: what the tree shows.
    QStringList treeLines() const;

    std::unique_ptr<MainWindow> m_window;
    Connection *m_connection = nullptr;
};

void TestBinaryCodecView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_binarycodecview"));
}

void TestBinaryCodecView::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/binary"));
    m_connection = new Connection(options);
    m_window->workspace()->addConnection(m_connection);
    m_window->selectConnection(m_connection);
}

void TestBinaryCodecView::cleanup()
{
    Translations::forApplication()->apply(QStringLiteral("en"));
    FileDialogs::setHandler(nullptr);
    m_window.reset();
}

void TestBinaryCodecView::append(Direction dir, const QByteArray &payload, bool text)
{
    EventRecord r;
    r.timeUs = 1'700'000'000'000'000 + m_connection->events().size();
    r.type = EventType::Message;
    r.dir = dir;
    r.flags = text ? FlagText : 0;
    r.sub = text ? 1 : 2;
    r.value = quint64(payload.size());
    m_connection->appendEvent(r, payload);
    m_window->eventLogView()->model()->flush();
}

void TestBinaryCodecView::select(int row)
{
    EventLogTable *table = m_window->eventLogView()->tableView();
    table->setCurrentIndex(table->model()->index(row, 0));
    QCOMPARE(m_window->detailView()->eventIndex(), row);
}

QStringList TestBinaryCodecView::treeLines() const
{
    const JsonTreeModel *model = m_window->detailView()->binaryView()->model();
    QStringList lines;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int i = 0; i < model->rowCount(parent); ++i) {
            const QModelIndex key = model->index(i, JsonTreeModel::KeyColumn, parent);
            lines << QStringLiteral("%1=%2 (%3)")
                         .arg(key.data().toString(),
                             model->index(i, JsonTreeModel::ValueColumn, parent).data().toString(),
                             model->index(i, JsonTreeModel::TypeColumn, parent).data().toString());
            walk(key);
        }
    };
    walk({});
    return lines;
}

void TestBinaryCodecView::selectingABinaryRowShowsItsTree()
{
    append(Direction::Incoming, QByteArray::fromHex("a26161016162820203"), false); // CBOR {"a":1,"b":[2,3]}
    append(Direction::Incoming, QByteArray::fromHex("120774657374696e671a03089601"), false); // protobuf
    EventDetailView *detail = m_window->detailView();
    select(0);
    QVERIFY(detail->tabs()->isTabVisible(EventDetailView::BinaryTab));
    QCOMPARE(detail->tabs()->tabText(EventDetailView::BinaryTab), QStringLiteral("Binary"));
    detail->tabs()->setCurrentIndex(EventDetailView::BinaryTab);
    QCOMPARE(detail->binaryView()->statusText(), QStringLiteral("9 bytes, detected as CBOR"));
    QCOMPARE(treeLines(),
        QStringList({ QStringLiteral("0={2 entries} (map)"), QStringLiteral("a=1 (unsigned)"),
            QStringLiteral("b=[2 items] (array)"), QStringLiteral("0=2 (unsigned)"),
            QStringLiteral("1=3 (unsigned)") }));
    QVERIFY(detail->binaryView()->noteText().isEmpty());

    select(1);
    QCOMPARE(detail->tabs()->currentIndex(), int(EventDetailView::BinaryTab));
    QCOMPARE(detail->binaryView()->statusText(), QStringLiteral("14 bytes, detected as Protobuf (no schema)"));
    QCOMPARE(treeLines(),
        QStringList({ QStringLiteral("2=\"testing\" (string)"), QStringLiteral("3={1 fields} (message)"),
            QStringLiteral("1=150 (varint)") }));
}

void TestBinaryCodecView::choosingAFormatIsRememberedAndRereads()
{
    append(Direction::Outgoing, QByteArray::fromHex("82a7636f6d70616374c3a6736368656d6100"), false);
    select(0);
    BinaryCodecView *view = m_window->detailView()->binaryView();
    QCOMPARE(view->statusText(), QStringLiteral("18 bytes, detected as MessagePack"));
    QVERIFY(treeLines().contains(QStringLiteral("compact=true (bool)")));
    // Read as CBOR, the same bytes run out: a note, and the choice kept for the next row and the next run.
    QComboBox *combo = view->formatCombo();
    combo->setCurrentIndex(combo->findData(QStringLiteral("cbor")));
    emit combo->activated(combo->currentIndex());
    QCOMPARE(QSettings().value(QStringLiteral("detail/binaryFormat")).toString(), QStringLiteral("cbor"));
    QCOMPARE(view->statusText(), QStringLiteral("18 bytes read as CBOR"));
    QVERIFY(view->noteText().contains(QStringLiteral("cbor-")));
    BinaryCodecView again;
    QCOMPARE(again.formatCombo()->currentData().toString(), QStringLiteral("cbor"));
}

void TestBinaryCodecView::malformedBytesShowANamedNote()
{
    append(Direction::Incoming, QByteArray::fromHex("08010896"), false); // a protobuf varint cut off
    select(0);
    BinaryCodecView *view = m_window->detailView()->binaryView();
    QComboBox *combo = view->formatCombo();
    combo->setCurrentIndex(combo->findData(QStringLiteral("protobuf")));
    emit combo->activated(combo->currentIndex());
    QVERIFY2(view->noteText().contains(QStringLiteral("protobuf-truncated-varint")), qPrintable(view->noteText()));
    // What was read before the cut stays in the tree.
    QCOMPARE(treeLines(), QStringList(QStringLiteral("1=1 (varint)")));
    // Auto-detect on bytes no format reads to the end names that too, and shows no tree.
    combo->setCurrentIndex(0);
    emit combo->activated(0);
    QVERIFY(view->noteText().contains(QStringLiteral("no-format-fits")));
    QVERIFY(treeLines().isEmpty());
}

void TestBinaryCodecView::textRowsHaveNoBinaryTab()
{
    append(Direction::Incoming, "hello", true);
    select(0);
    QVERIFY(!m_window->detailView()->tabs()->isTabVisible(EventDetailView::BinaryTab));
    QVERIFY(treeLines().isEmpty());
}

void TestBinaryCodecView::largePayloadsAreNotDecoded()
{
    append(Direction::Incoming, QByteArray(16 * 1024 * 1024 + 1, '\x01'), false);
    select(0);
    QVERIFY(m_window->detailView()->tabs()->isTabVisible(EventDetailView::BinaryTab));
    QCOMPARE(m_window->detailView()->binaryView()->statusText(),
        QStringLiteral("16777217 bytes: too large to show as a tree"));
    QVERIFY(treeLines().isEmpty());
}

void TestBinaryCodecView::theSchemaButtonReadsTheMessageByName()
{
    QString error;
    const QByteArray order = protocEncode(QStringLiteral("shop.Order"), QStringLiteral("shop.proto"),
        "id: 42 status: PAID lines { sku: \"tea\" } stock { key: \"cup\" value: 3 }", &error);
    QVERIFY2(!order.isNull(), qPrintable(error));
    append(Direction::Incoming, order, false);
    select(0);
    BinaryCodecView *view = m_window->detailView()->binaryView();
    ProtobufSchemaPicker *picker = view->schemaPicker();
    QVERIFY(!picker->isVisibleTo(view));
    QComboBox *combo = view->formatCombo();
    combo->setCurrentIndex(combo->findData(QStringLiteral("protobuf-schema")));
    emit combo->activated(combo->currentIndex());
    QVERIFY(picker->isVisibleTo(view));
    QCOMPARE(combo->currentText(), QStringLiteral("Protobuf (schema)"));
    QCOMPARE(
        view->noteText(), QStringLiteral("Choose a .proto file with the Schema… button to read this message with it"));

    const QString schemaPath = QStringLiteral(WSI_TEST_DATA_DIR "/protobuf/shop.proto");
    QString filter;
    FileDialogs::setHandler([&](FileDialogs::Mode, const QString &, const QString &f) {
        filter = f;
        return schemaPath;
    });
    QVERIFY(picker->schemaButton()->isEnabled());
    picker->schemaButton()->click();
    QVERIFY(filter.contains(QStringLiteral("*.proto")));
    QCOMPARE(picker->messageTypeCombo()->count(), 4);
    QCOMPARE(picker->messageTypeCombo()->currentText(), QStringLiteral("shop.Order"));
    QCOMPARE(view->statusText(), QStringLiteral("%1 bytes read as Protobuf (schema)").arg(order.size()));
    QVERIFY2(view->noteText().isEmpty(), qPrintable(view->noteText()));
    QCOMPARE(treeLines(),
        QStringList({ QStringLiteral("id=42 (uint64)"), QStringLiteral("status=PAID (1) (enum shop.Order.Status)"),
            QStringLiteral("lines=[1 items] (repeated message shop.Order.Line)"),
            QStringLiteral("0={1 fields} (message shop.Order.Line)"), QStringLiteral("sku=\"tea\" (string)"),
            QStringLiteral("stock={1 entries} (map<string, int32>)"), QStringLiteral("cup=3 (int32)") }));

    // Another type from the same file rereads the bytes; file and type are remembered for the next start.
    QComboBox *types = picker->messageTypeCombo();
    types->setCurrentIndex(types->findText(QStringLiteral("shop.Receipt")));
    emit types->activated(types->currentIndex());
    QVERIFY(treeLines().contains(QStringLiteral("id=42 (uint64)")));
    QVERIFY(treeLines().contains(QStringLiteral("3=1 (unknown varint)")));
    QCOMPARE(QSettings().value(QStringLiteral("detail/protobufSchemaFile")).toString(), schemaPath);
    QCOMPARE(
        QSettings().value(QStringLiteral("detail/protobufMessageType")).toString(), QStringLiteral("shop.Receipt"));
    BinaryCodecView again;
    QCOMPARE(again.formatCombo()->currentData().toString(), QStringLiteral("protobuf-schema"));
    QVERIFY(again.schemaPicker()->isVisibleTo(&again));
    QVERIFY(again.schemaPicker()->schema().isLoaded());
    QCOMPARE(again.schemaPicker()->messageType(), QStringLiteral("shop.Receipt"));
}

void TestBinaryCodecView::aSchemaErrorIsShownInPlainWords()
{
    append(Direction::Incoming, QByteArray::fromHex("089601"), false);
    select(0);
    BinaryCodecView *view = m_window->detailView()->binaryView();
    QComboBox *combo = view->formatCombo();
    combo->setCurrentIndex(combo->findData(QStringLiteral("protobuf-schema")));
    emit combo->activated(combo->currentIndex());
    QVERIFY(!view->schemaPicker()->setSchemaFile(QStringLiteral(WSI_TEST_DATA_DIR "/protobuf/broken.proto")));
    QCOMPARE(view->noteText(),
        QStringLiteral("The schema could not be read, fix the file or choose another: protobuf schema: "
                       "broken.proto:6:27: Missing field number."));
    QVERIFY(!view->schemaPicker()->messageTypeCombo()->isEnabled());
    QVERIFY(treeLines().isEmpty());
    // A good file afterwards clears it.
    QVERIFY(view->schemaPicker()->setSchemaFile(QStringLiteral(WSI_TEST_DATA_DIR "/protobuf/shop.proto")));
    QVERIFY(view->noteText().isEmpty());
    QCOMPARE(treeLines(), QStringList(QStringLiteral("id=150 (uint64)")));
}

void TestBinaryCodecView::notesAndCountsFollowTheLanguage()
{
    append(Direction::Incoming, QByteArray::fromHex("a26161016162820203"), false); // CBOR {"a":1,"b":[2,3]}
    append(Direction::Incoming, QByteArray::fromHex("08010896"), false); // a protobuf varint cut off
    select(0);
    BinaryCodecView *view = m_window->detailView()->binaryView();
    QCOMPARE(treeLines().value(0), QStringLiteral("0={2 entries} (map)"));
    Translations::forApplication()->apply(QStringLiteral("ko"));
    // The counts are the app's words (the type names and values are the format's and the peer's).
    QTRY_COMPARE(treeLines(),
        QStringList({ QStringLiteral("0={항목 2개} (map)"), QStringLiteral("a=1 (unsigned)"),
            QStringLiteral("b=[항목 2개] (array)"), QStringLiteral("0=2 (unsigned)"),
            QStringLiteral("1=3 (unsigned)") }));
    select(1);
    QComboBox *combo = view->formatCombo();
    combo->setCurrentIndex(combo->findData(QStringLiteral("protobuf")));
    emit combo->activated(combo->currentIndex());
    QCOMPARE(view->noteText(),
        QStringLiteral("디코딩 메모: protobuf: 필드 1의 varint가 잘렸습니다 (protobuf-truncated-varint)"));
    // Auto-detect's own note, and back to English without choosing again.
    combo->setCurrentIndex(0);
    emit combo->activated(0);
    QVERIFY2(view->noteText().startsWith(QStringLiteral("디코딩 메모: CBOR, MessagePack, protobuf 어느 것으로도")),
        qPrintable(view->noteText()));
    Translations::forApplication()->apply(QStringLiteral("en"));
    QTRY_VERIFY2(view->noteText().startsWith(QStringLiteral("Decode note: Neither CBOR, MessagePack nor protobuf")),
        qPrintable(view->noteText()));
}

QTEST_MAIN(TestBinaryCodecView)
#include "tst_binarycodecview.moc"
