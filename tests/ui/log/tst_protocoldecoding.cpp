// Protocol decoding in the GUI: the log's Decoded column, the detail pane's Decoded tab, the filter on decoded
// fields and the per-connection override, against python3-websockets' JSON-RPC and echo paths.
#include "connect/connectbar.h"
#include "connect/connectionoptionseditor.h"
#include "connection/connection.h"
#include "detail/decodedmessageview.h"
#include "detail/eventdetailview.h"
#include "detail/jsontreemodel.h"
#include "endpoints/connectionoptionsjson.h"
#include "endpoints/endpointstore.h"
#include "language/translations.h"
#include "log/eventlogtable.h"
#include "log/eventlogview.h"
#include "log/logfilterbar.h"
#include "models/eventlogmodel.h"
#include "models/logfiltermodel.h"
#include "models/protocollog.h"
#include "peerprocess.h"
#include "shell/mainwindow.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

#include <memory>

using namespace wsi;

class TestProtocolDecoding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void jsonRpcRequestsAndRepliesShowInTheDecodedColumn();
    void detailTabShowsTheFieldsAndTheLatency();
    void filterMatchesADecodedMethodName();
    void overrideNoneTurnsDecodingOff();
    void forcingAProtocolDecodesWhatAutoDoesNot();
    void protocolOptionSurvivesSaveAndLoadOfAnEndpoint();
    void aDecodeNoteFollowsTheWindowsLanguage();

private:
    Connection *connect(const QString &path, const QString &protocolText);
    // The view row of the first row (of that direction) whose Decoded text starts with prefix, or -1.
    int rowDecodedAs(const QString &prefix, Direction dir) const;
    QString decodedText(int row) const;

    std::unique_ptr<PeerProcess> m_peer;
    std::unique_ptr<MainWindow> m_window;
    EventLogView *m_log = nullptr;
};

void TestProtocolDecoding::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_protocoldecoding"));
}

void TestProtocolDecoding::init()
{
    QSettings().clear();
    m_peer = std::make_unique<PeerProcess>();
    QVERIFY(m_peer->start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_log = m_window->eventLogView();
}

void TestProtocolDecoding::cleanup()
{
    Translations::forApplication()->apply(QStringLiteral("en"));
    m_window.reset();
    m_peer.reset();
}

Connection *TestProtocolDecoding::connect(const QString &path, const QString &protocolText)
{
    // Through the connect bar's options editor, as a user would choose it.
    auto *combo = m_window->connectBar()->optionsEditor()->findChild<QComboBox *>(QStringLiteral("protocolCombo"));
    if (!combo)
        return nullptr;
    const int index = combo->findText(protocolText);
    if (index < 0)
        return nullptr;
    combo->setCurrentIndex(index);
    m_window->connectTo(m_peer->url(path));
    Connection *c = m_window->currentConnection();
    if (c && !QTest::qWaitFor([c] { return c->state() == Connection::State::Open; }, 10000))
        return nullptr;
    return c;
}

QString TestProtocolDecoding::decodedText(int row) const
{
    return m_log->tableView()->model()->index(row, EventLogModel::DecodedColumn).data().toString();
}

int TestProtocolDecoding::rowDecodedAs(const QString &prefix, Direction dir) const
{
    m_log->model()->flush();
    const QAbstractItemModel *model = m_log->tableView()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(EventLogModel::DirectionRole).toInt() == int(dir)
            && decodedText(row).startsWith(prefix))
            return row;
    }
    return -1;
}

void TestProtocolDecoding::jsonRpcRequestsAndRepliesShowInTheDecodedColumn()
{
    Connection *c = connect(QStringLiteral("/jsonrpc"), QStringLiteral("Auto (detect)"));
    QVERIFY(c);
    c->sendText(QStringLiteral(R"({"jsonrpc":"2.0","id":7,"method":"sum","params":[1,2]})"));
    c->sendText(QStringLiteral(R"({"jsonrpc":"2.0","id":8,"method":"nope"})"));
    QTRY_VERIFY_WITH_TIMEOUT(rowDecodedAs(QStringLiteral("error #8"), Direction::Incoming) >= 0, 10000);

    QCOMPARE(decodedText(rowDecodedAs(QStringLiteral("request sum"), Direction::Outgoing)),
        QStringLiteral("request sum #7 [1,2]"));
    // A reply names its result and, after " · ", the latency since its request (the peer waits 30 ms).
    const QString reply = decodedText(rowDecodedAs(QStringLiteral("result #7"), Direction::Incoming));
    QVERIFY2(
        reply.startsWith(QStringLiteral("result #7 3 · ")) && reply.endsWith(QStringLiteral(" ms")), qPrintable(reply));
    const double latency = reply.section(QStringLiteral(" · "), 1).section(QLatin1Char(' '), 0, 0).toDouble();
    QVERIFY2(latency >= 25.0, qPrintable(reply));
    // The error reply is decoded with its code and message.
    QVERIFY(
        decodedText(rowDecodedAs(QStringLiteral("error #8"), Direction::Incoming)).contains(QLatin1String("-32601")));

    // Lifecycle rows decode to nothing; the column shows, with the protocol and how it was found.
    QCOMPARE(decodedText(0), QString());
    QVERIFY(!m_log->tableView()->isColumnHidden(EventLogModel::DecodedColumn));
    QCOMPARE(
        m_log->model()->headerData(EventLogModel::DecodedColumn, Qt::Horizontal).toString(), QStringLiteral("Decoded"));
    const QString tip
        = m_log->model()->headerData(EventLogModel::DecodedColumn, Qt::Horizontal, Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QLatin1String("JSON-RPC")) && tip.contains(ProtocolLog::of(c)->reason()), qPrintable(tip));
    QVERIFY(!ProtocolLog::of(c)->reason().isEmpty());
}

