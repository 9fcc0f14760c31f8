// ReconnectController: the countdown on an injected clock (no sleeping), what ends a connection for good,
// and a real python3-websockets server that is stopped and restarted on the same port.
#include "connection/connection.h"
#include "connection/reconnectcontroller.h"
#include "connection/workspace.h"
#include "eventquery.h"
#include "peerprocess.h"

#include <QSignalSpy>
#include <QTest>

using namespace wsi;

namespace {

bool waitFinished(Connection *c, int ms = 15000)
{
    return QTest::qWaitFor(
        [c] { return c->state() == Connection::State::Closed || c->state() == Connection::State::Failed; }, ms);
}

// The text of the connection's last Info row (the controller's notes), or empty.
QString lastInfo(const Connection *c)
{
    const QList<qsizetype> rows = eventsOf(*c, EventType::Info, Direction::None);
    return rows.isEmpty() ? QString() : c->events().payloadText(rows.last());
}

} // namespace

class tst_ReconnectController : public QObject
{
    Q_OBJECT

private:
    PeerProcess m_python;
    quint16 m_closedPort = 0; // a port where nothing listens

    static ConnectionOptions optionsFor(const QString &url, int initialMs, int maxMs, int maxAttempts)
    {
        ConnectionOptions options;
        options.url = QUrl(url);
        options.timeoutMs = 10000;
        options.reconnect.enabled = true;
        options.reconnect.initialDelayMs = initialMs;
        options.reconnect.maxDelayMs = maxMs;
        options.reconnect.maxAttempts = maxAttempts;
        options.reconnect.jitter = 0.0;
        return options;
    }

    QString closedUrl() const { return QStringLiteral("ws://127.0.0.1:%1/echo").arg(m_closedPort); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_python.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")),
            "python3-websockets server did not start");
        PeerProcess gone;
        QVERIFY(gone.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
        m_closedPort = gone.port();
        gone.stop();
    }

    void countsDownOnTheInjectedClock()
    {
        Workspace workspace;
        qint64 now = 1000;
        Connection *first = workspace.openConnection(optionsFor(closedUrl(), 60000, 600000, 3));
        ReconnectController controller(
            &workspace, first, [] { return 0.5; }, [&now] { return now; });
        QCOMPARE(controller.groupId(), first->id());
        QCOMPARE(first->attempt(), 1);
        QSignalSpy phases(&controller, &ReconnectController::phaseChanged);
        QVERIFY(waitFinished(first));
        QTRY_COMPARE_WITH_TIMEOUT(controller.phase(), ReconnectController::Phase::Waiting, 5000);
        // Attempt 1 is due initialDelayMs after the failure, on the injected clock.
        QCOMPARE(controller.nextAttempt(), 1);
        QCOMPARE(controller.remainingMs(), qint64(60000));
        QCOMPARE(controller.countdownText(), QStringLiteral("Reconnecting in 60.0 s (attempt 1 of 3)"));
        now += 56800;
        QCOMPARE(controller.remainingMs(), qint64(3200));
        QCOMPARE(controller.countdownText(), QStringLiteral("Reconnecting in 3.2 s (attempt 1 of 3)"));
        now += 5000;
        QCOMPARE(controller.remainingMs(), qint64(0));
    }

