#pragma once

// Runs a real WebSocket client (tests/peers/ws_client.py or ws_client.js) against a server that lives in
// the test's own thread: the wait keeps the event loop running. Returns its stdout lines. Bounded.
// BackgroundClient runs one of tests/peers while the test goes on.

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTest>

// A script of tests/peers run by python3 or node (which finds the ws module in Debian's folder).
inline void startPeerScript(QProcess &process, const QString &program, const QString &script, const QStringList &args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NODE_PATH"), QStringLiteral("/usr/share/nodejs"));
    process.setProcessEnvironment(env);
    process.start(program, QStringList { QStringLiteral(WSI_TEST_PEERS_DIR "/") + script } + args);
}

inline QStringList runClient(
    const QString &program, const QString &script, const QStringList &args, int timeoutMs = 25000)
{
    QProcess process;
    startPeerScript(process, program, script, args);
    QElapsedTimer timer;
    timer.start();
    while (process.state() != QProcess::NotRunning && timer.elapsed() < timeoutMs)
        QTest::qWait(20);
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(3000);
        return { QStringLiteral("ERROR client did not finish in time") };
    }
    QStringList lines = QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QString errors = QString::fromUtf8(process.readAllStandardError()).trimmed();
    if (!errors.isEmpty())
        lines << QStringLiteral("STDERR ") + errors;
    return lines;
}

inline QStringList runPythonClient(const QStringList &args)
{
    return runClient(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_client.py"), args);
}

inline QStringList runNodeClient(const QStringList &args)
{
    return runClient(QStringLiteral("node"), QStringLiteral("ws_client.js"), args);
}

// A script of tests/peers running while the test goes on (a client that stays, one stopped by the server under
// test); killed with the object if it is still running.
class BackgroundClient
{
public:
    BackgroundClient() = default;
    BackgroundClient(const BackgroundClient &) = delete;
    BackgroundClient &operator=(const BackgroundClient &) = delete;
    ~BackgroundClient()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }

    void start(const QString &program, const QString &script, const QStringList &args)
    {
        startPeerScript(m_process, program, script, args);
    }
    void startPython(const QStringList &args)
    {
        start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_client.py"), args);
    }
    void startNode(const QStringList &args) { start(QStringLiteral("node"), QStringLiteral("ws_client.js"), args); }

    // Waits until it ended, the event loop running; false when it still runs after timeoutMs.
    bool waitUntilEnded(int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (m_process.state() != QProcess::NotRunning && timer.elapsed() < timeoutMs)
            QTest::qWait(20);
        return m_process.state() == QProcess::NotRunning;
    }
    // Its stdout lines once it ended (bounded).
    QStringList finish(int timeoutMs = 25000)
    {
        if (!waitUntilEnded(timeoutMs))
            return { QStringLiteral("ERROR did not finish") };
        return QString::fromUtf8(m_process.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
};
