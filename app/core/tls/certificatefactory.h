// CertificateFactory: the OpenSSL side of the CA: keys, certificates, signing.
#pragma once

#include "language/recordedtext.h"
#include "tls/opensslhandles.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// The OpenSSL side of the certificate authority: keys, certificates and their PEM forms. Every function
// that can fail returns a null handle (or empty bytes) and says why in *error, with OpenSSL's own reason;
// it leaves OpenSSL's error queue empty, as QSslSocket reads that queue too.
namespace wsi::certificatefactory {

// A new EC P-256 key pair.
openssl::PKeyPtr generateKey(RecordedText *error);

// A self-signed CA certificate: basicConstraints critical CA:TRUE pathlen:0, keyUsage critical
// keyCertSign+cRLSign, subjectKeyIdentifier, valid from an hour ago for validDays days.
openssl::X509Ptr createCaCertificate(EVP_PKEY *key, const QString &commonName, int validDays, RecordedText *error);

// A server certificate for hostNames (already normalized, see normalizedHostName()): IP addresses become
// IP SANs, the rest DNS SANs; extendedKeyUsage serverAuth, keyUsage digitalSignature, subject and
// authority key identifiers, a random 16-byte serial, valid from an hour ago for validDays days but never
// past the CA's own expiry; signed by the CA with SHA-256.
openssl::X509Ptr createLeafCertificate(EVP_PKEY *leafKey, const QStringList &hostNames, X509 *caCertificate,
    EVP_PKEY *caKey, int validDays, RecordedText *error);

// The name as it goes into a SAN: an IP address in canonical form (brackets dropped), or a lower-case
// ASCII (IDNA) DNS name without a trailing dot. Empty with a reason for anything that is neither.
QString normalizedHostName(const QString &name, RecordedText *error);

QByteArray certificateToPem(X509 *certificate);
QByteArray certificateToDer(X509 *certificate);
// PKCS#8 ("BEGIN PRIVATE KEY"), or the traditional "BEGIN EC PRIVATE KEY" form that QSslKey(..., QSsl::Ec)
// reads in every Qt backend.
QByteArray privateKeyToPem(EVP_PKEY *key, bool traditional = false);
openssl::X509Ptr certificateFromPem(const QByteArray &pem, RecordedText *error);
openssl::PKeyPtr privateKeyFromPem(const QByteArray &pem, RecordedText *error);

// Empty when the certificate can act as our CA (a CA certificate, key matching, not about to expire);
// otherwise the reason in plain words.
RecordedText caProblem(X509 *certificate, EVP_PKEY *key, int minimumRemainingDays);

// True when the PEM private key belongs to the first PEM certificate (a user's server certificate and key:
// with a mismatched pair every TLS handshake would fail, so the server refuses to start).
bool keyMatchesCertificate(const QByteArray &certificatePem, const QByteArray &keyPem);

} // namespace wsi::certificatefactory
