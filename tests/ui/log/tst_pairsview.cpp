// The Pairs tab and the Stats tab's latency table against python3-websockets' JSON-RPC peer: calls answered
// 30 ms later, an error reply, a batch the peer never answers (waiting); sorting by latency, selecting a pair
// selects its request in the log, a double-click goes there. Set WSI_PAIRS_SCREENSHOTS=DIR to save the tabs.
#include "connection/connection.h"
#include "log/connectionstatsplot.h"
#include "log/eventlogview.h"
#include "log/latencypanel.h"
#include "log/pairsview.h"
#include "models/latencystatsmodel.h"
#include "models/pairsmodel.h"
#include "peerprocess.h"
#include "shell/mainwindow.h"

#include <QHeaderView>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

#include <memory>

using namespace wsi;

class TestPairsView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void pairsAndLatenciesOfAJsonRpcExchange();
    void emptyStateWithoutDecoding();

private:
    Connection *connectTo(const QString &path);
    void screenshot(QWidget *widget, const QString &name);
    QString cell(QTableView *table, int row, int column) const;

    std::unique_ptr<PeerProcess> m_peer;
    std::unique_ptr<MainWindow> m_window;
    PairsView *m_pairs = nullptr;
};

void TestPairsView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_pairsview"));
}

void TestPairsView::init()
{
    QSettings().clear();
    m_peer = std::make_unique<PeerProcess>();
    QVERIFY(m_peer->start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_pairs = m_window->findChild<PairsView *>();
    QVERIFY(m_pairs);
}

void TestPairsView::cleanup()
{
    m_window.reset();
    m_peer.reset();
}

Connection *TestPairsView::connectTo(const QString &path)
{
    m_window->connectTo(m_peer->url(path));
    Connection *c = m_window->currentConnection();
    if (c && !QTest::qWaitFor([c] { return c->state() == Connection::State::Open; }, 10000))
        return nullptr;
    return c;
}

QString TestPairsView::cell(QTableView *table, int row, int column) const
{
    return table->model()->index(row, column).data().toString();
}

void TestPairsView::screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("WSI_PAIRS_SCREENSHOTS");
    if (!dir.isEmpty())
        m_window->grab().save(dir + QLatin1Char('/') + name);
    Q_UNUSED(widget);
}

