// The Endpoints sidebar in the real MainWindow: save the current connection (Ctrl+S), edit, duplicate, delete
// with undo, import/export through the file dialog seam, secrets masked in the editor, and connecting
// from an endpoint to python3-websockets on 127.0.0.1.
#include "common/filedialogs.h"
#include "connect/connectbar.h"
#include "connect/secretheadersedit.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "endpoints/endpointdialog.h"
#include "endpoints/endpointspanel.h"
#include "endpoints/endpointstore.h"
#include "explain/secretmasker.h"
#include "models/endpointtreemodel.h"
#include "peerprocess.h"
#include "shell/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

#include <functional>

using namespace wsi;

class TestEndpointsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsEmptyStateWithoutEndpoints();
    void savesCurrentConnectionWithCtrlS();
    void editChangesEveryGroupAndPersists();
    void secretHeadersAreMaskedInTheEditorUntilRevealed();
    void duplicateThenDeleteAndUndo();
    void searchFiltersAndSaysWhenNothingMatches();
    void exportMasksSecretsAndImportMerges();
    void importOfABrokenFileNamesThePosition();
    void connectsFromAnEndpointWithEnter();
    void brokenStoreFileIsReportedAndKept();

private:
    // Answers the next modal EndpointDialog with `fill`, then OK (or Cancel when fill returns false).
    static void answerDialog(std::function<bool(EndpointDialog *)> fill);
    static QString addEndpoint(MainWindow &window, const QString &name, const QString &url, const QString &folder = {},
        const QList<QPair<QByteArray, QByteArray>> &headers = {});
};

void TestEndpointsPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_endpointspanel"));
    QVERIFY2(EndpointStore::defaultFilePath().contains(QLatin1String("qttest")),
        qPrintable(EndpointStore::defaultFilePath()));
}

void TestEndpointsPanel::init()
{
    QSettings().clear();
    QFile::remove(EndpointStore::defaultFilePath());
}

void TestEndpointsPanel::cleanup()
{
    FileDialogs::setHandler(nullptr);
    QFile::remove(EndpointStore::defaultFilePath());
}

void TestEndpointsPanel::answerDialog(std::function<bool(EndpointDialog *)> fill)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [timer, fill] {
        auto *dialog = qobject_cast<EndpointDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        timer->stop();
        timer->deleteLater();
        if (fill(dialog))
            dialog->accept();
        else
            dialog->reject();
    });
    timer->start();
}

QString TestEndpointsPanel::addEndpoint(MainWindow &window, const QString &name, const QString &url,
    const QString &folder, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    Endpoint e;
    e.name = name;
    e.folder = folder;
    e.options.url = QUrl(url);
    e.options.headers = headers;
    return window.endpointsPanel()->store()->save(e);
}

void TestEndpointsPanel::showsEmptyStateWithoutEndpoints()
{
    MainWindow window;
    window.show();
    EndpointsPanel *panel = window.endpointsPanel();
    QVERIFY(panel->isEmptyStateShown());
    QVERIFY(panel->emptyStateText().contains(QLatin1String("Ctrl+S")));
    QVERIFY(!panel->editAction()->isEnabled());
    QVERIFY(!panel->exportAction()->isEnabled());
    addEndpoint(window, QStringLiteral("One"), QStringLiteral("ws://127.0.0.1:1/"));
    QVERIFY(!panel->isEmptyStateShown());
    QVERIFY(panel->exportAction()->isEnabled());
}

void TestEndpointsPanel::savesCurrentConnectionWithCtrlS()
{
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.connectBar()->setUrlText(QStringLiteral("ws://127.0.0.1:9/feed"));
        bool seen = false;
        answerDialog([&seen](EndpointDialog *dialog) {
            seen = true;
            // Prefilled from the connect bar.
            if (dialog->findChild<QLineEdit *>(QStringLiteral("endpointUrl"))->text()
                != QLatin1String("ws://127.0.0.1:9/feed"))
                return false;
            auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("endpointName"));
            name->clear();
            QTest::keyClicks(name, QStringLiteral("Feed"));
            dialog->findChild<QComboBox *>(QStringLiteral("endpointFolder"))->setCurrentText(QStringLiteral("Local"));
            return true;
        });
        QVERIFY(window.endpointsPanel()->saveCurrentAction()->isEnabled());
        QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(seen);
        QCOMPARE(window.endpointsPanel()->store()->endpoints().size(), 1);
        QVERIFY(window.endpointsPanel()->messageText().contains(QLatin1String("Saved")));
        // Shown in the tree under its folder, and selected.
        QTreeView *tree = window.endpointsPanel()->treeView();
        QCOMPARE(tree->currentIndex().data().toString(), QStringLiteral("Feed"));
        QCOMPARE(tree->currentIndex().parent().data().toString(), QStringLiteral("Local"));
    }
    // A new window (a restart) has it.
    MainWindow again;
    const QList<Endpoint> &saved = again.endpointsPanel()->store()->endpoints();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first().name, QStringLiteral("Feed"));
    QCOMPARE(saved.first().folder, QStringLiteral("Local"));
    QCOMPARE(saved.first().options.url, QUrl(QStringLiteral("ws://127.0.0.1:9/feed")));
}

