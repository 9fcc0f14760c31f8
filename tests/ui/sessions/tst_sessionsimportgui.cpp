// Sessions in the app, export and import through the File menu: a live connection exported as a session log and
// as HAR (secrets masked unless asked) and imported back byte-exact, Chromium DevTools' HAR, and bad input named,
// against a python3-websockets echo server on 127.0.0.1.

#include "common/filedialogs.h"
#include "compose/composer.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "models/connectionlistmodel.h"
#include "peerprocess.h"
#include "sessions/exportdialog.h"
#include "sessions/sessionscontroller.h"
#include "sessionsguifixture.h"
#include "shell/mainwindow.h"

#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

using namespace wsi;

class TestSessionsImportGui : public SessionsGuiFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { setUpApplication(QStringLiteral("wsinspector-tst_sessionsimportgui")); }
    void init() { setUpWindow(); }
    void cleanup() { tearDownWindow(); }

    void exportImportRoundTripsBinaryByteExact_data();
    void exportImportRoundTripsBinaryByteExact();
    void importsChromiumDevToolsHar();
    void importNamesBadInput_data();
    void importNamesBadInput();
};

void TestSessionsImportGui::exportImportRoundTripsBinaryByteExact_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<bool>("reveal");
    QTest::newRow("session log, masked") << QStringLiteral("out.jsonl") << false;
    QTest::newRow("session log, secrets revealed") << QStringLiteral("out.jsonl") << true;
    QTest::newRow("HAR, masked") << QStringLiteral("out.har") << false;
    QTest::newRow("HAR, secrets revealed") << QStringLiteral("out.har") << true;
}

void TestSessionsImportGui::exportImportRoundTripsBinaryByteExact()
{
    QFETCH(QString, fileName);
    QFETCH(bool, reveal);
    PeerProcess peer;
    QVERIFY(peer.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("echo_server.py")));
    Connection *live = openAndExchange(peer);
    QVERIFY(live);

    const QString path = m_files->filePath(fileName);
    auto *exportAction = m_window->findChild<QAction *>(QStringLiteral("exportConnectionAction"));
    QString note;
    QVERIFY(driveModal<ExportDialog>(exportAction, [&](ExportDialog *dialog) {
        QVERIFY(!dialog->revealSecretsCheckBox()->isChecked()); // masked unless asked
        // Browse answers through the file dialog seam; the extension picks the format.
        FileDialogs::setHandler([&](FileDialogs::Mode, const QString &, const QString &) { return path; });
        dialog->findChild<QPushButton *>(QStringLiteral("exportBrowseButton"))->click();
        if (reveal)
            dialog->revealSecretsCheckBox()->click();
        note = dialog->findChild<QLabel *>(QStringLiteral("exportNote"))->text();
        dialog->exportButton()->click();
    }));
    QVERIFY2(m_window->sessions()->lastError().isEmpty(), qPrintable(m_window->sessions()->lastError()));
    QVERIFY(note.contains(reveal ? QLatin1String("Secrets are written") : QLatin1String("masked")));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    if (fileName.endsWith(QLatin1String(".har")))
        QVERIFY(written.contains("\"_webSocketMessages\""));
    else
        QVERIFY(written.startsWith("{\"event\":\"session\",\"format\":\"wsinspector-session/4\""));
    QCOMPARE(written.contains("s3cretTok"), reveal);
    QCOMPARE(written.contains("s3cretBearer"), reveal);
    if (!reveal)
        QVERIFY(written.contains("\xe2\x80\xa2\xe2\x80\xa2") || written.contains("%E2%80%A2"));

    // Import it back through File > Import.
    const int before = int(m_window->workspace()->connections().size());
    FileDialogs::setHandler([&](FileDialogs::Mode mode, const QString &, const QString &) {
        return mode == FileDialogs::Mode::Open ? path : QString();
    });
    m_window->findChild<QAction *>(QStringLiteral("importAction"))->trigger();
    QVERIFY2(m_window->sessions()->lastError().isEmpty(), qPrintable(m_window->sessions()->lastError()));
    QCOMPARE(int(m_window->workspace()->connections().size()), before + 1);
    Connection *imported = m_window->currentConnection();
    QVERIFY(imported && imported != live && imported->isImported());
    QVERIFY(findMessage(imported, Direction::Outgoing, allBytes()) >= 0);
    QVERIFY(findMessage(imported, Direction::Incoming, allBytes()) >= 0);
    QVERIFY(findMessage(imported, Direction::Incoming, "hello journal") >= 0);
    QCOMPARE(imported->url().toString().contains(QLatin1String("s3cretTok")), reveal);
}

void TestSessionsImportGui::importsChromiumDevToolsHar()
{
    QVERIFY(m_window->sessions()->importFile(QStringLiteral(WSI_TEST_DATA_DIR "/chromium-devtools.har")));
    Connection *c = m_window->currentConnection();
    QVERIFY(c && c->isImported());
    QVERIFY(c->url().scheme().startsWith(QLatin1String("ws")));
    int messages = 0;
    for (qsizetype i = 0; i < c->events().size(); ++i)
        messages += c->events().at(i).type == EventType::Message ? 1 : 0;
    QVERIFY(messages > 0);
    QVERIFY(!m_window->composer()->canSend());
}

void TestSessionsImportGui::importNamesBadInput_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("broken session log line")
        << QStringLiteral("bad.jsonl")
        << QByteArray("{\"event\":\"session\",\"format\":\"wsinspector-session/1\","
                      "\"t\":\"2026-01-01T00:00:00.000Z\",\"tool\":\"x\"}\n"
                      "{\"conn\":1,\"event\":\"open\",\"t\":\n{\"conn\":1}\n")
        << QStringLiteral("line 2");
    QTest::newRow("broken HAR") << QStringLiteral("bad.har") << QByteArray("{\"log\": {\"entries\": [\n{,]}}")
                                << QStringLiteral("line 2");
    QTest::newRow("unknown format") << QStringLiteral("notes.txt") << QByteArray("just some text\n")
                                    << QStringLiteral("unknown format");
}

void TestSessionsImportGui::importNamesBadInput()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QString path = m_files->filePath(fileName);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    const int before = int(m_window->workspace()->connections().size());
    QVERIFY(!m_window->sessions()->importFile(path));
    QVERIFY2(m_window->sessions()->lastError().contains(expected), qPrintable(m_window->sessions()->lastError()));
    QVERIFY(m_window->sessions()->lastError().contains(fileName));
    QCOMPARE(int(m_window->workspace()->connections().size()), before);
    // The problem is also on screen, without blocking the window.
    QTRY_VERIFY(m_window->findChild<QWidget *>(QStringLiteral("problemMessageBox")));
}

QTEST_MAIN(TestSessionsImportGui)
#include "tst_sessionsimportgui.moc"
