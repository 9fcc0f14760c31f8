#pragma once

// The peers and files a tst_cli_* runs wsinspector-cli against: python3-websockets, node-ws, the raw socket
// server, three wss servers, generated certificates and payload files. Each test starts only what it uses.

#include "clirun.h"
#include "peerprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

class CliPeers
{
public:
    enum Need {
        Python = 0x01,
        Node = 0x02,
        Raw = 0x04,
        Certificates = 0x08, // tests/peers/make_certs.py into cert()
        Wss = 0x10 | Certificates, // self-signed, CA-signed and mutual-TLS servers
        PayloadFiles = 0x20, // all-bytes.bin, text.txt, latin1.txt in file()
    };

    CliPeers() = default;
    CliPeers(const CliPeers &) = delete;
    CliPeers &operator=(const CliPeers &) = delete;
    ~CliPeers() { stop(); }

    // For initTestCase: fails the calling test function (as QVERIFY does) when something does not start.
    void start(int needs)
    {
        QVERIFY2(QFileInfo::exists(QStringLiteral(WSI_CLI_PATH)), WSI_CLI_PATH);
        if (needs & Python)
            QVERIFY2(m_python.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")),
                "python3-websockets server did not start");
        if (needs & Node)
            QVERIFY2(
                m_node.start(QStringLiteral("node"), QStringLiteral("ws_server.js")), "node-ws server did not start");
        if (needs & Raw)
            QVERIFY2(m_raw.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("raw_server.py")),
                "raw socket server did not start");
        QVERIFY(cliHome().isValid());
        QVERIFY(m_certs.isValid() && m_files.isValid());
        if ((needs & Certificates) == Certificates) {
            QProcess makeCerts;
            makeCerts.start(QStringLiteral(WSI_SYSTEM_PYTHON),
                { QStringLiteral(WSI_TEST_PEERS_DIR "/make_certs.py"), m_certs.path() });
            QVERIFY2(makeCerts.waitForFinished(30000) && makeCerts.exitCode() == 0, makeCerts.readAllStandardError());
        }
        if ((needs & Wss) == Wss) {
            QVERIFY(m_wssSelfSigned.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("wss_server.py"),
                { cert(QStringLiteral("selfsigned.pem")), cert(QStringLiteral("selfsigned.key")) }));
            QVERIFY(m_wssGood.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("wss_server.py"),
                { cert(QStringLiteral("good.pem")), cert(QStringLiteral("good.key")) }));
            QVERIFY(m_wssMutual.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("wss_server.py"),
                { cert(QStringLiteral("good.pem")), cert(QStringLiteral("good.key")), QStringLiteral("--client-ca"),
                    cert(QStringLiteral("ca.pem")) }));
        }

        if (needs & PayloadFiles) {
            // Payload files: every byte value, UTF-8 text, and bytes that are not UTF-8.
            QByteArray allBytes;
            for (int i = 0; i < 256; ++i)
                allBytes.append(char(i));
            const QList<QPair<QString, QByteArray>> files { { QStringLiteral("all-bytes.bin"), allBytes },
                { QStringLiteral("text.txt"), QStringLiteral("grüße {{counter}}\nzweite Zeile").toUtf8() },
                { QStringLiteral("latin1.txt"), QByteArray("caf\xff au lait") } };
            for (const auto &[name, bytes] : files) {
                QFile f(file(name));
                QVERIFY(f.open(QIODevice::WriteOnly));
                f.write(bytes);
            }
        }
    }

    void stop()
    {
        m_python.stop();
        m_node.stop();
        m_raw.stop();
        m_wssSelfSigned.stop();
        m_wssGood.stop();
        m_wssMutual.stop();
    }

    PeerProcess &python() { return m_python; }
    PeerProcess &node() { return m_node; }
    PeerProcess &raw() { return m_raw; }
    PeerProcess &wssSelfSigned() { return m_wssSelfSigned; }
    PeerProcess &wssGood() { return m_wssGood; }
    PeerProcess &wssMutual() { return m_wssMutual; }

    QString file(const QString &name) const { return m_files.filePath(name); }
    QString cert(const QString &name) const { return m_certs.filePath(name); }
    static QString wssUrl(const PeerProcess &peer) { return QStringLiteral("wss://127.0.0.1:%1/").arg(peer.port()); }

    // The FRAME lines raw_server.py printed since `from` (bytes of its output), waiting until there are `count`.
    QStringList reportedFrames(qsizetype from, qsizetype count)
    {
        QStringList frames;
        QElapsedTimer waited;
        waited.start();
        do {
            frames.clear();
            const QList<QByteArray> lines = m_raw.readOutput().mid(from).split('\n');
            for (const QByteArray &line : lines) {
                if (line.startsWith("FRAME "))
                    frames << QString::fromLatin1(line.trimmed());
            }
            if (frames.size() >= count)
                break;
            QTest::qWait(20);
        } while (waited.elapsed() < 5000);
        return frames;
    }

private:
    PeerProcess m_python;
    PeerProcess m_node;
    PeerProcess m_raw;
    PeerProcess m_wssSelfSigned;
    PeerProcess m_wssGood;
    PeerProcess m_wssMutual;
    QTemporaryDir m_certs;
    QTemporaryDir m_files;
};
