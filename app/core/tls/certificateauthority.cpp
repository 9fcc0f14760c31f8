// CertificateAuthority: the app's own CA (never installed anywhere) and the leaf certificates it issues.
#include "tls/certificateauthority.h"

#include "tls/certificatefactory.h"

#include <QCache>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSslSocket>
#include <QSysInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace wsi {

using namespace openssl;

namespace {

const QString CertificateFileName = QStringLiteral("ca-cert.pem");
const QString KeyFileName = QStringLiteral("ca-key.pem");
constexpr int CaValidDays = 2 * 365;
// Browsers refuse server certificates valid for longer than 398 days.
constexpr int LeafValidDays = 397;
// A CA this close to its expiry is replaced at load rather than failing connections a few days later.
constexpr int CaMinimumRemainingDays = 30;
constexpr int MaxCachedLeaves = 1024;
// Anything larger is not one of our PEM files.
constexpr qint64 MaxFileSize = 1 << 20;

// The CA's own words, translated when shown; spell the source as QT_TRANSLATE_NOOP("wsi::CertificateAuthority", ...).
RecordedText said(const char *source)
{
    return RecordedText("wsi::CertificateAuthority", source);
}

// `what` names the failed step and takes the path as %1; the OS's reason is added as the system says it.
RecordedText posixError(const char *what, const QString &path)
{
    const QString reason = QString::fromLocal8Bit(std::strerror(errno)); // before anything else can set errno
    return said(what).arg(QDir::toNativeSeparators(path)) + RecordedText::plain(QStringLiteral(": ") + reason);
}

// Writes through a temporary file in the same folder that is created with `mode` (so a key is never
// readable by others, not even while empty) and renamed over `path` only once complete and synced.
bool writeFileAtomically(const QString &path, const QByteArray &data, mode_t mode, RecordedText *error)
{
    const QByteArray target = QFile::encodeName(path);
    const QByteArray temporary = target + ".tmp-" + QByteArray::number(QRandomGenerator::system()->generate64(), 16);
    const int fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
    if (fd < 0) {
        *error = posixError(
            QT_TRANSLATE_NOOP("wsi::CertificateAuthority", "Could not create %1"), QFile::decodeName(temporary));
        return false;
    }
    // The umask may have taken bits from a public file's mode; it can never have added any.
    bool ok = ::fchmod(fd, mode) == 0;
    for (qsizetype written = 0; ok && written < data.size();) {
        const ssize_t n = ::write(fd, data.constData() + written, static_cast<size_t>(data.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        ok = n > 0;
        written += n > 0 ? n : 0;
    }
    ok = ok && ::fsync(fd) == 0;
    if (!ok)
        *error = posixError(
            QT_TRANSLATE_NOOP("wsi::CertificateAuthority", "Could not write %1"), QFile::decodeName(temporary));
    ::close(fd);
    if (ok && ::rename(temporary.constData(), target.constData()) != 0) {
        *error = posixError(QT_TRANSLATE_NOOP("wsi::CertificateAuthority", "Could not replace %1"), path);
        ok = false;
    }
    if (!ok)
        ::unlink(temporary.constData());
    return ok;
}

bool readSmallFile(const QString &path, QByteArray *contents)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > MaxFileSize)
        return false;
    *contents = file.readAll();
    return true;
}

QString caCommonName()
{
    QString host = QSysInfo::machineHostName();
    if (host.isEmpty())
        host = QStringLiteral("localhost");
    // The whole common name must stay within 64 characters.
    return QStringLiteral("WS Inspector Local CA (%1)").arg(host.left(40));
}

// Handing the key to Qt natively skips OpenSSL 3.0's PEM decoder, which alone took about half of an
// issue(). The handle is an EVP_PKEY only with Qt's OpenSSL backend; PEM is the portable fallback.
QSslKey toQtKey(EVP_PKEY *key)
{
    if (QSslSocket::activeBackend() == QLatin1String("openssl") && EVP_PKEY_up_ref(key) == 1) {
        const QSslKey native(static_cast<Qt::HANDLE>(key), QSsl::PrivateKey); // owns the extra reference
        if (!native.isNull() && native.algorithm() == QSsl::Ec)
            return native;
    }
    return QSslKey(certificatefactory::privateKeyToPem(key, true), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
}

} // namespace

class CertificateAuthority::Private
{
public:
    enum class LoadResult { Loaded, Missing, Broken };

