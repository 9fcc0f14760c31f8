// The Proxy panel's breakpoints, driven as a user would against a python3-websockets echo server through the
// reverse proxy: a hold rule holds the client's message in the Held list, Forward edited sends the edit (the echo
// is the edited text, the log marks it "edited" and the Legs tab shows the original), Drop never delivers it,
// the composer injects into the client's leg; the rules are remembered. Set WSI_SCREENSHOT_DIR=DIR to save the
// window and the dock with a held message (a developer looking at the layout).
#include "compose/composer.h"
#include "compose/proxyinjectrow.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "detail/eventdetailview.h"
#include "detail/legcompareview.h"
#include "log/eventlogtable.h"
#include "log/eventlogview.h"
#include "models/eventlogmodel.h"
#include "models/logfiltermodel.h"
#include "peerprocess.h"
#include "proxy/heldmessages.h"
#include "proxy/heldmessagesview.h"
#include "proxy/proxydock.h"
#include "proxy/proxypanel.h"
#include "proxy/proxyrule.h"
#include "proxy/proxyruleset.h"
#include "proxy/proxyrulesview.h"
#include "proxy/reverseproxy.h"
#include "proxywindowfixture.h"
#include "shell/mainwindow.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTableWidget>
#include <QWebSocket>
#include <QtTest>

using namespace wsi;

class TestProxyBreakpoints : public ProxyWindowFixture
{
    Q_OBJECT

private:
    // The log row (in the filter model) showing text on that leg; -1 when none.
    static int logRow(EventLogView *log, const QString &text, ConnectionLeg::Facing facing)
    {
        log->model()->flush();
        const QAbstractItemModel *shown = log->filterModel();
        for (int row = 0; row < shown->rowCount(); ++row) {
            const QModelIndex preview = shown->index(row, EventLogModel::PreviewColumn);
            if (preview.data().toString() == text && preview.data(EventLogModel::LegRole).toInt() == int(facing))
                return row;
        }
        return -1;
    }

    static QString markOf(EventLogView *log, int row)
    {
        return log->filterModel()->index(row, 0).data(EventLogModel::ProxyMarkRole).toString();
    }

private Q_SLOTS:
    void initTestCase();
    void init();
    void holdEditDropAndInject();
    void heldMessagesAreEditedAsHexOrText();
    void wrongRuleIsExplained();
};

void TestProxyBreakpoints::initTestCase()
{
    useTestSettings(QStringLiteral("wsinspector-tst_proxybreakpoints"));
}

void TestProxyBreakpoints::init()
{
    QSettings().clear();
}

