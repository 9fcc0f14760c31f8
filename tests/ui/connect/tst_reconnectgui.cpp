// Auto-reconnect in the real MainWindow: the options in the connect bar, the countdown strip with
// Reconnect now and Stop, and attempts listed under their endpoint. A python3-websockets server on 127.0.0.1
// is killed and restarted on the same port by the test.

#include "connect/connectbar.h"
#include "connect/connectionoptionseditor.h"
#include "connect/reconnectstrip.h"
#include "connection/connection.h"
#include "connection/reconnectcontroller.h"
#include "connection/workspace.h"
#include "detail/eventdetailview.h"
#include "models/connectionlistmodel.h"
#include "peerprocess.h"
#include "shell/mainwindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QToolButton>
#include <QtTest>

using namespace wsi;

class TestReconnectGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
        QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_reconnectgui"));
        QVERIFY2(QSettings().fileName().contains(QLatin1String("qttest")), qPrintable(QSettings().fileName()));
        QSettings().clear();
    }

    void countdownReconnectNowAndStopWithAttemptsInTheList()
    {
        auto server = std::make_unique<PeerProcess>();
        QVERIFY(server->start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
        const quint16 port = server->port();
        const QString url = server->url(QStringLiteral("/echo"));

        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ConnectBar *bar = window.connectBar();
        bar->findChild<QToolButton *>(QStringLiteral("optionsButton"))->click();
        ConnectionOptionsEditor *live = bar->optionsEditor();
        QVERIFY(live->isVisible());
        auto *reconnectCheck = live->findChild<QCheckBox *>(QStringLiteral("reconnectCheck"));
        auto *initialDelaySpin = live->findChild<QDoubleSpinBox *>(QStringLiteral("reconnectInitialSpin"));
        auto *maxAttemptsSpin = live->findChild<QSpinBox *>(QStringLiteral("reconnectAttemptsSpin"));
        QVERIFY(reconnectCheck && initialDelaySpin && maxAttemptsSpin);
        // Enable reconnect with a long first delay, so the countdown stays up until the buttons are pressed.
        QTest::mouseClick(reconnectCheck, Qt::LeftButton, {}, QPoint(8, reconnectCheck->height() / 2));
        QVERIFY(reconnectCheck->isChecked());
        QVERIFY(initialDelaySpin->isEnabled());
        initialDelaySpin->clear();
        QTest::keyClicks(initialDelaySpin, QStringLiteral("30"));
        QCOMPARE(initialDelaySpin->value(), 30.0);
        maxAttemptsSpin->setValue(5);
        QTest::keyClicks(bar->urlCombo()->lineEdit(), url);
        QSignalSpy requested(bar, &ConnectBar::connectRequested);
        QTest::keyClick(bar->urlCombo()->lineEdit(), Qt::Key_Return);
        QCOMPARE(requested.size(), 1); // one Enter, one connection

        QTRY_VERIFY_WITH_TIMEOUT(
            window.currentConnection() && window.currentConnection()->state() == Connection::State::Open, 10000);
        Connection *first = window.currentConnection();
        ReconnectController *controller = window.reconnectControllerFor(first);
        QVERIFY(controller);
        ReconnectStrip *strip = window.reconnectStrip();
        QVERIFY(strip->isHidden()); // nothing to count down while connected

        server->stop(); // the server goes away: the connection drops
        QTRY_COMPARE_WITH_TIMEOUT(controller->phase(), ReconnectController::Phase::Waiting, 10000);
        QTRY_VERIFY(strip->isVisible());
        QVERIFY2(strip->text().startsWith(QStringLiteral("Reconnecting in ")), qPrintable(strip->text()));
        QVERIFY2(strip->text().endsWith(QStringLiteral("(attempt 1 of 5)")), qPrintable(strip->text()));
        // The countdown moves while the strip is shown.
        const QString before = strip->text();
        QTRY_VERIFY_WITH_TIMEOUT(strip->text() != before, 5000);
        QVERIFY2(first->statusText().contains(QStringLiteral("1006"))
                || first->statusText().contains(QStringLiteral("Close")),
            qPrintable(first->statusText()));

        // The detail pane of the drop's error row says why it ended and what to try.
        int errorRow = -1;
        for (qsizetype i = 0; i < first->events().size(); ++i) {
            if (first->events().at(i).type == EventType::Error)
                errorRow = int(i);
        }
        QVERIFY(errorRow >= 0);
        window.selectConnection(first);
        window.detailView()->showEvent(errorRow);
        const QString fields = window.detailView()->fieldLines().join(QLatin1Char('\n'));
        QVERIFY2(fields.contains(QStringLiteral("Layer: ")), qPrintable(fields));
        QVERIFY2(fields.contains(QStringLiteral("What to try: ")), qPrintable(fields));
        QVERIFY2(fields.contains(QStringLiteral("Why it ended: ")), qPrintable(fields));
        QVERIFY2(fields.contains(QStringLiteral("Closed first by: neither")), qPrintable(fields));

        // Reconnect now: a new connection, refused (the server is down), listed as attempt 2 of the endpoint.
        QTest::mouseClick(strip->reconnectNowButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window.workspace()->connections().size(), 2, 5000);
        Connection *second = window.workspace()->connections().at(1);
        QCOMPARE(second->groupId(), first->id());
        QCOMPARE(second->attempt(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(second->state(), Connection::State::Failed, 10000);
        QVERIFY2(second->statusText().contains(QStringLiteral("refused"), Qt::CaseInsensitive),
            qPrintable(second->statusText()));
        QTRY_COMPARE_WITH_TIMEOUT(controller->phase(), ReconnectController::Phase::Waiting, 10000);
        QTRY_VERIFY(strip->text().endsWith(QStringLiteral("(attempt 2 of 5)")));

        // The list shows both attempts of the endpoint, with their attempt numbers and status lines.
        QAbstractItemModel *model = window.connectionList()->model();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(0, 0).data(ConnectionListModel::AttemptRole).toInt(), 1);
        QCOMPARE(model->index(1, 0).data(ConnectionListModel::AttemptRole).toInt(), 2);
        QCOMPARE(model->index(1, 0).data(ConnectionListModel::GroupRole).toInt(), first->id());
        QVERIFY(model->index(1, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("attempt 2")));
        QTRY_VERIFY(model->index(1, 0)
                        .data(Qt::ToolTipRole)
                        .toString()
                        .contains(QStringLiteral("refused"), Qt::CaseInsensitive));

        // The server is back on the same port; Reconnect now opens attempt 3, which works.
        PeerProcess again;
        QVERIFY(again.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py"),
            { QStringLiteral("--port"), QString::number(port) }));
        QTest::mouseClick(strip->reconnectNowButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window.workspace()->connections().size(), 3, 5000);
        Connection *third = window.workspace()->connections().at(2);
        QTRY_COMPARE_WITH_TIMEOUT(third->state(), Connection::State::Open, 10000);
        QCOMPARE(third->attempt(), 3);
        QCOMPARE(window.currentConnection(), third); // the newest attempt is shown
        QTRY_VERIFY(strip->isHidden());

        // Drop it again, then Stop: the countdown goes away and no new attempt comes.
        again.stop();
        QTRY_COMPARE_WITH_TIMEOUT(controller->phase(), ReconnectController::Phase::Waiting, 10000);
        QTRY_VERIFY(strip->isVisible());
        QTest::mouseClick(strip->stopButton(), Qt::LeftButton);
        QCOMPARE(controller->phase(), ReconnectController::Phase::Stopped);
        QTRY_VERIFY(strip->isHidden());
        QCOMPARE(window.workspace()->connections().size(), 3);

        // The options are remembered for this URL.
        bar->clearOptions();
        QVERIFY(!reconnectCheck->isChecked());
        bar->setUrlText(url); // picking the URL again brings its options back
        Q_EMIT bar->urlCombo()->lineEdit()->editingFinished();
        QVERIFY(reconnectCheck->isChecked());
        QCOMPARE(initialDelaySpin->value(), 30.0);
        QCOMPARE(maxAttemptsSpin->value(), 5);
    }

    void keepaliveOptionReachesTheConnection()
    {
        PeerProcess server;
        QVERIFY(server.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ConnectBar *bar = window.connectBar();
        bar->setOptionsVisible(true);
        auto *keepalive = bar->optionsEditor()->findChild<QCheckBox *>(QStringLiteral("keepaliveCheck"));
        QVERIFY(keepalive);
        QTest::mouseClick(keepalive, Qt::LeftButton, {}, QPoint(8, keepalive->height() / 2));
        QVERIFY(keepalive->isChecked());
        QVERIFY(bar->findChild<QToolButton *>(QStringLiteral("optionsButton"))->text().contains(QStringLiteral("(1)")));
        window.connectTo(server.url(QStringLiteral("/echo")));
        QTRY_VERIFY_WITH_TIMEOUT(window.currentConnection(), 5000);
        const ConnectionOptions &options = window.currentConnection()->options();
        QCOMPARE(options.keepalive.intervalMs, 30000);
        QCOMPARE(options.keepalive.timeoutMs, 10000);
        QVERIFY(!options.reconnect.enabled);
        QVERIFY(window.currentConnection()->keepalive());
        QCOMPARE(window.reconnectControllerFor(window.currentConnection()), nullptr);
    }
};

QTEST_MAIN(TestReconnectGui)
#include "tst_reconnectgui.moc"