void TestEndpointsPanel::editChangesEveryGroupAndPersists()
{
    MainWindow window;
    window.show();
    const QString id = addEndpoint(window, QStringLiteral("Chat"), QStringLiteral("ws://127.0.0.1:1/chat"));
    EndpointsPanel *panel = window.endpointsPanel();
    panel->selectEndpoint(id);
    QVERIFY(panel->editAction()->isEnabled());
    answerDialog([](EndpointDialog *d) {
        auto *name = d->findChild<QLineEdit *>(QStringLiteral("endpointName"));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Chat v2"));
        d->findChild<QLineEdit *>(QStringLiteral("subprotocolsEdit"))->setText(QStringLiteral("v2.chat, v1.chat"));
        d->findChild<QLineEdit *>(QStringLiteral("originEdit"))->setText(QStringLiteral("https://app.test"));
        d->findChild<SecretHeadersEdit *>(QStringLiteral("headersEdit"))->setText(QStringLiteral("X-Team: blue"));
        d->findChild<QComboBox *>(QStringLiteral("minTlsVersionCombo"))->setCurrentIndex(1);
        d->findChild<QCheckBox *>(QStringLiteral("reconnectCheck"))->setChecked(true);
        d->findChild<QSpinBox *>(QStringLiteral("reconnectAttemptsSpin"))->setValue(3);
        d->findChild<QCheckBox *>(QStringLiteral("keepaliveCheck"))->setChecked(true);
        d->findChild<QDoubleSpinBox *>(QStringLiteral("keepaliveIntervalSpin"))->setValue(2.5); // seconds
        d->findChild<QCheckBox *>(QStringLiteral("keepaliveCloseCheck"))->setChecked(true);
        return true;
    });
    panel->editAction()->trigger();
    const Endpoint e = panel->store()->endpoint(id);
    QCOMPARE(e.name, QStringLiteral("Chat v2"));
    QCOMPARE(e.options.subprotocols, (QStringList { QStringLiteral("v2.chat"), QStringLiteral("v1.chat") }));
    QCOMPARE(e.options.origin, QStringLiteral("https://app.test"));
    QCOMPARE(e.options.headers.size(), 1);
    QCOMPARE(e.options.headers.first().second, QByteArray("blue"));
    QCOMPARE(e.options.minimumTlsVersion, 13);
    QVERIFY(e.options.reconnect.enabled);
    QCOMPARE(e.options.reconnect.maxAttempts, 3);
    QCOMPARE(e.options.keepalive.intervalMs, 2500);
    QVERIFY(e.options.keepalive.closeOnMissedPong);
    EndpointStore reread(EndpointStore::defaultFilePath());
    QVERIFY(reread.load());
    QCOMPARE(reread.endpoint(id).options.keepalive.intervalMs, 2500);

    // An invalid edit is refused inline and changes nothing.
    QString shownError;
    answerDialog([&shownError](EndpointDialog *d) {
        d->findChild<QLineEdit *>(QStringLiteral("endpointUrl"))->setText(QStringLiteral("http://127.0.0.1:1/"));
        d->accept(); // refused: stays open with the reason
        shownError = d->errorText();
        return false;
    });
    panel->editAction()->trigger();
    QVERIFY2(shownError.contains(QLatin1String("ws://")), qPrintable(shownError));
    QCOMPARE(panel->store()->endpoint(id).options.url, QUrl(QStringLiteral("ws://127.0.0.1:1/chat")));
}

