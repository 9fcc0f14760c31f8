#pragma once

// What the tst_certificateauthority* tests share: a fresh folder for the CA of each test function, file
// helpers that see permissions, and the openssl command line as an independent judge of what we wrote.

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <sys/stat.h>

inline int modeOf(const QString &path)
{
    struct stat status;
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return -1;
    return static_cast<int>(status.st_mode & 07777);
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline bool writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

// Inherited (privately, after QObject) by each test class; its init() and cleanup() call these.
class CertificateAuthorityFixture
{
protected:
    std::unique_ptr<QTemporaryDir> m_temp;
    QString caDir() const { return m_temp->filePath(QStringLiteral("data/ca")); }

    void createTemporaryDir()
    {
        m_temp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_temp->isValid());
    }

    void removeTemporaryDir() { m_temp.reset(); }

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
};
