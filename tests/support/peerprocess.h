#pragma once

// Starts a real WebSocket peer (python3-websockets, node-ws, or a raw socket script) on 127.0.0.1 for a test,
// waits for it to print "PORT <n>", and kills it when the test is done. Every wait is bounded.

#include <QByteArray>
#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTest>

class PeerProcess
{
public:
    PeerProcess() = default;
    PeerProcess(const PeerProcess &) = delete;
    PeerProcess &operator=(const PeerProcess &) = delete;
    ~PeerProcess() { stop(); }

    // program: e.g. WSI_SYSTEM_PYTHON or "node"; script path relative to tests/peers.
    bool start(const QString &program, const QString &script, const QStringList &args = {}, int timeoutMs = 15000)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NODE_PATH"), QStringLiteral("/usr/share/nodejs"));
        env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(program, QStringList { QStringLiteral(WSI_TEST_PEERS_DIR "/") + script } + args);
        if (!m_process.waitForStarted(timeoutMs))
            return false;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (m_process.canReadLine() || m_process.waitForReadyRead(100)) {
                while (m_process.canReadLine()) {
                    const QByteArray line = m_process.readLine().trimmed();
                    if (line.startsWith("PORT ")) {
                        m_port = quint16(line.mid(5).toUInt());
                        return m_port != 0;
                    }
                }
            }
            if (m_process.state() == QProcess::NotRunning)
                break;
        }
        qWarning() << "peer did not report its port:" << m_process.readAllStandardError();
        return false;
    }

    quint16 port() const { return m_port; }
    QString url(const QString &path = QStringLiteral("/")) const
    {
        return QStringLiteral("ws://127.0.0.1:%1%2").arg(m_port).arg(path);
    }
    // What the peer printed after its port line (e.g. what a server saw), read without blocking.
    QByteArray readOutput()
    {
        m_output += m_process.readAllStandardOutput();
        return m_output;
    }
    // Forgets what was printed so far, so that a test reads only what its own connection caused.
    void clearOutput()
    {
        m_process.readAllStandardOutput();
        m_output.clear();
    }
    QByteArray readErrors() { return m_process.readAllStandardError(); }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

private:
    QProcess m_process;
    quint16 m_port = 0;
    QByteArray m_output;
};
