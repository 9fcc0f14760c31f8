// The detail pane's Binary tab, driven through the real MainWindow: binary rows read as CBOR, MessagePack, protobuf.

#include "connection/connection.h"
#include "connection/workspace.h"
#include "detail/binarycodecview.h"
#include "detail/eventdetailview.h"
#include "detail/jsontreemodel.h"
#include "log/eventlogview.h"
#include "models/eventlogmodel.h"
#include "shell/mainwindow.h"

#include <QComboBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

#include <memory>

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
    QTableView *table = m_window->eventLogView()->tableView();
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

QTEST_MAIN(TestBinaryCodecView)
#include "tst_binarycodecview.moc"
