#pragma once

// Runs the real wsinspector-cli for tst_cli_*: `connect` to completion (runCli) or `serve` in the background
// (ServeProcess), and parses what it printed as session log lines. Every child gets HOME and the XDG folders
// of one temporary directory, so the CA it creates never lands in the real app data folder. Bounded.

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

// Exit codes of wsinspector-cli (docs/cli.md).
constexpr int kCleanClose = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;
constexpr int kUncleanClose = 3;

// The temporary home of every wsinspector-cli this test starts.
inline QTemporaryDir &cliHome()
{
    static QTemporaryDir dir;
    return dir;
}

// Where the CLI keeps its CA (QStandardPaths::AppDataLocation for WSInspector/wsinspector).
inline QString cliCaCertificate()
{
    return cliHome().filePath(QStringLiteral("data/WSInspector/wsinspector/ca/ca-cert.pem"));
}

inline QProcessEnvironment cliEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), cliHome().path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), cliHome().filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), cliHome().filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), cliHome().filePath(QStringLiteral("cache")));
    return env;
}

struct CliRun
{
    bool exited = false; // ended by itself within the bound (not killed, not crashed)
    int exitCode = -1;
    qint64 elapsedMs = 0;
    QByteArray out;
    QByteArray err;
    QList<QJsonObject> lines;
    QStringList problems; // stdout lines that are not JSON objects, or a last line without '\n'

    QList<QJsonObject> events(const QString &event, const QString &dir = {}, int conn = -1) const
    {
        QList<QJsonObject> found;
        for (const QJsonObject &o : lines) {
            if (o.value(QLatin1String("event")).toString() == event
                && (dir.isEmpty() || o.value(QLatin1String("dir")).toString() == dir)
                && (conn < 0 || o.value(QLatin1String("conn")).toInt() == conn))
                found << o;
        }
        return found;
    }
    QJsonObject first(const QString &event, const QString &dir = {}, int conn = -1) const
    {
        return events(event, dir, conn).value(0);
    }
    QStringList texts(const QString &dir, int conn = -1) const
    {
        QStringList texts;
        for (const QJsonObject &o : events(QStringLiteral("message"), dir, conn)) {
            if (o.value(QLatin1String("type")).toString() == QLatin1String("text"))
                texts << o.value(QLatin1String("text")).toString();
        }
        return texts;
    }
    // Binary messages in a direction, decoded.
    QList<QByteArray> binaries(const QString &dir) const
    {
        QList<QByteArray> found;
        for (const QJsonObject &o : events(QStringLiteral("message"), dir)) {
            if (o.value(QLatin1String("type")).toString() == QLatin1String("binary"))
                found << QByteArray::fromBase64(o.value(QLatin1String("base64")).toString().toLatin1());
        }
        return found;
    }
    // For failure messages.
    QString describe() const
    {
        return QStringLiteral("exit %1 after %2 ms; stderr: %3; stdout:\n%4")
            .arg(exitCode)
            .arg(elapsedMs)
            .arg(QString::fromUtf8(err.trimmed()), QString::fromUtf8(out.left(6000)));
    }

    void parse()
    {
        lines.clear();
        problems.clear();
        if (!out.isEmpty() && !out.endsWith('\n'))
            problems << QStringLiteral("the last line has no newline");
        const QList<QByteArray> rawLines = out.split('\n');
        for (qsizetype i = 0; i + 1 < rawLines.size(); ++i) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(rawLines[i], &error);
            if (error.error != QJsonParseError::NoError || !doc.isObject())
                problems << QStringLiteral("line %1 is not a JSON object (%2): %3")
                                .arg(i + 1)
                                .arg(error.errorString(), QString::fromUtf8(rawLines[i].left(300)));
            else
                lines << doc.object();
        }
    }
};

// Runs `wsinspector-cli ARGS` while this test's event loop keeps running (so servers inside the test can
// accept). Killed if it is still running after boundMs.
inline CliRun runCliCommand(const QStringList &args, int boundMs = 20000)
{
    CliRun run;
    QProcess process;
    process.setProcessEnvironment(cliEnvironment());
    process.setProgram(QStringLiteral(WSI_CLI_PATH));
    process.setArguments(args);
    QEventLoop loop;
    QTimer bound;
    bound.setSingleShot(true);
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QObject::connect(&bound, &QTimer::timeout, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    process.start();
    bound.start(boundMs);
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    run.elapsedMs = timer.elapsed();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
    } else {
        run.exited = process.exitStatus() == QProcess::NormalExit && process.error() != QProcess::FailedToStart;
    }
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    run.parse();
    return run;
}

