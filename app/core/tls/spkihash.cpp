// SpkiHash: the base64 SHA-256 of a certificate's SubjectPublicKeyInfo, read with OpenSSL.
#include "tls/spkihash.h"

#include "tls/opensslhandles.h"

#include <QCryptographicHash>

#include <openssl/err.h>

namespace wsi {

QString SpkiHash::sha256Base64(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return {};
    const QByteArray der = certificate.toDer();
    const auto *cursor = reinterpret_cast<const unsigned char *>(der.constData());
    const openssl::X509Ptr x509(d2i_X509(nullptr, &cursor, long(der.size())));
    QByteArray spki;
    if (x509) {
        // The SubjectPublicKeyInfo exactly as the certificate encodes it (algorithm and key), which is what
        // Chromium hashes; QSslKey's own DER form is not guaranteed to be that structure for every key type.
        unsigned char *out = nullptr;
        const int length = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(x509.get()), &out);
        if (length > 0)
            spki = QByteArray(reinterpret_cast<const char *>(out), length);
        OPENSSL_free(out);
    }
    ERR_clear_error(); // QSslSocket reads the same error queue
    if (spki.isEmpty())
        return {};
    return QString::fromLatin1(QCryptographicHash::hash(spki, QCryptographicHash::Sha256).toBase64());
}

} // namespace wsi