    QString directory;
    X509Ptr caCertificate;
    PKeyPtr caKey;
    QSslCertificate caQtCertificate;
    QCache<QString, IssuedCertificate> leaves { MaxCachedLeaves };
    RecordedText lastError;
    mutable QMutex mutex;

    QString certificatePath() const { return QDir(directory).filePath(CertificateFileName); }
    QString keyPath() const { return QDir(directory).filePath(KeyFileName); }

    bool ensureDirectory()
    {
        if (QFileInfo(directory).isDir())
            return true;
        const QFileInfo info(directory);
        const QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
        if (!QDir().mkpath(info.absolutePath()) || !QDir().mkdir(info.absoluteFilePath(), ownerOnly)
            || !QFile::setPermissions(info.absoluteFilePath(), ownerOnly)) {
            lastError = said(QT_TRANSLATE_NOOP("wsi::CertificateAuthority", "Could not create the CA folder %1"))
                            .arg(QDir::toNativeSeparators(directory));
            return false;
        }
        return true;
    }

    // The key file must be ours alone: a plain file, owned by us, mode 0600.
    RecordedText keyFileProblem() const
    {
        struct stat status;
        const QByteArray path = QFile::encodeName(keyPath());
        if (::lstat(path.constData(), &status) != 0)
            return said(QT_TRANSLATE_NOOP("wsi::CertificateAuthority", "the CA private key file is missing"));
        if (!S_ISREG(status.st_mode))
            return said(
                QT_TRANSLATE_NOOP("wsi::CertificateAuthority", "the CA private key file is not a regular file"));
        if (status.st_uid != ::geteuid())
            return said(
                QT_TRANSLATE_NOOP("wsi::CertificateAuthority", "the CA private key file belongs to another user"));
        const mode_t mode = status.st_mode & 07777;
        if ((mode & 077) != 0)
            return said(QT_TRANSLATE_NOOP("wsi::CertificateAuthority",
                            "the CA private key file could be read by other users (permissions %1, not 0600)"))
                .arg(QStringLiteral("%1").arg(mode, 4, 8, QLatin1Char('0')));
        if (mode != 0600)
            return said(
                QT_TRANSLATE_NOOP("wsi::CertificateAuthority", "the CA private key file had permissions %1, not 0600"))
                .arg(QStringLiteral("%1").arg(mode, 4, 8, QLatin1Char('0')));
        return {};
    }

    LoadResult loadExisting(RecordedText *problem)
    {
        const bool hasCertificate = QFileInfo::exists(certificatePath());
        const bool hasKey = QFileInfo(keyPath()).isSymLink() || QFileInfo::exists(keyPath());
        if (!hasCertificate && !hasKey)
            return LoadResult::Missing;
        if (!hasCertificate) {
            *problem = said(QT_TRANSLATE_NOOP("wsi::CertificateAuthority", "the CA certificate file is missing"));
            return LoadResult::Broken;
        }
        *problem = keyFileProblem();
        if (!problem->isEmpty())
            return LoadResult::Broken;

        QByteArray certificatePem;
        QByteArray keyPem;
        RecordedText reason;
        if (!readSmallFile(certificatePath(), &certificatePem)) {
            *problem
                = said(QT_TRANSLATE_NOOP("wsi::CertificateAuthority", "the CA certificate file could not be read"));
            return LoadResult::Broken;
        }
        X509Ptr loadedCertificate = certificatefactory::certificateFromPem(certificatePem, &reason);
        if (!loadedCertificate) {
            *problem = said(QT_TRANSLATE_NOOP("wsi::CertificateAuthority", "the CA certificate file is corrupt (%1)"))
                           .arg(reason);
            return LoadResult::Broken;
        }
        if (!readSmallFile(keyPath(), &keyPem)) {
            *problem
                = said(QT_TRANSLATE_NOOP("wsi::CertificateAuthority", "the CA private key file could not be read"));
            return LoadResult::Broken;
        }
        PKeyPtr loadedKey = certificatefactory::privateKeyFromPem(keyPem, &reason);
        if (!loadedKey) {
            *problem = said(QT_TRANSLATE_NOOP("wsi::CertificateAuthority", "the CA private key file is corrupt (%1)"))
                           .arg(reason);
            return LoadResult::Broken;
        }
        *problem = certificatefactory::caProblem(loadedCertificate.get(), loadedKey.get(), CaMinimumRemainingDays);
        const QSslCertificate qtCertificate(certificatePem, QSsl::Pem);
        if (problem->isEmpty() && qtCertificate.isNull())
            *problem = said(QT_TRANSLATE_NOOP(
                "wsi::CertificateAuthority", "the CA certificate file is corrupt (Qt cannot read it)"));
        if (!problem->isEmpty())
            return LoadResult::Broken;
        install(std::move(loadedCertificate), std::move(loadedKey), qtCertificate);
        return LoadResult::Loaded;
    }

