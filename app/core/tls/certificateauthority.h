// CertificateAuthority: the app's own CA (never installed anywhere) and the leaf certificates it issues.
#pragma once

#include "language/recordedtext.h"

#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

#include <memory>

namespace wsi {

// A server certificate issued by the CertificateAuthority, with its private key.
struct IssuedCertificate
{
    QSslCertificate certificate;
    QSslKey key;
    // The leaf first, then the CA: ready for QSslConfiguration::setLocalCertificateChain().
    QList<QSslCertificate> chain;

    bool isNull() const { return certificate.isNull() || key.isNull(); }
};

// The per-install certificate authority with which the wire tap intercepts wss:// (see DESIGN.md).
//
// It lives in one folder of the app's data: ca-cert.pem and ca-key.pem (mode 0600). It only ever signs
// leaves for the tap's own QWebSocket and the local server, which trust it explicitly; it is never added
// to any system or browser store. All members may be called from any thread.
class CertificateAuthority
{
public:
    explicit CertificateAuthority(const QString &directory);
    ~CertificateAuthority();
    CertificateAuthority(const CertificateAuthority &) = delete;
    CertificateAuthority &operator=(const CertificateAuthority &) = delete;

    // Loads the CA from the folder (created 0700 if missing), or generates one on first use. A key file
    // readable by others, a corrupt, mismatched or expiring CA is replaced by a new CA and *warning says
    // why. Returns false (see lastError()) only if no usable CA could be loaded or written.
    // The warning is recorded as English and shown translated (the reason itself is technical English).
    bool load(RecordedText *warning = nullptr);
    bool load(QString *warning); // the warning in English

    // A server certificate for hostNames (IP addresses become IP SANs, other names DNS SANs), cached in
    // memory by the set of names. Null, with lastError(), for a name that is neither, or without a CA.
    IssuedCertificate issue(const QStringList &hostNames);

    // Replaces the CA (and forgets every issued leaf). Returns false, with lastError(), if it failed;
    // the previous CA then stays in use.
    bool regenerate();

    QSslCertificate certificate() const;
    QString certificatePath() const;
    QString keyPath() const;
    // Writes the CA certificate (never the key) as PEM, for the user to trust it elsewhere.
    bool exportCertificate(const QString &path, QString *error = nullptr) const; // the error in English
    bool exportCertificate(const QString &path, RecordedText *error) const;
    QString lastError() const; // in English
    RecordedText lastErrorText() const; // the same, for the window to show in its language

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace wsi
