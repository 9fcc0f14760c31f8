// Sessions in the app: journaling of live connections and the Previous Sessions dialog, against a
// python3-websockets echo server on 127.0.0.1. Export and import through the File menu: tst_sessionsimportgui.

#include "common/filedialogs.h"
#include "compose/composer.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "files/sessionexporter.h"
#include "files/sessionjournal.h"
#include "models/connectionlistmodel.h"
#include "models/sessionlistmodel.h"
#include "peerprocess.h"
#include "preferences/preferencesdialog.h"
#include "sessions/exportdialog.h"
#include "sessions/previoussessionsdialog.h"
#include "sessions/sessionscontroller.h"
#include "sessionsguifixture.h"
#include "shell/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

#include <functional>
#include <memory>

using namespace wsi;

class TestSessionsGui : public SessionsGuiFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void journalsALiveConnectionAsItHappens();
    void journalsVeryLargeMessagesInOrder();
    void sizeCapDeletesOldestJournalsFirst();
    void preferencesSetTheSizeCap();
    void previousSessionsReopenReadOnly();
    void previousSessionsSearchAndDelete();
    void previousSessionsExportAJournal();
};

void TestSessionsGui::initTestCase()
{
    setUpApplication(QStringLiteral("wsinspector-tst_sessionsgui"));
}

void TestSessionsGui::init()
{
    setUpWindow();
}

void TestSessionsGui::cleanup()
{
    tearDownWindow();
}

void TestSessionsGui::journalsALiveConnectionAsItHappens()
{
    PeerProcess peer;
    QVERIFY(peer.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("echo_server.py")));
    Connection *c = openAndExchange(peer);
    QVERIFY(c);
    const QString path = m_window->sessions()->journal()->filePathFor(c);
    QVERIFY(path.startsWith(m_sessions->path()));
    // 0600: the journal holds whole handshakes (cookies, tokens).
    const QFileDevice::Permissions permissions = QFile::permissions(path);
    QVERIFY(permissions.testFlag(QFileDevice::ReadOwner) && permissions.testFlag(QFileDevice::WriteOwner));
    QCOMPARE(int(permissions & 0x0077), 0); // nothing for group and others

    // While the connection is still open, the timer has already put the echo on disk.
    QTRY_VERIFY_WITH_TIMEOUT(
        QFile(path).size() > 0 &&
            [&] {
                QFile f(path);
                return f.open(QIODevice::ReadOnly) && f.readAll().contains("hello journal");
            }(),
        5000);
    QCOMPARE(c->state(), Connection::State::Open);

    QSignalSpy finished(c, &Connection::finished);
    // The journal takes a connection's last rows a slice per turn: the file is complete when it says so.
    QSignalSpy completed(m_window->sessions()->journal(), &SessionJournal::completed);
    c->close(1000, QStringLiteral("done"));
    QVERIFY(finished.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 10000);
    QCOMPARE(completed.at(0).at(1).toString(), path);

    QString error;
    auto reopened = SessionJournal::reopen(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(reopened.size(), size_t(1));
    const Connection &copy = *reopened.front();
    QCOMPARE(copy.events().size(), c->events().size());
    for (qsizetype i = 0; i < c->events().size(); ++i) {
        QCOMPARE(int(copy.events().at(i).type), int(c->events().at(i).type));
        QCOMPARE(int(copy.events().at(i).dir), int(c->events().at(i).dir));
        QCOMPARE(copy.events().payloadCopy(i), c->events().payloadCopy(i));
    }
    QVERIFY(findMessage(&copy, Direction::Incoming, allBytes()) >= 0);
}

void TestSessionsGui::journalsVeryLargeMessagesInOrder()
{
    // A message above 1 MiB is formatted on a worker thread; the lines after it must wait for it.
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/large"));
    auto *c = new Connection(options);
    m_window->workspace()->addConnection(c);
    const QString path = m_window->sessions()->journal()->filePathFor(c);
    QVERIFY(!path.isEmpty());
    QByteArray big(3 * 1024 * 1024 + 7, Qt::Uninitialized);
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char((i * 131) & 0xff);
    auto append = [c](const QByteArray &payload, bool text) {
        EventRecord r;
        r.timeUs = 1'700'000'000'000'000 + c->events().size();
        r.type = EventType::Message;
        r.dir = Direction::Incoming;
        r.flags = text ? quint8(FlagText) : quint8(0);
        r.sub = 1;
        r.value = quint64(payload.size());
        c->appendEvent(r, payload);
    };
    append("before", true);
    append(big, false);
    append("after", true);
    // The timer writes it all, in order, without anyone calling flush().
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) && f.readAll().contains("\"text\":\"after\"");
        }(),
        10000);
    QString error;
    auto reopened = SessionJournal::reopen(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(reopened.size(), size_t(1));
    const EventStore &store = reopened.front()->events();
    QCOMPARE(store.size(), qsizetype(3));
    QCOMPARE(store.payloadCopy(0), QByteArray("before"));
    QCOMPARE(store.payloadCopy(1), big);
    QCOMPARE(store.payloadCopy(2), QByteArray("after"));
}