void TestEndpointsPanel::secretHeadersAreMaskedInTheEditorUntilRevealed()
{
    MainWindow window;
    window.show();
    const QString id = addEndpoint(window, QStringLiteral("Api"), QStringLiteral("ws://127.0.0.1:1/?token=abc123"), {},
        { { "Authorization", "Bearer sekrit" }, { "X-Plain", "visible" } });
    EndpointsPanel *panel = window.endpointsPanel();
    panel->selectEndpoint(id);
    QString masked, revealed;
    bool readOnlyWhileMasked = false;
    answerDialog([&](EndpointDialog *d) {
        SecretHeadersEdit *headers = d->headersEdit();
        masked = headers->displayedText() + QLatin1Char('\n') + d->displayedUrl();
        readOnlyWhileMasked = headers->editor()->isReadOnly();
        QTest::mouseClick(headers->revealButton(), Qt::LeftButton);
        revealed = headers->displayedText() + QLatin1Char('\n') + d->displayedUrl();
        return true; // saving after a reveal keeps the real value
    });
    panel->editAction()->trigger();
    QVERIFY2(masked.contains(QLatin1String("Bearer ") + QString::fromUtf8(SecretMasker::kMask)), qPrintable(masked));
    QVERIFY(!masked.contains(QLatin1String("sekrit")));
    QVERIFY(!masked.contains(QLatin1String("abc123")));
    QVERIFY(revealed.contains(QLatin1String("token=abc123")));
    QVERIFY(masked.contains(QLatin1String("X-Plain: visible")));
    QVERIFY(readOnlyWhileMasked);
    QVERIFY(revealed.contains(QLatin1String("Bearer sekrit")));
    QCOMPARE(panel->store()->endpoint(id).options.headers.first().second, QByteArray("Bearer sekrit"));

    // Saving without revealing keeps the real value too: the mask is never written back.
    answerDialog([](EndpointDialog *) { return true; });
    panel->editAction()->trigger();
    QCOMPARE(panel->store()->endpoint(id).options.headers.first().second, QByteArray("Bearer sekrit"));
    QCOMPARE(panel->store()->endpoint(id).options.url, QUrl(QStringLiteral("ws://127.0.0.1:1/?token=abc123")));

    // The tooltip's URL is masked as well.
    const QString tip = panel->treeView()->currentIndex().data(Qt::ToolTipRole).toString();
    QVERIFY2(!tip.contains(QLatin1String("abc123")), qPrintable(tip));
}

void TestEndpointsPanel::duplicateThenDeleteAndUndo()
{
    MainWindow window;
    window.show();
    EndpointsPanel *panel = window.endpointsPanel();
    const QString id
        = addEndpoint(window, QStringLiteral("Echo"), QStringLiteral("ws://127.0.0.1:1/echo"), QStringLiteral("Dev"));
    panel->selectEndpoint(id);
    panel->duplicateAction()->trigger();
    QCOMPARE(panel->store()->endpoints().size(), 2);
    QCOMPARE(panel->treeView()->currentIndex().data().toString(), QStringLiteral("Echo (copy)"));
    const QString copyId = panel->selectedId();
    QVERIFY(copyId != id);

    // Del in the tree deletes; the message offers Undo.
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    panel->treeView()->setFocus();
    QTest::keyClick(panel->treeView(), Qt::Key_Delete);
    QCOMPARE(panel->store()->endpoints().size(), 1);
    QVERIFY(panel->store()->endpoint(copyId).id.isEmpty());
    QVERIFY(panel->messageText().contains(QLatin1String("Undo")));
    QVERIFY(panel->undoDelete());
    QCOMPARE(panel->store()->endpoints().size(), 2);
    QCOMPARE(panel->store()->endpoint(copyId).name, QStringLiteral("Echo (copy)"));
    QCOMPARE(panel->selectedId(), copyId);
}

void TestEndpointsPanel::searchFiltersAndSaysWhenNothingMatches()
{
    MainWindow window;
    window.show();
    EndpointsPanel *panel = window.endpointsPanel();
    addEndpoint(window, QStringLiteral("Prices"), QStringLiteral("wss://prices.example.com/"), QStringLiteral("Prod"));
    addEndpoint(window, QStringLiteral("Chat"), QStringLiteral("ws://127.0.0.1:1/chat"));
    QTest::keyClicks(panel->searchField(), QStringLiteral("example.com"));
    QAbstractItemModel *model = panel->viewModel();
    QCOMPARE(model->rowCount(), 1); // the Prod folder, holding the match
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("Prod"));
    QCOMPARE(model->rowCount(model->index(0, 0)), 1);
    panel->searchField()->clear();
    QTest::keyClicks(panel->searchField(), QStringLiteral("nothing-like-this"));
    QVERIFY(panel->isEmptyStateShown());
    QVERIFY(panel->emptyStateText().contains(QLatin1String("nothing-like-this")));
}

