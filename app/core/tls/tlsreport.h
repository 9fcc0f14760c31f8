// TlsReport: the real server's TLS session in words: chain, protocol, cipher, ALPN, verification errors.
#pragma once

#include <QDateTime>
#include <QList>
#include <QSslError>
#include <QString>
#include <QStringList>

class QSslSocket;
class QSslCertificate;

namespace wsi {

// One certificate of the real server's chain, in the words the TLS section shows.
struct CertificateSummary
{
    QString subject;
    QString issuer;
    QStringList subjectAltNames; // "DNS:example.com", "IP:127.0.0.1"
    QDateTime notBefore;
    QDateTime notAfter;
    QString sha256; // colon-separated hex
    QString keyType; // "EC", "RSA", ...
    int keyBits = 0;

    static CertificateSummary from(const QSslCertificate &certificate);
};

// What the tap learned about the real server's TLS: what verification against the system CAs (plus the
// user's) said, and the session it negotiated.
struct TlsReport
{
    QString host; // the name the certificate was checked against
    bool handshakeDone = false;
    bool verified = false; // no verification errors
    bool proceededDespiteErrors = false;
    QString protocol; // "TLS 1.3"
    QString cipher;
    QString alpn;
    QList<CertificateSummary> chain; // leaf first
    QList<QSslError> errors;
    QStringList errorTexts; // plain words, one per error

    static TlsReport from(const QSslSocket &socket, const QString &host, const QList<QSslError> &errors);
    // "The certificate expired on 2024-01-01 ...": plain words for one verification error.
    static QString explain(const QSslError &error, const QString &host);
    QString fingerprint() const { return chain.isEmpty() ? QString() : chain.first().sha256; }
};

QString protocolName(int sslProtocol);

} // namespace wsi
