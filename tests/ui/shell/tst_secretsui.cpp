// Secrets masked in the UI by default: the handshake view's tables, raw text and summary, the connections list
// and the window title, against python3-websockets; Reveal Secrets (View menu and the handshake view's eye
// button) shows them, and the recorded events never change.
#include "common/hexview.h"
#include "compose/composer.h"
#include "connect/connectbar.h"
#include "connect/secretheadersedit.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "detail/eventdetailview.h"
#include "explain/secretmasker.h"
#include "handshake/handshakeview.h"
#include "handshake/headertablemodel.h"
#include "log/eventlogview.h"
#include "models/connectionlistmodel.h"
#include "models/eventlogmodel.h"
#include "peerprocess.h"
#include "server/localserver.h"
#include "server/serverpanel.h"
#include "shell/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QToolButton>
#include <QWebSocket>
#include <QtTest>

using namespace wsi;

class TestSecretsUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void maskedByDefaultAndRevealedOnRequest();
    void logDetailAndComposerMaskTheUpgrade();
    void revealSettingIsRemembered();
    void connectBarHidesTypedSecretsWhenLeavingTheField();
    void testServerClientsTokenIsMaskedInTheListTitleAndStatus();

private:
    static int headerRow(const HeaderTableModel *model, const QByteArray &name);
};

static const QString kMask = QString::fromUtf8(SecretMasker::kMask);

void TestSecretsUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_secretsui"));
}

void TestSecretsUi::init()
{
    QSettings().clear();
}

int TestSecretsUi::headerRow(const HeaderTableModel *model, const QByteArray &name)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->headers().at(row).first.compare(name, Qt::CaseInsensitive) == 0)
            return row;
    }
    return -1;
}