void TestSessionsGui::sizeCapDeletesOldestJournalsFirst()
{
    // Three journals of earlier runs, 600 KiB each, oldest first by their header time.
    const QStringList stamps = { QStringLiteral("2026-01-01T00:00:00.000Z"), QStringLiteral("2026-02-01T00:00:00.000Z"),
        QStringLiteral("2026-03-01T00:00:00.000Z") };
    QStringList paths;
    for (int i = 0; i < stamps.size(); ++i) {
        const QString path = m_sessions->filePath(QStringLiteral("session-2026010%1-000000-000-1-1.jsonl").arg(i + 1));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"event\":\"session\",\"format\":\"wsinspector-session/1\",\"t\":\"" + stamps.at(i).toUtf8()
            + "\",\"tool\":\"test\"}\n");
        f.write(QByteArray(600 * 1024, 'x') + '\n');
        paths << path;
    }
    QSettings().setValue(QStringLiteral("sessions/capMiB"), 1);
    m_window.reset();
    m_window = std::make_unique<MainWindow>();
    QCOMPARE(m_window->sessions()->journal()->maxTotalBytes(), qint64(1024 * 1024));

    PeerProcess peer;
    QVERIFY(peer.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("echo_server.py")));
    Connection *c = openAndExchange(peer);
    QVERIFY(c);
    // Attaching the new journal enforced the cap: the two oldest went, the newest and the live one stay.
    QVERIFY(!QFile::exists(paths.at(0)));
    QVERIFY(!QFile::exists(paths.at(1)));
    QVERIFY(QFile::exists(paths.at(2)));
    QVERIFY(QFile::exists(m_window->sessions()->journal()->filePathFor(c)));
}

void TestSessionsGui::preferencesSetTheSizeCap()
{
    QCOMPARE(PreferencesDialog::journalCapBytes(), qint64(500) * 1024 * 1024);
    PreferencesDialog dialog(nullptr);
    auto *spin = dialog.findChild<QSpinBox *>(QStringLiteral("journalCapSpinBox"));
    QVERIFY(spin);
    QCOMPARE(spin->value(), 500);
    spin->setValue(64);
    QCOMPARE(PreferencesDialog::journalCapBytes(), qint64(64) * 1024 * 1024);
}

void TestSessionsGui::previousSessionsReopenReadOnly()
{
    PeerProcess peer;
    QVERIFY(peer.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("echo_server.py")));
    Connection *live = openAndExchange(peer);
    QVERIFY(live);
    const QString path = m_window->sessions()->journal()->filePathFor(live);
    QSignalSpy finished(live, &Connection::finished);
    live->close(1000, QStringLiteral("bye"));
    QVERIFY(finished.wait(10000));
    const qsizetype liveEvents = live->events().size();
    m_window->workspace()->removeConnection(live);

    auto *action = m_window->findChild<QAction *>(QStringLiteral("previousSessionsAction"));
    QVERIFY(action);
    int rows = -1;
    QString outcome;
    QString events;
    QVERIFY(driveModal<PreviousSessionsDialog>(action, [&](PreviousSessionsDialog *dialog) {
        rows = dialog->model()->rowCount();
        const QModelIndex first = dialog->sessionList()->model()->index(0, SessionListModel::OutcomeColumn);
        outcome = first.data().toString();
        events = dialog->sessionList()->model()->index(0, SessionListModel::EventsColumn).data().toString();
        dialog->selectPath(path);
        dialog->findChild<QPushButton *>(QStringLiteral("openSessionButton"))->click();
    }));
    QCOMPARE(rows, 1);
    QVERIFY2(outcome.startsWith(QLatin1String("closed 1000")), qPrintable(outcome));
    QCOMPARE(events, QLocale().toString(qlonglong(liveEvents)));

    Connection *reopened = m_window->currentConnection();
    QVERIFY(reopened);
    QVERIFY(reopened->isImported());
    QCOMPARE(reopened->events().size(), liveEvents);
    QVERIFY(findMessage(reopened, Direction::Incoming, allBytes()) >= 0);
    QVERIFY(!m_window->composer()->canSend());
    QVERIFY(m_window->windowTitle().contains(QLatin1String("read-only")));
    const QModelIndex row = m_window->connectionList()->currentIndex();
    QVERIFY(row.data(ConnectionListModel::StateTextRole).toString().contains(QLatin1String("read-only")));
    // Reopening does not journal the connection a second time.
    QVERIFY(m_window->sessions()->journal()->filePathFor(reopened).isEmpty());
}

