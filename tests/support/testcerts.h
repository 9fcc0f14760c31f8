#pragma once

// Creates a throwaway CA and a leaf certificate for 127.0.0.1 and localhost with the openssl tool,
// in a temporary folder that is removed with the object.

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

class TestCertificates
{
public:
    bool create()
    {
        if (!m_dir.isValid())
            return false;
        const QString ext = path(QStringLiteral("leaf.ext"));
        QFile extFile(ext);
        if (!extFile.open(QIODevice::WriteOnly))
            return false;
        extFile.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n");
        extFile.close();
        return run({ "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
                   "-subj", "/CN=WS Inspector Test CA", "-keyout", path("ca.key"), "-out", path("ca.pem") })
            && run({ "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=127.0.0.1",
                "-keyout", path("leaf.key"), "-out", path("leaf.csr") })
            && run({ "x509", "-req", "-in", path("leaf.csr"), "-CA", path("ca.pem"), "-CAkey", path("ca.key"),
                "-CAcreateserial", "-days", "2", "-extfile", ext, "-out", path("leaf.pem") });
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString caFile() const { return path(QStringLiteral("ca.pem")); }
    QString certFile() const { return path(QStringLiteral("leaf.pem")); }
    QString keyFile() const { return path(QStringLiteral("leaf.key")); }

private:
    static bool run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral("openssl"), args);
        return p.waitForFinished(20000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    QTemporaryDir m_dir;
};