// `wsinspector-cli convert` of a run's output: writes it to `in`, converts that to `out` and returns what convert
// wrote; on failure an empty array and the reason in *failure.
inline QByteArray convertedOutput(const QByteArray &output, const QString &in, const QString &out, QString *failure)
{
    QFile input(in);
    if (!input.open(QIODevice::WriteOnly) || input.write(output) != output.size()) {
        *failure = QStringLiteral("cannot write ") + in;
        return {};
    }
    input.close();
    const CliRun converted = runCliCommand({ QStringLiteral("convert"), in, out });
    if (!converted.exited || converted.exitCode != 0) {
        *failure = converted.describe();
        return {};
    }
    QFile written(out);
    if (!written.open(QIODevice::ReadOnly)) {
        *failure = QStringLiteral("convert wrote no ") + out;
        return {};
    }
    return written.readAll();
}

// `wsinspector-cli connect ARGS`.
inline CliRun runCli(const QStringList &args, int boundMs = 20000)
{
    return runCliCommand(QStringList { QStringLiteral("connect") } + args, boundMs);
}

// `wsinspector-cli serve ARGS` in the background: start() waits for the listening line; stop() sends
// SIGTERM and collects the output. Killed with the object if still running.
class ServeProcess
{
public:
    ServeProcess() = default;
    ServeProcess(const ServeProcess &) = delete;
    ServeProcess &operator=(const ServeProcess &) = delete;
    ~ServeProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    bool start(const QStringList &args, int timeoutMs = 10000)
    {
        m_process.setProcessEnvironment(cliEnvironment());
        m_process.start(QStringLiteral(WSI_CLI_PATH), QStringList { m_command } + args);
        m_timer.start();
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < timeoutMs && m_process.state() != QProcess::NotRunning) {
            m_run.out += m_process.readAllStandardOutput();
            for (const QByteArray &line : m_run.out.split('\n')) {
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                if (o.value(QLatin1String("event")).toString() == QLatin1String("listening")) {
                    m_url = o.value(QLatin1String("url")).toString();
                    return true;
                }
            }
            QTest::qWait(20);
        }
        return false;
    }

    QString url(const QString &path = QStringLiteral("/")) const { return m_url.left(m_url.size() - 1) + path; }
    QString listeningUrl() const { return m_url; }

    // Waits (bounded, keeping the event loop running) until stdout holds needle.
    bool waitForOutput(const QByteArray &needle, int timeoutMs = 10000)
    {
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < timeoutMs) {
            m_run.out += m_process.readAllStandardOutput();
            if (m_run.out.contains(needle))
                return true;
            QTest::qWait(20);
        }
        return false;
    }

    // How often needle occurs in stdout so far.
    qsizetype outputCount(const QByteArray &needle)
    {
        m_run.out += m_process.readAllStandardOutput();
        return m_run.out.count(needle);
    }
    // Waits (bounded, keeping the event loop running) until stdout holds needle at least count times.
    bool waitForOutputCount(const QByteArray &needle, qsizetype count, int timeoutMs = 10000)
    {
        QElapsedTimer waited;
        waited.start();
        while (outputCount(needle) < count) {
            if (waited.elapsed() >= timeoutMs)
                return false;
            QTest::qWait(20);
        }
        return true;
    }

    // SIGTERM (or nothing, when it stops by itself), then waits up to boundMs for it to end.
    CliRun finish(bool terminate, int boundMs)
    {
        QElapsedTimer waited;
        waited.start();
        if (terminate)
            m_process.terminate();
        while (m_process.state() != QProcess::NotRunning && waited.elapsed() < boundMs)
            QTest::qWait(10);
        m_run.elapsedMs = waited.elapsed();
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        } else {
            m_run.exited = m_process.exitStatus() == QProcess::NormalExit;
        }
        m_run.exitCode = m_process.exitCode();
        m_run.out += m_process.readAllStandardOutput();
        m_run.err = m_process.readAllStandardError();
        m_run.parse();
        return m_run;
    }

    qint64 runningMs() const { return m_timer.elapsed(); }
    // Writes to its standard input (proxy --hold reads its commands there).
    void writeInput(const QByteArray &bytes) { m_process.write(bytes); }
    qint64 processId() const { return m_process.processId(); } // e.g. to read its /proc/PID/status
    // Another command that prints a listening line first (`proxy`); before start().
    void setCommand(const QString &command) { m_command = command; }

private:
    QString m_command = QStringLiteral("serve");
    QProcess m_process;
    QElapsedTimer m_timer;
    QString m_url;
    CliRun m_run;
};