    bool generate()
    {
        RecordedText error;
        PKeyPtr key = certificatefactory::generateKey(&error);
        X509Ptr certificate
            = key ? certificatefactory::createCaCertificate(key.get(), caCommonName(), CaValidDays, &error) : nullptr;
        const QByteArray certificatePem
            = certificate ? certificatefactory::certificateToPem(certificate.get()) : QByteArray();
        const QByteArray keyPem = certificate ? certificatefactory::privateKeyToPem(key.get()) : QByteArray();
        if (certificatePem.isEmpty() || keyPem.isEmpty()) {
            lastError = error.isEmpty()
                ? said(QT_TRANSLATE_NOOP("wsi::CertificateAuthority", "Could not encode the new CA"))
                : error;
            return false;
        }
        // The key first: a crash in between leaves a mismatched pair, which the next load replaces.
        if (!ensureDirectory() || !writeFileAtomically(keyPath(), keyPem, 0600, &lastError)
            || !writeFileAtomically(certificatePath(), certificatePem, 0644, &lastError))
            return false;
        install(std::move(certificate), std::move(key), QSslCertificate(certificatePem, QSsl::Pem));
        return true;
    }

    void install(X509Ptr newCertificate, PKeyPtr newKey, const QSslCertificate &qtCertificate)
    {
        caCertificate = std::move(newCertificate);
        caKey = std::move(newKey);
        caQtCertificate = qtCertificate;
        leaves.clear();
    }