void TestProtocolDecoding::detailTabShowsTheFieldsAndTheLatency()
{
    Connection *c = connect(QStringLiteral("/jsonrpc"), QStringLiteral("Auto (detect)"));
    QVERIFY(c);
    c->sendText(QStringLiteral(R"({"jsonrpc":"2.0","id":8,"method":"nope"})"));
    QTRY_VERIFY_WITH_TIMEOUT(rowDecodedAs(QStringLiteral("error #8"), Direction::Incoming) >= 0, 10000);

    EventDetailView *detail = m_window->detailView();
    EventLogTable *table = m_log->tableView();
    // A lifecycle row has no Decoded tab.
    table->setCurrentIndex(table->model()->index(0, 0));
    QVERIFY(!detail->tabs()->isTabVisible(EventDetailView::DecodedTab));

    const int row = rowDecodedAs(QStringLiteral("error #8"), Direction::Incoming);
    table->setCurrentIndex(table->model()->index(row, 0));
    QVERIFY(detail->tabs()->isTabVisible(EventDetailView::DecodedTab));
    QCOMPARE(detail->tabs()->tabText(EventDetailView::DecodedTab), QStringLiteral("Decoded"));
    detail->tabs()->setCurrentIndex(EventDetailView::DecodedTab);

    // Top-level rows: key -> value as the tree shows them.
    const JsonTreeModel *tree = detail->decodedView()->model();
    QHash<QString, QString> top;
    QModelIndex errorNode;
    for (int i = 0; i < tree->rowCount(); ++i) {
        const QString key = tree->index(i, JsonTreeModel::KeyColumn).data().toString();
        top.insert(key, tree->index(i, JsonTreeModel::ValueColumn).data().toString());
        if (key == QLatin1String("error"))
            errorNode = tree->index(i, 0);
    }
    QCOMPARE(top.value(QStringLiteral("protocol")), QStringLiteral("\"JSON-RPC\""));
    QCOMPARE(top.value(QStringLiteral("kind")), QStringLiteral("\"error\""));
    QCOMPARE(top.value(QStringLiteral("id")), QStringLiteral("8"));
    QVERIFY(top.contains(QStringLiteral("request sent at")));
    QVERIFY(top.value(QStringLiteral("latency (ms)")).toDouble() >= 25.0);
    // The nested error object is expanded into its fields.
    QVERIFY(errorNode.isValid());
    QVERIFY(detail->decodedView()->treeView()->isExpanded(errorNode));
    QStringList nested;
    for (int i = 0; i < tree->rowCount(errorNode); ++i)
        nested << tree->index(i, JsonTreeModel::KeyColumn, errorNode).data().toString() + QLatin1Char('=')
                + tree->index(i, JsonTreeModel::ValueColumn, errorNode).data().toString();
    QVERIFY2(nested.contains(QStringLiteral("code=-32601")), qPrintable(nested.join(QLatin1Char(' '))));
    QVERIFY(detail->decodedView()->headerText().contains(QLatin1String("JSON-RPC")));

    // Older rows (past the recent cache) are replayed and give the same tree.
    ProtocolLog *log = ProtocolLog::of(c);
    const int eventIndex = m_log->filterModel()->index(row, 0).data(EventLogModel::EventIndexRole).toInt();
    QCOMPARE(log->messages(eventIndex).size(), 1);
    QCOMPARE(log->messages(eventIndex).first().kind, QStringLiteral("error"));
}

