#pragma once

// Runs a real WebSocket client (tests/peers/ws_client.py or ws_client.js) against a server that lives in
// the test's own thread: the wait keeps the event loop running. Returns its stdout lines. Bounded.

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTest>

inline QStringList runClient(
    const QString &program, const QString &script, const QStringList &args, int timeoutMs = 25000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NODE_PATH"), QStringLiteral("/usr/share/nodejs"));
    process.setProcessEnvironment(env);
    process.start(program, QStringList { QStringLiteral(WSI_TEST_PEERS_DIR "/") + script } + args);
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