    void reconnectNowOpensANewConnectionPerAttemptUntilMaxAttempts()
    {
        Workspace workspace;
        qint64 now = 0;
        Connection *first = workspace.openConnection(optionsFor(closedUrl(), 60000, 600000, 3));
        ReconnectController controller(
            &workspace, first, [] { return 0.5; }, [&now] { return now; });
        QSignalSpy started(&controller, &ReconnectController::attemptStarted);
        QList<qint64> delays;
        for (int attempt = 1; attempt <= 3; ++attempt) {
            QTRY_COMPARE_WITH_TIMEOUT(controller.phase(), ReconnectController::Phase::Waiting, 10000);
            delays << controller.remainingMs();
            controller.reconnectNow();
            QCOMPARE(started.size(), attempt);
            Connection *c = started.last().at(0).value<Connection *>();
            QCOMPARE(c->groupId(), first->id());
            QCOMPARE(c->attempt(), attempt + 1);
            QCOMPARE(workspace.connections().size(), attempt + 1);
            QVERIFY(waitFinished(c));
        }
        // Exponential backoff, doubling from the initial delay (no jitter at 0.5).
        QCOMPARE(delays, (QList<qint64> { 60000, 120000, 240000 }));
        QTRY_COMPARE_WITH_TIMEOUT(controller.phase(), ReconnectController::Phase::GaveUp, 10000);
        QCOMPARE(controller.countdownText(), QStringLiteral("Gave up after 3 attempts."));
        QCOMPARE(workspace.connections().size(), 4);
    }

    void aLimitInAllEndsEvenWhenEveryAttemptOpens()
    {
        // The python peer's /drop opens, reads one message and drops: every open starts the policy's count
        // afresh, so only the limit in all (the CLI's) ends it.
        Workspace workspace;
        const auto sayByeWhenOpen = [](Connection *c) {
            QObject::connect(c, &Connection::stateChanged, c, [c](Connection::State state) {
                if (state == Connection::State::Open)
                    c->sendText(QStringLiteral("bye"));
            });
        };
        Connection *first = workspace.openConnection(optionsFor(m_python.url(QStringLiteral("/drop")), 20, 40, 5));
        sayByeWhenOpen(first);
        ReconnectController controller(&workspace, first);
        controller.limitAttemptsInAll(2);
        QSignalSpy started(&controller, &ReconnectController::attemptStarted);
        connect(&controller, &ReconnectController::attemptStarted, this, sayByeWhenOpen);
        QTRY_COMPARE_WITH_TIMEOUT(controller.phase(), ReconnectController::Phase::GaveUp, 20000);
        QCOMPARE(started.size(), 2);
        QCOMPARE(workspace.connections().size(), 3);
        QCOMPARE(controller.countdownText(), QStringLiteral("Gave up after 2 attempts."));
        Connection *last = workspace.connections().last();
        QVERIFY(last->state() == Connection::State::Failed || last->state() == Connection::State::Closed);
        QCOMPARE(lastInfo(last), QStringLiteral("Auto-reconnect gave up after 2 attempts in all."));
    }

    void stopCancelsTheScheduledAttempt()
    {
        Workspace workspace;
        qint64 now = 0;
        Connection *first = workspace.openConnection(optionsFor(closedUrl(), 60000, 600000, 0));
        ReconnectController controller(&workspace, first, {}, [&now] { return now; });
        QTRY_COMPARE_WITH_TIMEOUT(controller.phase(), ReconnectController::Phase::Waiting, 10000);
        controller.stop();
        QCOMPARE(controller.phase(), ReconnectController::Phase::Stopped);
        QCOMPARE(controller.remainingMs(), qint64(0));
        controller.reconnectNow(); // nothing scheduled any more
        QCOMPARE(workspace.connections().size(), 1);
        QCOMPARE(controller.countdownText(), QStringLiteral("Auto-reconnect stopped by the user."));
    }

    void userCloseNeverReconnects()
    {
        Workspace workspace;
        Connection *first = workspace.openConnection(optionsFor(m_python.url(QStringLiteral("/echo")), 10, 10, 5));
        ReconnectController controller(&workspace, first);
        QTRY_COMPARE_WITH_TIMEOUT(first->state(), Connection::State::Open, 10000);
        QVERIFY(first->close());
        QVERIFY(waitFinished(first));
        QTRY_COMPARE_WITH_TIMEOUT(controller.phase(), ReconnectController::Phase::Stopped, 5000);
        QCOMPARE(workspace.connections().size(), 1);
    }