void TestEndpointsPanel::exportMasksSecretsAndImportMerges()
{
    QTemporaryDir dir;
    const QString masked = dir.filePath(QStringLiteral("masked.json"));
    const QString full = dir.filePath(QStringLiteral("full.json"));
    MainWindow window;
    window.show();
    EndpointsPanel *panel = window.endpointsPanel();
    addEndpoint(window, QStringLiteral("Api"), QStringLiteral("ws://127.0.0.1:1/"), {},
        { { "Authorization", "Bearer sekrit" } });

    FileDialogs::setHandler([&](FileDialogs::Mode mode, const QString &, const QString &) {
        return mode == FileDialogs::Mode::Save ? masked : QString();
    });
    panel->exportAction()->trigger();
    QVERIFY(panel->messageText().contains(QLatin1String("masked")));
    QFile maskedFile(masked);
    QVERIFY(maskedFile.open(QIODevice::ReadOnly));
    QVERIFY(!maskedFile.readAll().contains("sekrit"));

    FileDialogs::setHandler([&](FileDialogs::Mode mode, const QString &, const QString &) {
        return mode == FileDialogs::Mode::Save ? full : QString();
    });
    panel->exportWithSecretsAction()->trigger();
    QFile fullFile(full);
    QVERIFY(fullFile.open(QIODevice::ReadOnly));
    QVERIFY(fullFile.readAll().contains("Bearer sekrit"));

    FileDialogs::setHandler([&](FileDialogs::Mode, const QString &, const QString &) { return full; });
    panel->importAction()->trigger();
    QVERIFY(panel->messageText().contains(QLatin1String("Imported 1 endpoint")));
    QStringList names;
    for (const Endpoint &e : panel->store()->endpoints())
        names << e.name;
    names.sort();
    QCOMPARE(names, (QStringList { QStringLiteral("Api"), QStringLiteral("Api (2)") }));
}

void TestEndpointsPanel::importOfABrokenFileNamesThePosition()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\n  \"format\": \"wsinspector-endpoints/1\",\n  \"endpoints\": [ oops ]\n}\n");
    file.close();
    MainWindow window;
    window.show();
    FileDialogs::setHandler([&](FileDialogs::Mode, const QString &, const QString &) { return path; });
    window.endpointsPanel()->importAction()->trigger();
    const QString message = window.endpointsPanel()->messageText();
    QVERIFY2(message.contains(QLatin1String("line 3")), qPrintable(message));
    QVERIFY(message.contains(QLatin1String("broken.json")));
    QVERIFY(window.endpointsPanel()->store()->endpoints().isEmpty());
}

void TestEndpointsPanel::connectsFromAnEndpointWithEnter()
{
    PeerProcess peer;
    QVERIFY(peer.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Endpoint e;
    e.name = QStringLiteral("Echo");
    e.options.url = QUrl(peer.url(QStringLiteral("/echo")));
    e.options.subprotocols = { QStringLiteral("chat") };
    e.options.headers = { { "X-From-Endpoint", "yes" } };
    EndpointsPanel *panel = window.endpointsPanel();
    const QString id = panel->store()->save(e);
    panel->selectEndpoint(id);
    panel->treeView()->setFocus();
    QTest::keyClick(panel->treeView(), Qt::Key_Return);
    QCOMPARE(window.workspace()->connections().size(), 1);
    Connection *connection = window.workspace()->connections().constFirst();
    QCOMPARE(window.currentConnection(), connection);
    QTRY_COMPARE_WITH_TIMEOUT(connection->state(), Connection::State::Open, 10000);
    // The endpoint's options went out on the wire.
    QCOMPARE(connection->handshake().request.value("X-From-Endpoint"), QByteArray("yes"));
    QVERIFY(connection->handshake().request.value("Sec-WebSocket-Protocol").contains("chat"));
    QCOMPARE(window.connectBar()->urlText(), e.options.url.toString());
    QVERIFY(window.connectBar()->recentUrls().contains(e.options.url.toString()));
    connection->close();
    QTRY_VERIFY_WITH_TIMEOUT(connection->state() == Connection::State::Closed, 10000);
}

void TestEndpointsPanel::brokenStoreFileIsReportedAndKept()
{
    const QString path = EndpointStore::defaultFilePath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"wsinspector-endpoints/1\",\n \"endpoints\": [}\n");
    file.close();
    MainWindow window;
    const QString message = window.endpointsPanel()->messageText();
    QVERIFY2(message.contains(QLatin1String("line 2")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String(".broken-")), qPrintable(message));
    const QStringList kept
        = QFileInfo(path).dir().entryList({ QFileInfo(path).fileName() + QStringLiteral(".broken-*") });
    QVERIFY(!kept.isEmpty());
    for (const QString &name : kept)
        QFile::remove(QFileInfo(path).dir().filePath(name));
}

QTEST_MAIN(TestEndpointsPanel)
#include "tst_endpointspanel.moc"