void TestProxyBreakpoints::holdEditDropAndInject()
{
    PeerProcess upstream;
    QVERIFY(upstream.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window); // the held view's keys are shortcuts of the active window
    window.proxyDock()->show();
    ProxyPanel *panel = window.proxyPanel();
    child<QLineEdit>(panel, "proxyUpstreamEdit")->setText(upstream.url(QStringLiteral("/echo")));
    QVERIFY2(panel->start(), qPrintable(panel->errorText()));

    // A hold rule on the client's messages that say "secret", typed into the Rules form.
    ProxyRulesView *rules = panel->rulesView();
    child<QLineEdit>(rules, "proxyRulePatternEdit")->setText(QStringLiteral("secret"));
    QTest::mouseClick(child<QPushButton>(rules, "proxyRuleAddButton"), Qt::LeftButton);
    QCOMPARE(rules->problemText(), QString());
    QCOMPARE(child<QTableWidget>(rules, "proxyRulesTable")->rowCount(), 1);
    QCOMPARE(child<QTableWidget>(rules, "proxyRulesTable")->item(0, ProxyRulesView::ActionColumn)->text(),
        QStringLiteral("hold"));
    QCOMPARE(window.proxyRules()->rules().size(), 1);
    QCOMPARE(window.proxyRules()->rules().at(0).action(), ProxyRule::Action::Hold);

    QWebSocket client;
    QSignalSpy received(&client, &QWebSocket::textMessageReceived);
    client.open(QUrl(panel->urlText()));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 10000);

    // Held: the list shows it, the dock's title counts it, the editor holds its text; the echo waits.
    client.sendTextMessage(QStringLiteral("the secret word"));
    HeldMessagesView *held = panel->heldView();
    QTRY_COMPARE_WITH_TIMEOUT(held->count(), 1, 10000);
    QVERIFY2(held->itemText(0).contains(QStringLiteral("\u2191 out")), qPrintable(held->itemText(0)));
    QVERIFY2(held->itemText(0).contains(QStringLiteral("the secret word")), qPrintable(held->itemText(0)));
    QCOMPARE(window.proxyDock()->windowTitle(), QStringLiteral("Proxy \u2014 1 held"));
    QCOMPARE(child<QTabWidget>(panel, "proxyInterceptTabs")->currentWidget(), held);
    QCOMPARE(held->editorText(), QStringLiteral("the secret word"));
    QTest::qWait(200);
    QCOMPARE(received.size(), 0);
    if (const QString dir = qEnvironmentVariable("WSI_SCREENSHOT_DIR"); !dir.isEmpty()) {
        window.resize(1400, 900);
        QTest::qWait(100);
        QVERIFY(window.grab().save(dir + QStringLiteral("/proxy-held-window.png")));
        QVERIFY(window.proxyDock()->grab().save(dir + QStringLiteral("/proxy-held-dock.png")));
    }

    // Forward edited: the echo is the edited text; the log marks it and keeps the original.
    child<QPlainTextEdit>(held, "proxyHeldEditor")->setPlainText(QStringLiteral("the edited word"));
    QTest::mouseClick(child<QPushButton>(held, "proxyHeldForwardEditedButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
    QCOMPARE(received.at(0).at(0).toString(), QStringLiteral("the edited word"));
    QCOMPARE(held->count(), 0);
    QCOMPARE(window.proxyDock()->windowTitle(), QStringLiteral("Proxy"));

    Connection *proxied = firstProxied(window);
    QVERIFY(proxied);
    window.selectConnection(proxied);
    EventLogView *log = window.eventLogView();
    int row = -1;
    QTRY_VERIFY((row = logRow(log, QStringLiteral("the edited word"), ConnectionLeg::Facing::Server)) >= 0);
    QCOMPARE(markOf(log, row), QStringLiteral("edited"));
    const QModelIndex type = log->filterModel()->index(row, EventLogModel::TypeColumn);
    QVERIFY2(type.data().toString().endsWith(QStringLiteral("edited")), qPrintable(type.data().toString()));
    QVERIFY2(type.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Edited at a breakpoint")),
        qPrintable(type.data(Qt::ToolTipRole).toString()));
    log->tableView()->setCurrentIndex(log->filterModel()->index(row, 0));
    EventDetailView *detail = window.detailView();
    QVERIFY(detail->tabs()->isTabVisible(EventDetailView::LegsTab));
    QVERIFY(detail->legsView()->legsDiffer());
    QCOMPARE(detail->legsView()->clientText(), QStringLiteral("the secret word"));
    QCOMPARE(detail->legsView()->serverText(), QStringLiteral("the edited word"));

    // Drop (F9 in the view): it never arrives; the next message, which no rule holds, does.
    client.sendTextMessage(QStringLiteral("another secret"));
    QTRY_COMPARE_WITH_TIMEOUT(held->count(), 1, 10000);
    child<QPlainTextEdit>(held, "proxyHeldEditor")->setFocus();
    QTest::keyClick(child<QPlainTextEdit>(held, "proxyHeldEditor"), Qt::Key_F9);
    QCOMPARE(held->count(), 0);
    client.sendTextMessage(QStringLiteral("plain words"));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, 10000);
    QCOMPARE(received.at(1).at(0).toString(), QStringLiteral("plain words"));
    QTRY_VERIFY((row = logRow(log, QStringLiteral("another secret"), ConnectionLeg::Facing::Client)) >= 0);
    QCOMPARE(markOf(log, row), QStringLiteral("dropped"));
    QCOMPARE(logRow(log, QStringLiteral("another secret"), ConnectionLeg::Facing::Server), -1);

    // Inject from the composer into the client's leg: the client receives it as the server's.
    Composer *composer = window.composer();
    QVERIFY(composer->injectRow()->isVisibleTo(composer));
    QVERIFY(composer->canSend());
    composer->injectRow()->setToward(FrameHook::Toward::Client);
    composer->editor()->setPlainText(QStringLiteral("injected hello"));
    QVERIFY(composer->send());
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 3, 10000);
    QCOMPARE(received.at(2).at(0).toString(), QStringLiteral("injected hello"));
    QTRY_VERIFY((row = logRow(log, QStringLiteral("injected hello"), ConnectionLeg::Facing::Client)) >= 0);
    QCOMPARE(markOf(log, row), QStringLiteral("injected"));

    // Forward as it came (F8) leaves the message unmarked.
    client.sendTextMessage(QStringLiteral("secret as is"));
    QTRY_COMPARE_WITH_TIMEOUT(held->count(), 1, 10000);
    child<QPlainTextEdit>(held, "proxyHeldEditor")->setFocus();
    QTest::keyClick(child<QPlainTextEdit>(held, "proxyHeldEditor"), Qt::Key_F8);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 4, 10000);
    QCOMPARE(received.at(3).at(0).toString(), QStringLiteral("secret as is"));
    QTRY_VERIFY((row = logRow(log, QStringLiteral("secret as is"), ConnectionLeg::Facing::Server)) >= 0);
    QCOMPARE(markOf(log, row), QString());

    // A stopped proxy: nothing to inject into, and the composer says so.
    panel->stop();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 10000);
    QTRY_VERIFY(!composer->canSend());
    QVERIFY(!composer->injectRow()->toolTip().isEmpty());

    // The rules are remembered.
    MainWindow again;
    QCOMPARE(again.proxyPanel()->rulesView()->specs().size(), 1);
    QCOMPARE(again.proxyPanel()->rulesView()->specs().at(0).pattern, QStringLiteral("secret"));
    QCOMPARE(again.proxyRules()->rules().size(), 1);
}