void TestSecretsUi::maskedByDefaultAndRevealedOnRequest()
{
    PeerProcess peer;
    QVERIFY(peer.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    ConnectionOptions options;
    options.url = QUrl(peer.url(QStringLiteral("/echo?room=7&token=tok123")));
    options.headers = { { "Authorization", "Bearer sekrit" }, { "Cookie", "sid=cookie42" }, { "X-Plain", "visible" } };
    Connection *connection = window.workspace()->openConnection(options);
    window.selectConnection(connection);
    QTRY_COMPARE_WITH_TIMEOUT(connection->state(), Connection::State::Open, 10000);

    HandshakeView *view = window.handshakeView();
    view->refresh();
    HeaderTableModel *request = view->requestHeadersModel();
    const int auth = headerRow(request, "Authorization");
    QVERIFY(auth >= 0);
    QCOMPARE(request->index(auth, HeaderTableModel::ValueColumn).data().toString(), QStringLiteral("Bearer ") + kMask);
    QCOMPARE(request->index(headerRow(request, "Cookie"), HeaderTableModel::ValueColumn).data().toString(), kMask);
    QCOMPARE(request->index(headerRow(request, "X-Plain"), HeaderTableModel::ValueColumn).data().toString(),
        QStringLiteral("visible"));
    // The raw text: masked values and a masked query token, shown as bullets, everything else verbatim.
    const QString raw = view->requestRawText();
    QVERIFY2(!raw.contains(QLatin1String("sekrit")) && !raw.contains(QLatin1String("cookie42")), qPrintable(raw));
    QVERIFY2(!raw.contains(QLatin1String("tok123")), qPrintable(raw));
    QVERIFY2(raw.contains(QLatin1String("Authorization: Bearer ") + kMask), qPrintable(raw));
    QVERIFY(raw.contains(QLatin1String("room=7")));
    QVERIFY(raw.contains(QLatin1String("X-Plain: visible")));
    // The connections list and the window title.
    const QModelIndex row = window.connectionList()->model()->index(0, 0);
    QVERIFY(!row.data().toString().contains(QLatin1String("tok123")));
    QVERIFY(row.data().toString().contains(QLatin1String("room=7")));
    QVERIFY(!window.windowTitle().contains(QLatin1String("tok123")));

    // The eye button in the handshake view reveals everywhere (and checks the View menu's action).
    auto *reveal = window.findChild<QAction *>(QStringLiteral("revealSecretsAction"));
    QVERIFY(reveal && !reveal->isChecked());
    QTest::mouseClick(view->revealSecretsButton(), Qt::LeftButton);
    QVERIFY(reveal->isChecked());
    QCOMPARE(request->index(auth, HeaderTableModel::ValueColumn).data().toString(), QStringLiteral("Bearer sekrit"));
    QVERIFY(view->requestRawText().contains(QLatin1String("Bearer sekrit")));
    QVERIFY(view->requestRawText().contains(QLatin1String("token=tok123")));
    QVERIFY(window.connectionList()->model()->index(0, 0).data().toString().contains(QLatin1String("tok123")));
    QVERIFY(window.windowTitle().contains(QLatin1String("tok123")));

    // And the View menu's action masks again (the button follows).
    reveal->trigger();
    QVERIFY(!view->revealSecretsButton()->isChecked());
    QVERIFY(!view->requestRawText().contains(QLatin1String("sekrit")));

    // The recording itself never changed.
    QCOMPARE(connection->handshake().request.value("Authorization"), QByteArray("Bearer sekrit"));
    QVERIFY(connection->handshake().request.raw.contains("token=tok123"));
    connection->close();
    QTRY_VERIFY_WITH_TIMEOUT(connection->state() == Connection::State::Closed, 10000);
}

// The log's UPGRADE preview, the detail pane's text and hex of that row, and the composer's hint mask the
// URL token and the Authorization value too; Reveal Secrets shows the bytes as sent.
void TestSecretsUi::logDetailAndComposerMaskTheUpgrade()
{
    PeerProcess peer;
    QVERIFY(peer.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ConnectionOptions options;
    options.url = QUrl(peer.url(QStringLiteral("/echo?room=7&token=tok123")));
    options.headers = { { "Authorization", "Bearer sekrit" } };
    Connection *connection = window.workspace()->openConnection(options);
    window.selectConnection(connection);
    QTRY_COMPARE_WITH_TIMEOUT(connection->state(), Connection::State::Open, 10000);

    EventLogModel *log = window.eventLogView()->model();
    QTRY_VERIFY(log->rowCount() >= 1);
    int upgradeRow = -1;
    for (int row = 0; row < log->rowCount() && upgradeRow < 0; ++row) {
        if (connection->events().at(log->eventIndex(row)).type == EventType::HandshakeRequest)
            upgradeRow = row;
    }
    QVERIFY(upgradeRow >= 0);
    const QModelIndex preview = log->index(upgradeRow, EventLogModel::PreviewColumn);
    QVERIFY2(!preview.data().toString().contains(QLatin1String("tok123")), qPrintable(preview.data().toString()));
    QVERIFY(preview.data().toString().contains(QLatin1String("room=7")));

    EventDetailView *detail = window.detailView();
    detail->showEvent(int(log->eventIndex(upgradeRow)));
    QVERIFY2(!detail->text().contains(QLatin1String("sekrit")) && !detail->text().contains(QLatin1String("tok123")),
        qPrintable(detail->text()));
    QVERIFY(detail->text().contains(QLatin1String("Authorization: Bearer ") + kMask));
    QVERIFY(!detail->hexView()->data().contains("sekrit"));
    auto *hint = window.composer()->findChild<QLabel *>(QStringLiteral("composerHint"));
    QVERIFY(hint);
    QVERIFY2(!hint->text().contains(QLatin1String("tok123")), qPrintable(hint->text()));

    window.findChild<QAction *>(QStringLiteral("revealSecretsAction"))->trigger();
    QVERIFY(preview.data().toString().contains(QLatin1String("token=tok123")));
    QVERIFY(detail->text().contains(QLatin1String("Bearer sekrit")));
    QVERIFY(detail->hexView()->data().contains("Bearer sekrit"));
    QVERIFY(hint->text().contains(QLatin1String("tok123")));
    window.findChild<QAction *>(QStringLiteral("revealSecretsAction"))->trigger(); // remembered: leave it off
    connection->close();
    QTRY_VERIFY_WITH_TIMEOUT(connection->state() == Connection::State::Closed, 10000);
}

void TestSecretsUi::revealSettingIsRemembered()
{
    {
        MainWindow window;
        QVERIFY(!window.handshakeView()->revealSecrets()); // off by default
        window.findChild<QAction *>(QStringLiteral("revealSecretsAction"))->trigger();
        window.close();
    }
    MainWindow again;
    QVERIFY(again.findChild<QAction *>(QStringLiteral("revealSecretsAction"))->isChecked());
    QVERIFY(again.handshakeView()->revealSecrets());
}

void TestSecretsUi::connectBarHidesTypedSecretsWhenLeavingTheField()
{
    MainWindow window;
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    ConnectBar *bar = window.connectBar();
    bar->setOptionsVisible(true);
    SecretHeadersEdit *headers = bar->headersEdit();
    headers->editor()->setFocus();
    QTRY_VERIFY(headers->editor()->hasFocus());
    QTest::keyClicks(headers->editor(), QStringLiteral("Authorization: Bearer typed-token"));
    QCOMPARE(headers->displayedText(), QStringLiteral("Authorization: Bearer typed-token")); // while typing
    bar->focusUrl();
    QTRY_VERIFY(!headers->editor()->hasFocus());
    QCOMPARE(headers->displayedText(), QStringLiteral("Authorization: Bearer ") + kMask);
    QVERIFY(headers->editor()->isReadOnly());
    // What is sent is the real value.
    bar->setUrlText(QStringLiteral("ws://127.0.0.1:9/"));
    ConnectionOptions options;
    QVERIFY(bar->buildOptions(&options));
    QCOMPARE(options.headers.size(), 1);
    QCOMPARE(options.headers.first().second, QByteArray("Bearer typed-token"));
    // Reveal Secrets shows it again, editable.
    window.setRevealSecrets(true);
    QCOMPARE(headers->displayedText(), QStringLiteral("Authorization: Bearer typed-token"));
    QVERIFY(!headers->editor()->isReadOnly());
}

void TestSecretsUi::testServerClientsTokenIsMaskedInTheListTitleAndStatus()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    LocalServer *server = window.serverPanel()->server();
    QVERIFY(server->start(ServerOptions()));
    QUrl url = server->url();
    url.setPath(QStringLiteral("/chat"));
    url.setQuery(QStringLiteral("room=7&token=s3cr3tv4lue"));
    QWebSocket client;
    client.open(url);
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(server->clients().size(), 1, 10000);
    Connection *incoming = server->clients().first();
    QTRY_COMPARE_WITH_TIMEOUT(incoming->state(), Connection::State::Open, 10000);
    QVERIFY(incoming->title().contains(QLatin1String("s3cr3tv4lue"))); // the recording keeps it

    auto *model = static_cast<ConnectionListModel *>(window.connectionList()->model());
    model->flushPendingRows();
    const QModelIndex row = model->index(model->rowOf(incoming), 0);
    QTRY_VERIFY(row.data(ConnectionListModel::TitleRole).toString().contains(QLatin1String("room=7")));
    QVERIFY(!row.data(ConnectionListModel::TitleRole).toString().contains(QLatin1String("s3cr3tv4lue")));
    QVERIFY(row.data(ConnectionListModel::TitleRole).toString().contains(kMask));
    QVERIFY(row.data(ConnectionListModel::TitleRole).toString().startsWith(QLatin1String("client 127.0.0.1:")));
    // Nothing else selected: the first client is shown; the title and status bar name it, masked.
    QTRY_COMPARE(window.currentConnection(), incoming);
    QVERIFY2(window.statusText().contains(QLatin1String("client 127.0.0.1:")), qPrintable(window.statusText()));
    QVERIFY(!window.statusText().contains(QLatin1String("s3cr3tv4lue")));
    QVERIFY(!window.windowTitle().contains(QLatin1String("s3cr3tv4lue")));

    window.setRevealSecrets(true);
    QTRY_VERIFY(row.data(ConnectionListModel::TitleRole).toString().contains(QLatin1String("token=s3cr3tv4lue")));
    QTRY_VERIFY(window.statusText().contains(QLatin1String("token=s3cr3tv4lue")));
    window.setRevealSecrets(false);
    client.close();
    server->stop();
}

QTEST_MAIN(TestSecretsUi)
#include "tst_secretsui.moc"
