// The per-install CA: private key files that stay private, a CA that survives restarts and is replaced
// (with a warning) when broken, and leaves that real TLS clients (Qt, OpenSSL, Python) accept.
#include "tls/certificateauthority.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <sys/stat.h>

using namespace wsi;

namespace {

int modeOf(const QString &path)
{
    struct stat status;
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return -1;
    return static_cast<int>(status.st_mode & 07777);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

// A TLS server on 127.0.0.1 presenting one issued certificate; it answers "hello\n" once encrypted.
class TlsServer : public QTcpServer
{
public:
    explicit TlsServer(const IssuedCertificate &issued)
        : m_issued(issued)
    { }

    QList<QSslError> errors;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificateChain(m_issued.chain);
        configuration.setPrivateKey(m_issued.key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        socket->setSslConfiguration(configuration);
        connect(socket, &QSslSocket::encrypted, socket, [socket] { socket->write("hello\n"); });
        connect(socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &e) { errors += e; });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        socket->startServerEncryption();
    }

private:
    IssuedCertificate m_issued;
};

} // namespace

class tst_CertificateAuthority : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_temp;
    QString caDir() const { return m_temp->filePath(QStringLiteral("data/ca")); }

    static bool runOpenssl(const QStringList &arguments, QByteArray *output)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral("openssl"), arguments);
        const bool finished = process.waitForFinished(20000);
        *output = process.readAll();
        if (!finished)
            process.kill();
        return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_temp->isValid());
    }

    void cleanup() { m_temp.reset(); }

    void generatesCaWithPrivateKeyFileAndFolder()
    {
        CertificateAuthority ca(caDir());
        QString warning = QStringLiteral("stale");
        QVERIFY2(ca.load(&warning), qPrintable(ca.lastError()));
        QVERIFY2(warning.isEmpty(), qPrintable(warning)); // first use is not worth a warning
        QCOMPARE(ca.certificatePath(), QDir(caDir()).filePath(QStringLiteral("ca-cert.pem")));
        QVERIFY(QFile::exists(ca.certificatePath()));
        QCOMPARE(modeOf(ca.keyPath()), 0600);
        QCOMPARE(modeOf(caDir()), 0700);
        // No temporary files left behind.
        QCOMPARE(QDir(caDir()).entryList(QDir::Files | QDir::Hidden),
            QStringList({ QStringLiteral("ca-cert.pem"), QStringLiteral("ca-key.pem") }));
        QVERIFY(readAll(ca.keyPath()).startsWith("-----BEGIN PRIVATE KEY-----"));
    }

    void caCertificateHasTheDesignedProfile()
    {
        CertificateAuthority ca(caDir());
        QVERIFY(ca.load());
        const QSslCertificate cert = ca.certificate();
        QVERIFY(!cert.isNull());
        QVERIFY(cert.isSelfSigned());
        QVERIFY(cert.subjectInfo(QSslCertificate::CommonName)
                    .value(0)
                    .startsWith(QStringLiteral("WS Inspector Local CA (")));
        QCOMPARE(cert.publicKey().algorithm(), QSsl::Ec);
        QCOMPARE(cert.publicKey().length(), 256);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(qAbs(cert.effectiveDate().secsTo(now.addSecs(-3600))) < 60);
        QVERIFY(qAbs(cert.expiryDate().daysTo(now.addYears(2))) <= 2);

        QByteArray text;
        QVERIFY(runOpenssl({ QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-text"),
                               QStringLiteral("-in"), ca.certificatePath() },
            &text));
        QVERIFY2(
            text.contains("X509v3 Basic Constraints: critical\n                CA:TRUE, pathlen:0"), text.constData());
        QVERIFY2(
            text.contains("X509v3 Key Usage: critical\n                Certificate Sign, CRL Sign"), text.constData());
        QVERIFY(text.contains("X509v3 Subject Key Identifier"));
        QVERIFY(text.contains("Version: 3 (0x2)"));
    }

    void reloadKeepsTheSameCa()
    {
        QByteArray firstKey;
        QSslCertificate first;
        {
            CertificateAuthority ca(caDir());
            QVERIFY(ca.load());
            first = ca.certificate();
            firstKey = readAll(ca.keyPath());
        }
        CertificateAuthority again(caDir());
        QString warning;
        QVERIFY(again.load(&warning));
        QVERIFY2(warning.isEmpty(), qPrintable(warning));
        QCOMPARE(again.certificate(), first);
        QCOMPARE(readAll(again.keyPath()), firstKey);
        // And what it issues chains to the CA the first run wrote.
        QVERIFY(
            again.issue({ QStringLiteral("localhost") }).certificate.issuerDisplayName() == first.subjectDisplayName());
    }

    void replacesBrokenCaWithWarning_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("warningMentions");
        QTest::newRow("key readable by others") << "chmod-0644"
                                                << "read by other users";
        QTest::newRow("key group-readable") << "chmod-0640"
                                            << "read by other users";
        QTest::newRow("key read-only for owner") << "chmod-0400"
                                                 << "0400";
        QTest::newRow("corrupt certificate") << "corrupt-cert"
                                             << "certificate file is corrupt";
        QTest::newRow("corrupt key") << "corrupt-key"
                                     << "key file is corrupt";
        QTest::newRow("key of another CA") << "foreign-key"
                                           << "does not belong";
        QTest::newRow("certificate missing") << "remove-cert"
                                             << "certificate file is missing";
        QTest::newRow("key missing") << "remove-key"
                                     << "key file is missing";
        QTest::newRow("key is a symlink") << "symlink-key"
                                          << "not a regular file";
        QTest::newRow("certificate is not a CA") << "not-a-ca"
                                                 << "not a CA certificate";
        QTest::newRow("CA about to expire") << "expiring"
                                            << "expires within";
    }

    void replacesBrokenCaWithWarning()
    {
        QFETCH(QString, damage);
        QFETCH(QString, warningMentions);
        QSslCertificate original;
        QString keyPath;
        QString certificatePath;
        {
            CertificateAuthority ca(caDir());
            QVERIFY(ca.load());
            original = ca.certificate();
            keyPath = ca.keyPath();
            certificatePath = ca.certificatePath();
        }
        if (damage.startsWith(QLatin1String("chmod-"))) {
            QVERIFY(::chmod(QFile::encodeName(keyPath).constData(), damage.mid(6).toUInt(nullptr, 8)) == 0);
        } else if (damage == QLatin1String("corrupt-cert")) {
            QByteArray pem = readAll(certificatePath);
            pem[pem.size() / 2] = pem[pem.size() / 2] == 'A' ? 'B' : 'A';
            pem.remove(40, 30);
            QVERIFY(writeAll(certificatePath, pem));
        } else if (damage == QLatin1String("corrupt-key")) {
            QVERIFY(writeAll(keyPath, "-----BEGIN PRIVATE KEY-----\nnot base64 at all\n-----END PRIVATE KEY-----\n"));
        } else if (damage == QLatin1String("foreign-key")) {
            CertificateAuthority other(m_temp->filePath(QStringLiteral("other")));
            QVERIFY(other.load());
            QVERIFY(writeAll(keyPath, readAll(other.keyPath())));
        } else if (damage == QLatin1String("remove-cert")) {
            QVERIFY(QFile::remove(certificatePath));
        } else if (damage == QLatin1String("remove-key")) {
            QVERIFY(QFile::remove(keyPath));
        } else if (damage == QLatin1String("not-a-ca") || damage == QLatin1String("expiring")) {
            // A well-formed pair that is still unfit to be our CA.
            const QString config = m_temp->filePath(QStringLiteral("req.cnf"));
            QVERIFY(writeAll(config, "[req]\ndistinguished_name = dn\n[dn]\n"));
            const bool isCa = damage == QLatin1String("expiring");
            QByteArray output;
            QVERIFY2(runOpenssl({ QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-config"), config,
                                    QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                                    QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                                    QStringLiteral("-subj"), QStringLiteral("/CN=Impostor"), QStringLiteral("-days"),
                                    isCa ? QStringLiteral("10") : QStringLiteral("700"), QStringLiteral("-addext"),
                                    isCa ? QStringLiteral("basicConstraints=critical,CA:TRUE")
                                         : QStringLiteral("basicConstraints=critical,CA:FALSE"),
                                    QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certificatePath },
                         &output),
                output.constData());
            QVERIFY(::chmod(QFile::encodeName(keyPath).constData(), 0600) == 0);
        } else if (damage == QLatin1String("symlink-key")) {
            const QString elsewhere = m_temp->filePath(QStringLiteral("moved-key.pem"));
            QVERIFY(QFile::rename(keyPath, elsewhere));
            QVERIFY(QFile::link(elsewhere, keyPath));
        }

        CertificateAuthority reloaded(caDir());
        QString warning;
        QVERIFY2(reloaded.load(&warning), qPrintable(reloaded.lastError()));
        QVERIFY2(warning.contains(warningMentions), qPrintable(warning));
        QVERIFY2(warning.contains(QLatin1String("replaced by a newly generated one")), qPrintable(warning));
        QVERIFY(!reloaded.certificate().isNull());
        QVERIFY(reloaded.certificate() != original);
        QCOMPARE(modeOf(keyPath), 0600);
        QVERIFY(!QFileInfo(keyPath).isSymLink());
        QCOMPARE(QSslCertificate(readAll(certificatePath)), reloaded.certificate());

        // The replacement is a good CA: the next start loads it silently.
        CertificateAuthority third(caDir());
        QVERIFY(third.load(&warning));
        QVERIFY2(warning.isEmpty(), qPrintable(warning));
        QCOMPARE(third.certificate(), reloaded.certificate());
    }

    void issuesLeafWithSubjectAltNames_data()
    {
        QTest::addColumn<QStringList>("hostNames");
        QTest::addColumn<QStringList>("expectedDns");
        QTest::addColumn<QStringList>("expectedIps");
        QTest::newRow("one host name") << QStringList { "echo.example.com" } << QStringList { "echo.example.com" }
                                       << QStringList {};
        QTest::newRow("localhost and loopback addresses") << QStringList { "localhost", "127.0.0.1",
            "::1" } << QStringList { "localhost" } << QStringList { "127.0.0.1", "::1" };
        QTest::newRow("bracketed IPv6") << QStringList { "[2001:db8::1]" } << QStringList {}
                                        << QStringList { "2001:db8::1" };
        QTest::newRow("upper case and trailing dot")
            << QStringList { "WWW.Example.ORG." } << QStringList { "www.example.org" } << QStringList {};
        QTest::newRow("international name")
            << QStringList { "bücher.example" } << QStringList { "xn--bcher-kva.example" } << QStringList {};
        QTest::newRow("dotted name that is no address")
            << QStringList { "1.2.3" } << QStringList { "1.2.3" } << QStringList {};
        QTest::newRow("duplicates collapse")
            << QStringList { "a.test", "A.test" } << QStringList { "a.test" } << QStringList {};
    }

    void issuesLeafWithSubjectAltNames()
    {
        QFETCH(QStringList, hostNames);
        QFETCH(QStringList, expectedDns);
        QFETCH(QStringList, expectedIps);
        CertificateAuthority ca(caDir());
        QVERIFY(ca.load());
        const IssuedCertificate issued = ca.issue(hostNames);
        QVERIFY2(!issued.isNull(), qPrintable(ca.lastError()));
        const auto names = issued.certificate.subjectAlternativeNames();
        QStringList dns = names.values(QSsl::DnsEntry);
        dns.sort();
        expectedDns.sort();
        QCOMPARE(dns, expectedDns);
        QList<QHostAddress> ips;
        for (const QString &ip : names.values(QSsl::IpAddressEntry))
            ips.append(QHostAddress(ip));
        QCOMPARE(ips.size(), expectedIps.size());
        for (const QString &ip : expectedIps)
            QVERIFY2(ips.contains(QHostAddress(ip)), qPrintable(ip));

        QCOMPARE(issued.key.algorithm(), QSsl::Ec);
        QCOMPARE(issued.key.length(), 256);
        QCOMPARE(issued.chain, QList<QSslCertificate>({ issued.certificate, ca.certificate() }));
        QCOMPARE(issued.certificate.serialNumber().count(':') + 1, 16);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(qAbs(issued.certificate.effectiveDate().secsTo(now.addSecs(-3600))) < 60);
        QVERIFY(qAbs(issued.certificate.expiryDate().secsTo(now.addDays(397))) < 60);
    }

    void leafPassesOpensslStrictVerification()
    {
        CertificateAuthority ca(caDir());
        QVERIFY(ca.load());
        const IssuedCertificate issued = ca.issue({ QStringLiteral("ws.example.net"), QStringLiteral("127.0.0.1") });
        QVERIFY(!issued.isNull());
        const QString leafPath = m_temp->filePath(QStringLiteral("leaf.pem"));
        QVERIFY(writeAll(leafPath, issued.certificate.toPem()));
        QByteArray output;
        const QStringList common = { QStringLiteral("verify"), QStringLiteral("-x509_strict"),
            QStringLiteral("-purpose"), QStringLiteral("sslserver"), QStringLiteral("-CAfile"), ca.certificatePath() };
        QVERIFY2(
            runOpenssl(
                common + QStringList { QStringLiteral("-verify_hostname"), QStringLiteral("ws.example.net"), leafPath },
                &output),
            output.constData());
        QVERIFY2(
            runOpenssl(
                common + QStringList { QStringLiteral("-verify_ip"), QStringLiteral("127.0.0.1"), leafPath }, &output),
            output.constData());
        QVERIFY(!runOpenssl(
            common + QStringList { QStringLiteral("-verify_hostname"), QStringLiteral("other.example"), leafPath },
            &output));

        QByteArray text;
        QVERIFY(runOpenssl({ QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-text"),
                               QStringLiteral("-in"), leafPath },
            &text));
        QVERIFY2(text.contains("X509v3 Extended Key Usage: \n                TLS Web Server Authentication"),
            text.constData());
        QVERIFY2(text.contains("X509v3 Key Usage: critical\n                Digital Signature"), text.constData());
        QVERIFY(text.contains("X509v3 Authority Key Identifier"));
        QVERIFY(text.contains("Signature Algorithm: ecdsa-with-SHA256"));

        // Also another CA's leaf must not verify against ours.
        CertificateAuthority other(m_temp->filePath(QStringLiteral("other")));
        QVERIFY(other.load());
        QVERIFY(writeAll(leafPath, other.issue({ QStringLiteral("ws.example.net") }).certificate.toPem()));
        QVERIFY(!runOpenssl(common + QStringList { leafPath }, &output));
    }

    void leafVerifiesWithQtAgainstTheCa()
    {
        CertificateAuthority ca(caDir());
        QVERIFY(ca.load());
        const IssuedCertificate issued = ca.issue({ QStringLiteral("localhost") });
        const QSslConfiguration saved = QSslConfiguration::defaultConfiguration();
        QSslConfiguration trusting = saved;
        trusting.setCaCertificates({ ca.certificate() });
        QSslConfiguration::setDefaultConfiguration(trusting);
        const QList<QSslError> errors = QSslCertificate::verify({ issued.certificate }, QStringLiteral("localhost"));
        const QList<QSslError> mismatch
            = QSslCertificate::verify({ issued.certificate }, QStringLiteral("example.org"));
        QSslConfiguration::setDefaultConfiguration(saved);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).errorString()));
        QCOMPARE(mismatch.size(), 1);
        QCOMPARE(mismatch.first().error(), QSslError::HostNameMismatch);
    }

    void cachesLeavesBySetOfNames()
    {
        CertificateAuthority ca(caDir());
        QVERIFY(ca.load());
        const IssuedCertificate first = ca.issue({ QStringLiteral("a.test"), QStringLiteral("b.test") });
        QVERIFY(!first.isNull());
        const IssuedCertificate same = ca.issue({ QStringLiteral("B.test"), QStringLiteral("a.test") });
        QCOMPARE(same.certificate, first.certificate);
        QCOMPARE(same.key, first.key);
        const IssuedCertificate other = ca.issue({ QStringLiteral("a.test") });
        QVERIFY(other.certificate != first.certificate);
        QVERIFY(other.certificate.serialNumber() != first.certificate.serialNumber());

        const QSslCertificate oldCa = ca.certificate();
        QVERIFY(ca.regenerate());
        QVERIFY(ca.certificate() != oldCa);
        const IssuedCertificate fresh = ca.issue({ QStringLiteral("a.test"), QStringLiteral("b.test") });
        QVERIFY(fresh.certificate != first.certificate);
        QCOMPARE(fresh.certificate.issuerInfo(QSslCertificate::CommonName),
            ca.certificate().subjectInfo(QSslCertificate::CommonName));
        QCOMPARE(QSslCertificate(readAll(ca.certificatePath())), ca.certificate());
        QCOMPARE(modeOf(ca.keyPath()), 0600);
    }

    void refusesNamesThatAreNotHosts_data()
    {
        QTest::addColumn<QStringList>("hostNames");
        QTest::newRow("no names") << QStringList {};
        QTest::newRow("empty name") << QStringList { QString() };
        QTest::newRow("space in name") << QStringList { "bad name" };
        QTest::newRow("config syntax smuggled in") << QStringList { "a.test,IP:10.0.0.1" };
        QTest::newRow("one bad among good") << QStringList { "good.test", "bad/name" };
        QTest::newRow("empty label") << QStringList { "a..test" };
    }

    void refusesNamesThatAreNotHosts()
    {
        QFETCH(QStringList, hostNames);
        CertificateAuthority ca(caDir());
        QVERIFY(ca.load());
        QVERIFY(ca.issue(hostNames).isNull());
        QVERIFY(!ca.lastError().isEmpty());
    }

    void refusesToIssueBeforeLoad()
    {
        CertificateAuthority ca(caDir());
        QVERIFY(ca.issue({ QStringLiteral("localhost") }).isNull());
        QVERIFY(!ca.lastError().isEmpty());
        QVERIFY(!QFile::exists(ca.keyPath()));
    }

    void exportsTheCertificateOnly()
    {
        CertificateAuthority ca(caDir());
        QString error;
        QVERIFY(!ca.exportCertificate(m_temp->filePath(QStringLiteral("early.pem")), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(ca.load());
        const QString target = m_temp->filePath(QStringLiteral("exported.pem"));
        QVERIFY2(ca.exportCertificate(target, &error), qPrintable(error));
        const QByteArray pem = readAll(target);
        QCOMPARE(QSslCertificate(pem), ca.certificate());
        QVERIFY(!pem.contains("PRIVATE KEY"));
        QVERIFY(!ca.exportCertificate(m_temp->filePath(QStringLiteral("missing/dir/ca.pem")), &error));
        QVERIFY(!error.isEmpty());
    }

    void qtClientTrustingOnlyTheCaCompletesHandshake_data()
    {
        QTest::addColumn<QStringList>("issuedFor");
        QTest::addColumn<QString>("peerName");
        QTest::addColumn<bool>("expectMismatch");
        QTest::newRow("by IP address") << QStringList { "localhost", "127.0.0.1" } << "127.0.0.1" << false;
        QTest::newRow("by host name") << QStringList { "localhost", "127.0.0.1" } << "localhost" << false;
        QTest::newRow("certificate for another host") << QStringList { "other.example" } << "localhost" << true;
    }

    void qtClientTrustingOnlyTheCaCompletesHandshake()
    {
        QFETCH(QStringList, issuedFor);
        QFETCH(QString, peerName);
        QFETCH(bool, expectMismatch);
        CertificateAuthority ca(caDir());
        QVERIFY(ca.load());
        const IssuedCertificate issued = ca.issue(issuedFor);
        QVERIFY(!issued.isNull());
        TlsServer server(issued);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));

        QSslSocket client;
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates({ ca.certificate() });
        configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
        client.setSslConfiguration(configuration);
        QList<QSslError> errors;
        connect(&client, &QSslSocket::sslErrors, this, [&errors](const QList<QSslError> &e) { errors += e; });
        QSignalSpy encrypted(&client, &QSslSocket::encrypted);
        client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.serverPort(), peerName);
        if (expectMismatch) {
            QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 10000);
            QCOMPARE(errors.first().error(), QSslError::HostNameMismatch);
            QCOMPARE(encrypted.size(), 0);
            return;
        }
        QTRY_COMPARE_WITH_TIMEOUT(encrypted.size(), 1, 10000);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).errorString()));
        QCOMPARE(client.peerCertificate(), issued.certificate);
        QTRY_VERIFY_WITH_TIMEOUT(client.canReadLine(), 10000);
        QCOMPARE(client.readLine(), QByteArray("hello\n"));
        QVERIFY(server.errors.isEmpty());
        client.disconnectFromHost();
    }

    void pythonClientTrustingOnlyTheCaCompletesHandshake()
    {
        const QString python = QStringLiteral(WSI_SYSTEM_PYTHON);
        if (!QFile::exists(python))
            QSKIP("no /usr/bin/python3");
        CertificateAuthority ca(caDir());
        QVERIFY(ca.load());
        TlsServer server(ca.issue({ QStringLiteral("localhost"), QStringLiteral("127.0.0.1") }));
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        // create_default_context() verifies the chain and the host name; cafile= makes it trust only our CA.
        const QString script
            = QStringLiteral("import socket, ssl, sys\n"
                             "ctx = ssl.create_default_context(cafile=sys.argv[1])\n"
                             "with socket.create_connection(('127.0.0.1', int(sys.argv[2])), timeout=10) as raw:\n"
                             "    with ctx.wrap_socket(raw, server_hostname=sys.argv[3]) as tls:\n"
                             "        print(tls.version(), tls.recv(6).decode().strip())\n");
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(python,
            { QStringLiteral("-c"), script, ca.certificatePath(), QString::number(server.serverPort()),
                QStringLiteral("localhost") });
        // The server runs in this thread: wait with the event loop running.
        QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 20000);
        const QByteArray output = process.readAll();
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("hello"), output.constData());
        QVERIFY2(output.startsWith("TLSv1.3") || output.startsWith("TLSv1.2"), output.constData());
    }

    void issuesQuickly()
    {
        CertificateAuthority ca(caDir());
        QVERIFY(ca.load());
        QElapsedTimer timer;
        timer.start();
        constexpr int Count = 50;
        for (int i = 0; i < Count; ++i)
            QVERIFY(!ca.issue({ QStringLiteral("host%1.example").arg(i) }).isNull());
        const double perLeafMs = double(timer.nsecsElapsed()) / 1e6 / Count;
        qInfo("issue() for a new host: %.3f ms", perLeafMs);
        // Generous for debug and sanitizer builds; the benchmark measures the real figure.
        QVERIFY2(perLeafMs < 25, qPrintable(QString::number(perLeafMs)));
    }
};

QTEST_GUILESS_MAIN(tst_CertificateAuthority)
#include "tst_certificateauthority.moc"