// The Hex box: a text message's UTF-8 bytes edited one by one, a binary message that is readable edited as text; the
// edits made in one mode carry over to the other, and bytes that are no text stay hex.
void TestProxyBreakpoints::heldMessagesAreEditedAsHexOrText()
{
    PeerProcess upstream;
    QVERIFY(upstream.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.proxyDock()->show();
    ProxyPanel *panel = window.proxyPanel();
    child<QLineEdit>(panel, "proxyUpstreamEdit")->setText(upstream.url(QStringLiteral("/echo")));
    QVERIFY2(panel->start(), qPrintable(panel->errorText()));
    window.proxyRules()->addRule(ProxyRule::all(FrameHook::Toward::Server, ProxyRule::Action::Hold));

    QWebSocket client;
    QSignalSpy texts(&client, &QWebSocket::textMessageReceived);
    QSignalSpy binaries(&client, &QWebSocket::binaryMessageReceived);
    client.open(QUrl(panel->urlText()));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 10000);
    HeldMessagesView *held = panel->heldView();
    auto *hex = child<QCheckBox>(held, "proxyHeldHexCheck");
    auto *editor = child<QPlainTextEdit>(held, "proxyHeldEditor");

    // A text message opens as text; as hex its UTF-8 bytes show, and a byte added there reaches the server.
    client.sendTextMessage(QStringLiteral("h\u00e9llo"));
    QTRY_COMPARE_WITH_TIMEOUT(held->count(), 1, 10000);
    QVERIFY(!hex->isChecked());
    QCOMPARE(held->editorText(), QStringLiteral("h\u00e9llo"));
    QTest::mouseClick(hex, Qt::LeftButton);
    QVERIFY(hex->isChecked());
    QCOMPARE(held->editorText(), QStringLiteral("68 c3 a9 6c 6c 6f"));
    editor->setPlainText(QStringLiteral("68 c3 a9 6c 6c 6f 21"));
    QVERIFY(held->forwardEdited());
    QTRY_COMPARE_WITH_TIMEOUT(texts.size(), 1, 10000);
    QCOMPARE(texts.at(0).at(0).toString(), QStringLiteral("h\u00e9llo!"));

    // Hex that does not parse is not sent; bytes that are no UTF-8 cannot become text, and stay hex.
    client.sendTextMessage(QStringLiteral("abc"));
    QTRY_COMPARE_WITH_TIMEOUT(held->count(), 1, 10000);
    QTest::mouseClick(hex, Qt::LeftButton);
    editor->setPlainText(QStringLiteral("61 6"));
    QVERIFY(!held->forwardEdited());
    QVERIFY2(held->problemText().contains(QStringLiteral("hex")), qPrintable(held->problemText()));
    QCOMPARE(held->count(), 1);
    editor->setPlainText(QStringLiteral("ff fe"));
    QTest::mouseClick(hex, Qt::LeftButton);
    QVERIFY(hex->isChecked());
    QCOMPARE(held->editorText(), QStringLiteral("ff fe"));
    QVERIFY2(held->problemText().contains(QStringLiteral("UTF-8")), qPrintable(held->problemText()));
    QVERIFY(held->dropCurrent());

    // A binary message opens as hex; readable, it is edited as text and still goes as binary.
    client.sendBinaryMessage(QByteArrayLiteral("plain"));
    QTRY_COMPARE_WITH_TIMEOUT(held->count(), 1, 10000);
    QVERIFY(hex->isChecked());
    QCOMPARE(held->editorText(), QStringLiteral("70 6c 61 69 6e"));
    QTest::mouseClick(hex, Qt::LeftButton);
    QVERIFY(!hex->isChecked());
    QCOMPARE(held->editorText(), QStringLiteral("plain"));
    QCOMPARE(held->problemText(), QString());
    editor->setPlainText(QStringLiteral("plainer"));
    QVERIFY(held->forwardEdited());
    QTRY_COMPARE_WITH_TIMEOUT(binaries.size(), 1, 10000);
    QCOMPARE(binaries.at(0).at(0).toByteArray(), QByteArrayLiteral("plainer"));
    QCOMPARE(texts.size(), 1); // the dropped one never arrived
}

void TestProxyBreakpoints::wrongRuleIsExplained()
{
    MainWindow window;
    ProxyRulesView *rules = window.proxyPanel()->rulesView();
    ProxyRuleSpec spec;
    spec.pattern = QStringLiteral("(unclosed");
    QVERIFY(!rules->addRule(spec));
    QVERIFY(!rules->problemText().isEmpty());
    QCOMPARE(rules->specs().size(), 0);
    spec.matcher = ProxyRule::Matcher::BinaryHex;
    spec.pattern = QStringLiteral("0a ff");
    QVERIFY(rules->addRule(spec));
    QCOMPARE(rules->problemText(), QString());
    // Unchecking a rule takes it out of the rule set, not out of the table.
    rules->setRuleEnabled(0, false);
    QCOMPARE(window.proxyRules()->rules().size(), 0);
    QCOMPARE(rules->specs().size(), 1);
    rules->removeRule(0);
    QCOMPARE(rules->specs().size(), 0);
}

QTEST_MAIN(TestProxyBreakpoints)
#include "tst_proxybreakpoints.moc"
