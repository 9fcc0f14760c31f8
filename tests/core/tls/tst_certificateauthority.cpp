// The per-install CA itself: private key files that stay private, the designed CA profile, a CA that
// survives restarts and is replaced (with a warning) when broken, and an export without the key.
#include "certificateauthorityfixture.h"
#include "tls/certificateauthority.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslKey>
#include <QTest>

#include <sys/stat.h>

using namespace wsi;

class tst_CertificateAuthority : public QObject, private CertificateAuthorityFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { createTemporaryDir(); }

    void cleanup() { removeTemporaryDir(); }

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
};

QTEST_GUILESS_MAIN(tst_CertificateAuthority)
#include "tst_certificateauthority.moc"
