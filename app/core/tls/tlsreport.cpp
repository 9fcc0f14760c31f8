// TlsReport: the real server's TLS session in words: chain, protocol, cipher, ALPN, verification errors.
#include "tls/tlsreport.h"

#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>

namespace wsi {

namespace {

QString joinedName(const QSslCertificate &certificate, bool issuer)
{
    QStringList parts;
    const auto info = [&](QSslCertificate::SubjectInfo field) {
        return issuer ? certificate.issuerInfo(field) : certificate.subjectInfo(field);
    };
    for (const QString &cn : info(QSslCertificate::CommonName))
        parts << QStringLiteral("CN=") + cn;
    for (const QString &o : info(QSslCertificate::Organization))
        parts << QStringLiteral("O=") + o;
    for (const QString &c : info(QSslCertificate::CountryName))
        parts << QStringLiteral("C=") + c;
    return parts.isEmpty() ? QString::fromLatin1(
               issuer ? certificate.issuerDisplayName().toUtf8() : certificate.subjectDisplayName().toUtf8())
                           : parts.join(QStringLiteral(", "));
}

} // namespace

QString protocolName(int sslProtocol)
{
    switch (QSsl::SslProtocol(sslProtocol)) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLS 1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLS 1.3");
    case QSsl::DtlsV1_2:
        return QStringLiteral("DTLS 1.2");
    default:
        return QStringLiteral("unknown");
    }
}

CertificateSummary CertificateSummary::from(const QSslCertificate &certificate)
{
    CertificateSummary s;
    s.subject = joinedName(certificate, false);
    s.issuer = joinedName(certificate, true);
    const auto sans = certificate.subjectAlternativeNames();
    for (auto it = sans.cbegin(); it != sans.cend(); ++it)
        s.subjectAltNames << (it.key() == QSsl::IpAddressEntry ? QStringLiteral("IP:") : QStringLiteral("DNS:"))
                + it.value();
    s.notBefore = certificate.effectiveDate();
    s.notAfter = certificate.expiryDate();
    s.sha256 = QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    const QSslKey key = certificate.publicKey();
    switch (key.algorithm()) {
    case QSsl::Ec:
        s.keyType = QStringLiteral("EC");
        break;
    case QSsl::Rsa:
        s.keyType = QStringLiteral("RSA");
        break;
    case QSsl::Dsa:
        s.keyType = QStringLiteral("DSA");
        break;
    case QSsl::Dh:
        s.keyType = QStringLiteral("DH");
        break;
    default:
        s.keyType = QStringLiteral("unknown");
        break;
    }
    s.keyBits = key.length();
    return s;
}

QString TlsReport::explain(const QSslError &error, const QString &host)
{
    const QSslCertificate c = error.certificate();
    switch (error.error()) {
    case QSslError::CertificateExpired:
        return QObject::tr("The certificate expired on %1.").arg(c.expiryDate().toUTC().toString(Qt::ISODate));
    case QSslError::CertificateNotYetValid:
        return QObject::tr("The certificate is not valid yet: it starts on %1 (is a clock wrong?).")
            .arg(c.effectiveDate().toUTC().toString(Qt::ISODate));
    case QSslError::SelfSignedCertificate:
        return QObject::tr("The certificate is self-signed: no certificate authority vouches for it.");
    case QSslError::SelfSignedCertificateInChain:
        return QObject::tr("The chain ends in a self-signed certificate that is not a trusted root.");
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
        return QObject::tr("The certificate was issued by an unknown certificate authority (not in the system's "
                           "trusted roots nor in a CA file you gave).");
    case QSslError::HostNameMismatch:
        return QObject::tr("The certificate is for %1, not for %2.")
            .arg(c.subjectAlternativeNames().values().join(QStringLiteral(", ")).isEmpty()
                    ? c.subjectInfo(QSslCertificate::CommonName).join(QStringLiteral(", "))
                    : c.subjectAlternativeNames().values().join(QStringLiteral(", ")),
                host);
    case QSslError::CertificateRevoked:
        return QObject::tr("The certificate has been revoked by its issuer.");
    case QSslError::CertificateUntrusted:
    case QSslError::CertificateRejected:
        return QObject::tr("The certificate is not trusted for this purpose.");
    default:
        return error.errorString() + QLatin1Char('.');
    }
}

TlsReport TlsReport::from(const QSslSocket &socket, const QString &host, const QList<QSslError> &errors)
{
    TlsReport r;
    r.host = host;
    r.handshakeDone = socket.isEncrypted();
    r.errors = errors;
    r.verified = errors.isEmpty();
    for (const QSslError &e : errors)
        r.errorTexts << explain(e, host);
    for (const QSslCertificate &c : socket.peerCertificateChain())
        r.chain << CertificateSummary::from(c);
    if (r.chain.isEmpty()) {
        for (const QSslError &e : errors) {
            if (!e.certificate().isNull()) {
                r.chain << CertificateSummary::from(e.certificate());
                break;
            }
        }
    }
    if (r.handshakeDone) {
        r.protocol = protocolName(socket.sessionProtocol());
        r.cipher = socket.sessionCipher().name();
        r.alpn = QString::fromLatin1(socket.sslConfiguration().nextNegotiatedProtocol());
    }
    return r;
}

} // namespace wsi