    IssuedCertificate createLeaf(const QStringList &hostNames)
    {
        RecordedText error;
        const PKeyPtr key = certificatefactory::generateKey(&error);
        const X509Ptr leaf = key ? certificatefactory::createLeafCertificate(
                                 key.get(), hostNames, caCertificate.get(), caKey.get(), LeafValidDays, &error)
                                 : nullptr;
        if (!leaf) {
            lastError = error;
            return IssuedCertificate();
        }
        IssuedCertificate issued;
        issued.certificate = QSslCertificate(certificatefactory::certificateToDer(leaf.get()), QSsl::Der);
        issued.key = toQtKey(key.get());
        if (issued.isNull()) {
            lastError = said(
                QT_TRANSLATE_NOOP("wsi::CertificateAuthority", "Qt could not read the certificate issued for %1"))
                            .arg(hostNames.join(QLatin1String(", ")));
            return IssuedCertificate();
        }
        issued.chain = { issued.certificate, caQtCertificate };
        return issued;
    }
};

CertificateAuthority::CertificateAuthority(const QString &directory)
    : d(std::make_unique<Private>())
{
    d->directory = directory;
}

CertificateAuthority::~CertificateAuthority() = default;

bool CertificateAuthority::load(QString *warning)
{
    RecordedText said;
    const bool loaded = load(&said);
    if (warning)
        *warning = said.english();
    return loaded;
}

bool CertificateAuthority::load(RecordedText *warning)
{
    const QMutexLocker locker(&d->mutex);
    d->lastError = {};
    if (warning)
        *warning = {};
    if (!d->ensureDirectory())
        return false;
    RecordedText problem;
    switch (d->loadExisting(&problem)) {
    case Private::LoadResult::Loaded:
        return true;
    case Private::LoadResult::Missing:
        return d->generate();
    case Private::LoadResult::Broken:
        break;
    }
    if (!d->generate())
        return false;
    if (warning) {
        *warning = RecordedText("wsi::CertificateAuthority",
            QT_TRANSLATE_NOOP("wsi::CertificateAuthority",
                "The CA in %1 was replaced by a newly generated one because %2. Anything that trusted the old CA "
                "certificate must trust the new one instead."))
                       .arg(QDir::toNativeSeparators(d->directory))
                       .arg(problem);
    }
    return true;
}

IssuedCertificate CertificateAuthority::issue(const QStringList &hostNames)
{
    QStringList names;
    for (const QString &hostName : hostNames) {
        RecordedText error;
        const QString name = certificatefactory::normalizedHostName(hostName, &error);
        if (name.isEmpty()) {
            const QMutexLocker locker(&d->mutex);
            d->lastError = error;
            return IssuedCertificate();
        }
        if (!names.contains(name))
            names.append(name);
    }
    QStringList sorted = names;
    sorted.sort();
    const QString cacheKey = sorted.join(QLatin1Char(' '));

    const QMutexLocker locker(&d->mutex);
    if (!d->caKey) {
        d->lastError
            = said(QT_TRANSLATE_NOOP("wsi::CertificateAuthority", "The certificate authority has not been loaded"));
        return IssuedCertificate();
    }
    if (names.isEmpty()) {
        d->lastError
            = said(QT_TRANSLATE_NOOP("wsi::CertificateAuthority", "A certificate needs at least one host name"));
        return IssuedCertificate();
    }
    if (const IssuedCertificate *cached = d->leaves.object(cacheKey)) {
        if (cached->certificate.expiryDate() > QDateTime::currentDateTimeUtc().addDays(1))
            return *cached;
    }
    IssuedCertificate issued = d->createLeaf(names);
    if (!issued.isNull())
        d->leaves.insert(cacheKey, new IssuedCertificate(issued));
    return issued;
}

bool CertificateAuthority::regenerate()
{
    const QMutexLocker locker(&d->mutex);
    d->lastError = {};
    return d->generate();
}

QSslCertificate CertificateAuthority::certificate() const
{
    const QMutexLocker locker(&d->mutex);
    return d->caQtCertificate;
}

QString CertificateAuthority::certificatePath() const
{
    return d->certificatePath();
}

QString CertificateAuthority::keyPath() const
{
    return d->keyPath();
}

bool CertificateAuthority::exportCertificate(const QString &path, QString *error) const
{
    RecordedText reason;
    const bool written = exportCertificate(path, &reason);
    if (error)
        *error = reason.english();
    return written;
}

bool CertificateAuthority::exportCertificate(const QString &path, RecordedText *error) const
{
    const QSslCertificate ca = certificate();
    RecordedText reason;
    if (ca.isNull()) {
        reason = said(QT_TRANSLATE_NOOP("wsi::CertificateAuthority", "There is no CA certificate to export yet"));
    } else {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(ca.toPem()) < 0 || !file.commit())
            reason = said(QT_TRANSLATE_NOOP("wsi::CertificateAuthority", "Could not write %1: %2"))
                         .arg(QDir::toNativeSeparators(path))
                         .arg(file.errorString());
    }
    if (error)
        *error = reason;
    return reason.isEmpty();
}

QString CertificateAuthority::lastError() const
{
    return lastErrorText().english();
}

RecordedText CertificateAuthority::lastErrorText() const
{
    const QMutexLocker locker(&d->mutex);
    return d->lastError;
}

} // namespace wsi