void TestPairsView::pairsAndLatenciesOfAJsonRpcExchange()
{
    Connection *c = connectTo(QStringLiteral("/jsonrpc"));
    QVERIFY(c);
    for (int id = 1; id <= 3; ++id)
        c->sendText(QStringLiteral(R"({"jsonrpc":"2.0","id":%1,"method":"sum","params":[%1,2]})").arg(id));
    c->sendText(QStringLiteral(R"({"jsonrpc":"2.0","id":4,"method":"nope"})"));
    // The peer answers objects only: this batch's call waits.
    c->sendText(QStringLiteral(R"([{"jsonrpc":"2.0","id":5,"method":"sum","params":[9]}])"));
    QTabWidget *tabs = m_window->viewTabs();
    QCOMPARE(tabs->tabText(tabs->indexOf(m_pairs)), QStringLiteral("Pairs"));
    tabs->setCurrentWidget(m_pairs);
    QTableView *table = m_pairs->tableView();
    QTRY_VERIFY_WITH_TIMEOUT(
        (m_pairs->refresh(),
            m_pairs->model()->rowCount() == 5
                && m_pairs->model()->index(3, 0).data(PairsModel::ReplyEventIndexRole).toInt() >= 0),
        10000);
    QVERIFY(table->isVisible());
    QVERIFY(m_pairs->emptyText().isEmpty());

    // In the order sent: four answered with their replies and latencies (the peer waits 30 ms), one waiting.
    QCOMPARE(cell(table, 0, PairsModel::RequestColumn), QStringLiteral("request sum #1 [1,2]"));
    QCOMPARE(cell(table, 0, PairsModel::ReplyColumn), QStringLiteral("result #1 3"));
    QCOMPARE(cell(table, 2, PairsModel::ReplyColumn), QStringLiteral("result #3 5"));
    QVERIFY(cell(table, 3, PairsModel::ReplyColumn).startsWith(QLatin1String("error #4")));
    for (int row = 0; row < 4; ++row) {
        QCOMPARE(cell(table, row, PairsModel::StatusColumn), QStringLiteral("answered"));
        QVERIFY2(cell(table, row, PairsModel::LatencyColumn).toDouble() >= 25.0,
            qPrintable(cell(table, row, PairsModel::LatencyColumn)));
        QVERIFY(!cell(table, row, PairsModel::ReplyTimeColumn).isEmpty());
    }
    QCOMPARE(cell(table, 4, PairsModel::StatusColumn), QStringLiteral("waiting"));
    QVERIFY(cell(table, 4, PairsModel::LatencyColumn).isEmpty());
    QVERIFY(cell(table, 4, PairsModel::RequestColumn).contains(QLatin1String("sum #5")));

    // Sorted by latency (header click): slowest answered last but one, the waiting request last.
    table->horizontalHeader()->setSortIndicator(PairsModel::LatencyColumn, Qt::AscendingOrder);
    QCOMPARE(cell(table, 4, PairsModel::StatusColumn), QStringLiteral("waiting"));
    for (int row = 1; row < 4; ++row)
        QVERIFY(cell(table, row - 1, PairsModel::LatencyColumn).toDouble()
            <= cell(table, row, PairsModel::LatencyColumn).toDouble());
    screenshot(m_pairs, QStringLiteral("pairs-tab.png"));

    // Selecting a pair selects its request row in the Messages log; a double-click goes there.
    const int sumThree = table->model()
                             ->match(table->model()->index(0, PairsModel::RequestColumn), Qt::DisplayRole,
                                 QStringLiteral("request sum #3"), 1, Qt::MatchStartsWith)
                             .value(0)
                             .row();
    const QModelIndex pick = table->model()->index(sumThree, PairsModel::RequestColumn);
    const int requestEvent = pick.data(PairsModel::RequestEventIndexRole).toInt();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(pick).center());
    EventLogView *log = m_window->eventLogView();
    QCOMPARE(log->currentEventIndex(), requestEvent);
    QCOMPARE(c->events().payload(requestEvent).toByteArray(),
        QByteArray(R"({"jsonrpc":"2.0","id":3,"method":"sum","params":[3,2]})"));
    QCOMPARE(tabs->currentWidget(), m_pairs);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(pick).center());
    QCOMPARE(tabs->currentIndex(), 0); // Messages

    // The Stats tab: p50/p95/p99 and counts per method, sorted by name.
    tabs->setCurrentWidget(m_window->statsPlot());
    m_window->statsPlot()->refresh();
    LatencyPanel *latency = m_window->statsPlot()->latencyPanel();
    QVERIFY(latency->isVisible());
    QTableView *stats = latency->tableView();
    QCOMPARE(stats->model()->rowCount(), 2);
    QCOMPARE(cell(stats, 0, LatencyStatsModel::LabelColumn), QStringLiteral("nope"));
    QCOMPARE(cell(stats, 0, LatencyStatsModel::CountColumn), QStringLiteral("1"));
    QCOMPARE(cell(stats, 1, LatencyStatsModel::LabelColumn), QStringLiteral("sum"));
    QCOMPARE(cell(stats, 1, LatencyStatsModel::CountColumn), QStringLiteral("3"));
    for (int column : { LatencyStatsModel::P50Column, LatencyStatsModel::P95Column, LatencyStatsModel::P99Column })
        QVERIFY2(cell(stats, 1, column).toDouble() >= 25.0, qPrintable(cell(stats, 1, column)));
    QVERIFY(cell(stats, 1, LatencyStatsModel::P50Column).toDouble()
        <= cell(stats, 1, LatencyStatsModel::P99Column).toDouble());
    screenshot(m_window->statsPlot(), QStringLiteral("pairs-stats.png"));
}

void TestPairsView::emptyStateWithoutDecoding()
{
    // Plain text on the echo path: nothing to decode, so nothing to pair, and the tab says why.
    Connection *c = connectTo(QStringLiteral("/echo"));
    QVERIFY(c);
    c->sendText(QStringLiteral("hello"));
    QTRY_COMPARE_WITH_TIMEOUT(c->events().size() > 0 && c->counters().messagesIn > 0, true, 10000);
    m_window->viewTabs()->setCurrentWidget(m_pairs);
    m_pairs->refresh();
    QCOMPARE(m_pairs->model()->rowCount(), 0);
    QVERIFY(!m_pairs->tableView()->isVisible());
    QVERIFY2(m_pairs->emptyText().startsWith(QLatin1String("No protocol decoded")), qPrintable(m_pairs->emptyText()));
    QVERIFY(m_window->statsPlot()->latencyPanel()->isHidden());
}

QTEST_MAIN(TestPairsView)
#include "tst_pairsview.moc"
