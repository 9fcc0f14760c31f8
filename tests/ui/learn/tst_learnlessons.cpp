// The Learn lessons beyond the handshake and the four events, run end to end in the real window against the
// built-in test server: wss shows a TLS connection, a drop is 1006 against a clean 1000, reconnect opens a new
// attempt after its backoff, and many connections measures the idle clients.

#include "connection/connection.h"
#include "connection/reconnectcontroller.h"
#include "connection/workspace.h"
#include "explain/closeexplainer.h"
#include "handshake/handshakeview.h"
#include "language/translations.h"
#include "learn/learnpanel.h"
#include "learn/lessonrunner.h"
#include "server/localserver.h"
#include "server/serverpanel.h"
#include "shell/mainwindow.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QtTest>

using namespace wsi;

class TestLearnLessons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void wssLessonOpensATlsConnection();
    void dropLessonExplainsACleanCloseThen1006();
    void reconnectLessonOpensTheNextAttempt();
    void manyLessonMeasuresTheIdleClients();
    void whyLessonStepsThroughItsText();

private:
    static void runLesson(MainWindow &window, const QString &id);
};

void TestLearnLessons::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_learnlessons"));
    QVERIFY2(QSettings().fileName().contains(QLatin1String("qttest")), qPrintable(QSettings().fileName()));
}

void TestLearnLessons::init()
{
    QSettings().clear();
    Translations::forApplication()->apply(QStringLiteral("en"));
}

void TestLearnLessons::runLesson(MainWindow &window, const QString &id)
{
    LearnPanel *panel = window.learnPanel();
    QVERIFY(panel->showLesson(id));
    panel->runner()->setStepPauseMs(0);
    QSignalSpy finished(panel->runner(), &LessonRunner::finished);
    panel->run();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QCOMPARE(panel->statusText(), QStringLiteral("Done. Run it again, or pick the next lesson."));
}

void TestLearnLessons::wssLessonOpensATlsConnection()
{
    MainWindow window;
    runLesson(window, QStringLiteral("wss"));
    Connection *client = window.learnPanel()->runner()->connection();
    QVERIFY(client);
    QCOMPARE(client->url().scheme(), QStringLiteral("wss"));
    QCOMPARE(client->state(), Connection::State::Open);
    // What the TLS pane shows: the TLS the client negotiated with the lesson's server.
    QVERIFY(client->handshake().tlsKnown);
    QVERIFY(!client->handshake().tls.protocol.isEmpty());
    QCOMPARE(window.viewTabs()->currentWidget(), static_cast<QWidget *>(window.handshakeView()));
    // The user's test server was not touched: the lesson's wss server is its own.
    QVERIFY(!window.serverPanel()->server()->isRunning());
}

void TestLearnLessons::dropLessonExplainsACleanCloseThen1006()
{
    MainWindow window;
    runLesson(window, QStringLiteral("drop"));
    Connection *dropped = window.learnPanel()->runner()->connection();
    QVERIFY(dropped);
    const CloseExplanation explanation = dropped->closeExplanation();
    QCOMPARE(explanation.effectiveCode, 1006);
    QCOMPARE(explanation.closer, CloseExplanation::Closer::Neither);
    const QStringList notes = window.learnPanel()->runner()->notes();
    QCOMPARE(notes.size(), 2); // the clean close first, then the drop
    QVERIFY2(notes.at(0).contains(QLatin1String("1000")), qPrintable(notes.at(0)));
    QCOMPARE(notes.at(1), explanation.summary);
    QVERIFY(window.serverPanel()->server()->isRunning()); // only the connection went, not the server
}

void TestLearnLessons::reconnectLessonOpensTheNextAttempt()
{
    MainWindow window;
    runLesson(window, QStringLiteral("reconnect"));
    Connection *attempt = window.learnPanel()->runner()->connection();
    QVERIFY(attempt);
    QCOMPARE(attempt->attempt(), 2);
    QVERIFY(attempt->inGroup());
    QCOMPARE(attempt->closeExplanation().effectiveCode, 1000); // the lesson's own close, never reconnected
    ReconnectController *controller = window.reconnectControllerFor(attempt);
    QVERIFY(controller);
    QCOMPARE(controller->attemptCount(), 2);
    QCOMPARE(controller->phase(), ReconnectController::Phase::Stopped);
}

void TestLearnLessons::manyLessonMeasuresTheIdleClients()
{
    MainWindow window;
    runLesson(window, QStringLiteral("many"));
    const QStringList notes = window.learnPanel()->runner()->notes();
    QCOMPARE(notes.size(), 2);
    QVERIFY2(notes.at(0).startsWith(QLatin1String("Before: ")), qPrintable(notes.at(0)));
    QVERIFY2(notes.at(1).startsWith(QLatin1String("After 50 idle clients: ")), qPrintable(notes.at(1)));
    // Each idle client is two descriptors here at least (the client's socket and the server's): the note says so.
    const QRegularExpression perConnection(QStringLiteral("open descriptors \\(([0-9.]+) per connection\\)"));
    const QRegularExpressionMatch match = perConnection.match(notes.at(1));
    QVERIFY2(match.hasMatch(), qPrintable(notes.at(1)));
    QVERIFY2(match.captured(1).toDouble() >= 2.0, qPrintable(notes.at(1)));
    // The server saw the 50 clients and they are gone again.
    QTRY_COMPARE(window.serverPanel()->server()->clients().size(), 0);
}

void TestLearnLessons::whyLessonStepsThroughItsText()
{
    MainWindow window;
    QSignalSpy steps(window.learnPanel()->runner(), &LessonRunner::stepStarted);
    runLesson(window, QStringLiteral("why"));
    QCOMPARE(steps.size(), 6);
    QVERIFY(window.workspace()->connections().isEmpty()); // reading only: nothing was opened
}

QTEST_MAIN(TestLearnLessons)
#include "tst_learnlessons.moc"