void TestSessionsGui::previousSessionsSearchAndDelete()
{
    // Two journals of "earlier runs".
    for (const char *host : { "alpha.example", "beta.example" }) {
        const QString path
            = m_sessions->filePath(QStringLiteral("session-20260101-000000-000-1-%1.jsonl").arg(QLatin1String(host)));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"event\":\"session\",\"format\":\"wsinspector-session/1\",\"t\":\"2026-01-01T00:00:00.000Z\","
                "\"tool\":\"test\"}\n");
        f.write("{\"conn\":1,\"dir\":\"out\",\"event\":\"handshake_request\",\"headers\":[],\"method\":\"GET\",\"raw\":"
                "\"GET / HTTP/1.1\\r\\n\\r\\n\",\"t\":\"2026-01-01T00:00:00.000Z\",\"t_us\":1767225600000000,"
                "\"target\":\"/\",\"url\":\"ws://"
            + QByteArray(host) + "/\"}\n");
    }
    PreviousSessionsDialog dialog(m_window->sessions()->journal());
    QAbstractItemModel *shown = dialog.sessionList()->model();
    QCOMPARE(shown->rowCount(), 2);
    QTest::keyClicks(dialog.searchEdit(), QStringLiteral("BETA"));
    QCOMPARE(shown->rowCount(), 1);
    QVERIFY(shown->index(0, SessionListModel::UrlColumn).data().toString().contains(QLatin1String("beta.example")));
    QCOMPARE(shown->index(0, SessionListModel::OutcomeColumn).data().toString(),
        QStringLiteral("ended without a close (interrupted?)"));
    dialog.sessionList()->setCurrentIndex(shown->index(0, 0));
    const QString betaPath = shown->index(0, 0).data(SessionListModel::FilePathRole).toString();
    QVERIFY(betaPath.contains(QLatin1String("beta.example")));
    QSignalSpy exportRequested(&dialog, &PreviousSessionsDialog::exportRequested);
    dialog.findChild<QPushButton *>(QStringLiteral("exportSessionButton"))->click();
    QCOMPARE(exportRequested.size(), 1);
    QCOMPARE(exportRequested.at(0).at(0).toString(), betaPath);
    QString asked;
    PreviousSessionsDialog::setConfirmation([&](QWidget *, const QString &question) {
        asked = question;
        return true;
    });
    dialog.findChild<QPushButton *>(QStringLiteral("deleteSessionButton"))->click();
    QVERIFY(asked.contains(QLatin1String("Delete 1 session journal")));
    dialog.searchEdit()->clear();
    QCOMPARE(shown->rowCount(), 1);
    QVERIFY(shown->index(0, SessionListModel::UrlColumn).data().toString().contains(QLatin1String("alpha.example")));
    QCOMPARE(QDir(m_sessions->path()).entryList(QDir::Files).size(), 1);
}

void TestSessionsGui::previousSessionsExportAJournal()
{
    PeerProcess peer;
    QVERIFY(peer.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("echo_server.py")));
    Connection *live = openAndExchange(peer);
    QVERIFY(live);
    const QString journalPath = m_window->sessions()->journal()->filePathFor(live);
    QSignalSpy finished(live, &Connection::finished);
    live->close(1000, QString());
    QVERIFY(finished.wait(10000));

    const QString har = m_files->filePath(QStringLiteral("from-journal.har"));
    auto *action = m_window->findChild<QAction *>(QStringLiteral("previousSessionsAction"));
    bool exported = false;
    QVERIFY(driveModal<PreviousSessionsDialog>(action, [&](PreviousSessionsDialog *dialog) {
        dialog->selectPath(journalPath);
        // The export dialog opens from inside this one.
        QTimer::singleShot(0, this, [&] {
            auto *exportDialog = qobject_cast<ExportDialog *>(QApplication::activeModalWidget());
            if (!exportDialog)
                return;
            exportDialog->setPath(har);
            exportDialog->exportButton()->click();
            exported = true;
        });
        dialog->findChild<QPushButton *>(QStringLiteral("exportSessionButton"))->click();
        dialog->reject();
    }));
    QVERIFY(exported);
    QVERIFY2(m_window->sessions()->lastError().isEmpty(), qPrintable(m_window->sessions()->lastError()));
    QFile file(har);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY(written.contains("\"_webSocketMessages\""));
    QVERIFY(written.contains(allBytes().toBase64()));
    QVERIFY(!written.contains("s3cretBearer"));
}

QTEST_MAIN(TestSessionsGui)
#include "tst_sessionsgui.moc"