void TestProtocolDecoding::filterMatchesADecodedMethodName()
{
    Connection *c = connect(QStringLiteral("/jsonrpc"), QStringLiteral("Auto (detect)"));
    QVERIFY(c);
    // The method is spelled with a JSON escape: "subtract" is in the decoded message only, not in the bytes.
    c->sendText(QStringLiteral(R"({"jsonrpc":"2.0","id":1,"method":"s\u0075btract","params":[5]})"));
    c->sendText(QStringLiteral(R"({"jsonrpc":"2.0","id":2,"method":"sum","params":[2,2]})"));
    QTRY_VERIFY_WITH_TIMEOUT(rowDecodedAs(QStringLiteral("result #2"), Direction::Incoming) >= 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(rowDecodedAs(QStringLiteral("error #1"), Direction::Incoming) >= 0, 10000);

    auto *edit = m_log->filterBar()->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    QVERIFY(edit);
    edit->setText(QStringLiteral("subtract"));
    QTRY_COMPARE(m_log->filterModel()->filterText(), QStringLiteral("subtract"));
    QCOMPARE(m_log->filterModel()->rowCount(), 1);
    QCOMPARE(decodedText(0), QStringLiteral("request subtract #1 [5]"));

    // A summary's words filter too: only the reply to id 2.
    edit->setText(QStringLiteral("result #2"));
    QTRY_COMPARE(m_log->filterModel()->filterText(), QStringLiteral("result #2"));
    QCOMPARE(m_log->filterModel()->rowCount(), 1);
    QVERIFY(decodedText(0).startsWith(QStringLiteral("result #2 4")));
}

void TestProtocolDecoding::overrideNoneTurnsDecodingOff()
{
    Connection *c = connect(QStringLiteral("/jsonrpc"), QStringLiteral("None"));
    QVERIFY(c);
    QCOMPARE(c->options().protocol, QStringLiteral("none"));
    c->sendText(QStringLiteral(R"({"jsonrpc":"2.0","id":7,"method":"sum","params":[1,2]})"));
    QTRY_VERIFY_WITH_TIMEOUT(
        c->events().size() > 0 &&
            [c] {
                for (qsizetype i = 0; i < c->events().size(); ++i) {
                    if (c->events().at(i).type == EventType::Message && c->events().at(i).dir == Direction::Incoming)
                        return true;
                }
                return false;
            }(),
        10000);
    m_log->model()->flush();
    const QAbstractItemModel *model = m_log->tableView()->model();
    QVERIFY(model->rowCount() > 2);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(decodedText(row), QString());
    QVERIFY(m_log->tableView()->isColumnHidden(EventLogModel::DecodedColumn));
    QVERIFY(ProtocolLog::of(c)->protocol().isEmpty());
    m_log->tableView()->setCurrentIndex(model->index(model->rowCount() - 1, 0));
    QVERIFY(!m_window->detailView()->tabs()->isTabVisible(EventDetailView::DecodedTab));
}

void TestProtocolDecoding::forcingAProtocolDecodesWhatAutoDoesNot()
{
    // A Socket.IO event without the Engine.IO handshake: nothing to detect it by.
    const QString event = QStringLiteral(R"(42["chat","hi"])");
    Connection *automatic = connect(QStringLiteral("/echo"), QStringLiteral("Auto (detect)"));
    QVERIFY(automatic);
    automatic->sendText(event);
    QTRY_VERIFY_WITH_TIMEOUT(automatic->events().size() >= 4
            && automatic->events().at(automatic->events().size() - 1).dir == Direction::Incoming,
        10000);
    QCOMPARE(rowDecodedAs(QStringLiteral("EVENT"), Direction::Outgoing), -1);
    QVERIFY(ProtocolLog::of(automatic)->protocol().isEmpty());

    Connection *forced = connect(QStringLiteral("/echo"), QStringLiteral("Socket.IO"));
    QVERIFY(forced);
    QVERIFY(forced != automatic);
    forced->sendText(event);
    QTRY_VERIFY_WITH_TIMEOUT(rowDecodedAs(QStringLiteral("EVENT chat"), Direction::Incoming) >= 0, 10000);
    QCOMPARE(decodedText(rowDecodedAs(QStringLiteral("EVENT chat"), Direction::Outgoing)),
        QStringLiteral(R"(EVENT chat ["hi"])"));
    QCOMPARE(ProtocolLog::of(forced)->protocol(), QStringLiteral("socketio"));
    QVERIFY(!m_log->tableView()->isColumnHidden(EventLogModel::DecodedColumn));
}

void TestProtocolDecoding::protocolOptionSurvivesSaveAndLoadOfAnEndpoint()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("endpoints.json"));

    // Chosen in the editor...
    ConnectionOptionsEditor editor;
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/mqtt"));
    editor.setOptions(options);
    auto *combo = editor.findChild<QComboBox *>(QStringLiteral("protocolCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->currentText(), QStringLiteral("Auto (detect)"));
    const int before = editor.changedCount();
    combo->setCurrentIndex(combo->findText(QStringLiteral("MQTT")));
    QCOMPARE(editor.changedCount(), before + 1);
    QString error;
    QVERIFY(editor.options(&options, &error));
    QCOMPARE(options.protocol, QStringLiteral("mqtt"));

    // ...saved with the endpoint, and read back by another store.
    {
        EndpointStore store(path);
        QVERIFY(store.load());
        QVERIFY(!store.save({ QString(), QStringLiteral("broker"), QString(), options }, &error).isEmpty());
    }
    EndpointStore reread(path);
    QVERIFY(reread.load(&error));
    QCOMPARE(reread.endpoints().size(), 1);
    QCOMPARE(reread.endpoints().first().options.protocol, QStringLiteral("mqtt"));
    editor.setOptions(reread.endpoints().first().options);
    QCOMPARE(combo->currentText(), QStringLiteral("MQTT"));

    // Remembered with the URL's last-used options too.
    reread.rememberOptions(options);
    ConnectionOptions recalled;
    recalled.url = options.url;
    QVERIFY(reread.recallOptions(&recalled));
    QCOMPARE(recalled.protocol, QStringLiteral("mqtt"));

    // Files from before the option read as "auto"; a default leaves the JSON as it was; nonsense is refused.
    ConnectionOptions defaults;
    defaults.url = QUrl(QStringLiteral("ws://h/"));
    QJsonObject old = ConnectionOptionsJson::toJson(defaults);
    QVERIFY(!old.contains(QStringLiteral("protocol")));
    ConnectionOptions read;
    read.protocol = QStringLiteral("stomp");
    QVERIFY(ConnectionOptionsJson::fromJson(old, &read));
    QCOMPARE(read.protocol, QStringLiteral("auto"));
    old.insert(QStringLiteral("protocol"), QStringLiteral("carrier-pigeon"));
    QVERIFY(!ConnectionOptionsJson::fromJson(old, &read, &error));
    QVERIFY2(error.contains(QLatin1String("protocol")), qPrintable(error));
}

// A malformed JSON-RPC message's note: the Decoded tab and the log's tooltip say it in Korean after a switch
// to Korean, in English again after a switch back; the message's note as the CLI prints it stays English.
void TestProtocolDecoding::aDecodeNoteFollowsTheWindowsLanguage()
{
    Connection *c = connect(QStringLiteral("/jsonrpc"), QStringLiteral("JSON-RPC"));
    QVERIFY(c);
    c->sendText(QStringLiteral(R"({"jsonrpc":"2.0","id":9})"));
    QTRY_VERIFY_WITH_TIMEOUT(rowDecodedAs(QStringLiteral("invalid #9"), Direction::Outgoing) >= 0, 10000);
    const int row = rowDecodedAs(QStringLiteral("invalid #9"), Direction::Outgoing);
    EventLogTable *table = m_log->tableView();
    table->setCurrentIndex(table->model()->index(row, 0));
    EventDetailView *detail = m_window->detailView();
    detail->tabs()->setCurrentIndex(EventDetailView::DecodedTab);
    auto *note = detail->decodedView()->findChild<QLabel *>(QStringLiteral("decodedNote"));
    QVERIFY(note);
    const QString english
        = QStringLiteral("the object has no \"method\", \"result\" or \"error\" (neither-request-nor-response)");
    QCOMPARE(note->text(), QStringLiteral("Decode note: ") + english);

    Translations::forApplication()->apply(QStringLiteral("ko"));
    const QString korean = QStringLiteral(
        "객체에 \"method\", \"result\", \"error\" 중 아무것도 없습니다 (neither-request-nor-response)");
    QTRY_COMPARE(note->text(), QStringLiteral("디코딩 메모: ") + korean);
    const QString tip = table->model()->index(row, EventLogModel::DecodedColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("디코딩 메모: 객체에 \"method\", \"result\", \"error\" 중 아무것도 없습니다")),
        qPrintable(tip));
    const int eventIndex = m_log->filterModel()->index(row, 0).data(EventLogModel::EventIndexRole).toInt();
    QCOMPARE(ProtocolLog::of(c)->messages(eventIndex).first().note,
        QStringLiteral("the object has no \"method\", \"result\" or \"error\""));

    Translations::forApplication()->apply(QStringLiteral("en"));
    QTRY_COMPARE(note->text(), QStringLiteral("Decode note: ") + english);
}

QTEST_MAIN(TestProtocolDecoding)
#include "tst_protocoldecoding.moc"