    void cleanCloseReconnectsOnlyWhenAsked_data()
    {
        QTest::addColumn<bool>("afterCleanClose");
        QTest::addColumn<ReconnectController::Phase>("phase");
        QTest::newRow("default: a clean 4001 ends it") << false << ReconnectController::Phase::Stopped;
        QTest::newRow("reconnect after clean close") << true << ReconnectController::Phase::Waiting;
    }

    void cleanCloseReconnectsOnlyWhenAsked()
    {
        QFETCH(bool, afterCleanClose);
        QFETCH(ReconnectController::Phase, phase);
        Workspace workspace;
        ConnectionOptions options = optionsFor(m_python.url(QStringLiteral("/close4001")), 60000, 60000, 5);
        options.reconnect.reconnectAfterCleanClose = afterCleanClose;
        Connection *first = workspace.openConnection(options);
        ReconnectController controller(&workspace, first);
        QVERIFY(waitFinished(first));
        QTRY_COMPARE_WITH_TIMEOUT(controller.phase(), phase, 5000);
        QVERIFY2(first->statusText().contains(QStringLiteral("4001")), qPrintable(first->statusText()));
        QVERIFY2(first->statusText().contains(QStringLiteral("clean")), qPrintable(first->statusText()));
    }

    void serverStoppedAndRestartedOnTheSamePort()
    {
        PeerProcess server;
        QVERIFY(server.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
        const quint16 port = server.port();
        Workspace workspace;
        Connection *first = workspace.openConnection(optionsFor(server.url(QStringLiteral("/echo")), 50, 200, 0));
        ReconnectController controller(&workspace, first);
        QTRY_COMPARE_WITH_TIMEOUT(first->state(), Connection::State::Open, 10000);

        QSignalSpy started(&controller, &ReconnectController::attemptStarted);
        server.stop(); // python drops its clients: the TCP connection goes away
        QVERIFY(waitFinished(first));
        QVERIFY(!first->closedByUser());
        // Attempts now fail at the TCP layer: nothing listens on the port.
        QTRY_VERIFY_WITH_TIMEOUT(started.size() >= 2, 15000);
        Connection *refused = started.at(0).at(0).value<Connection *>();
        QVERIFY(waitFinished(refused));
        QCOMPARE(refused->state(), Connection::State::Failed);
        QList<ErrorLayer> layers;
        const QStringList errors = errorsOf(*refused, &layers);
        QVERIFY(!errors.isEmpty());
        QCOMPARE(layers.front(), ErrorLayer::Tcp);
        QVERIFY2(errors.front().contains(QStringLiteral("refused"), Qt::CaseInsensitive), qPrintable(errors.front()));
        QVERIFY2(
            refused->statusText().contains(QStringLiteral("Is the server running")), qPrintable(refused->statusText()));

        // Back on the same port: the next attempt opens, and the count starts afresh.
        PeerProcess again;
        QVERIFY(again.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py"),
            { QStringLiteral("--port"), QString::number(port) }));
        QCOMPARE(again.port(), port);
        QTRY_VERIFY_WITH_TIMEOUT(
            controller.current() && controller.current()->state() == Connection::State::Open, 15000);
        Connection *working = controller.current();
        QVERIFY(working->attempt() >= 3);
        QCOMPARE(working->groupId(), first->id());
        QCOMPARE(controller.nextAttempt(), 0);
        QCOMPARE(controller.phase(), ReconnectController::Phase::Watching);
        // Every attempt is its own connection of the same group.
        for (Connection *c : workspace.connections())
            QCOMPARE(c->groupId(), first->id());
        QCOMPARE(workspace.connections().size(), working->attempt());
        QVERIFY(working->close());
        QVERIFY(waitFinished(working));
        QTRY_COMPARE_WITH_TIMEOUT(controller.phase(), ReconnectController::Phase::Stopped, 5000);
    }
};

QTEST_GUILESS_MAIN(tst_ReconnectController)
#include "tst_reconnectcontroller.moc"
