// SpkiHash: the base64 SHA-256 of a certificate's SubjectPublicKeyInfo, as Chromium's SPKI lists name keys.
#pragma once

#include <QSslCertificate>
#include <QString>

namespace wsi {

// Chromium's --ignore-certificate-errors-spki-list trusts a server whose certificate chain holds a key with one
// of these hashes; so the forward proxy's CA is trusted by a browser without installing it in any store.
class SpkiHash
{
public:
    // base64 of SHA-256 over the DER SubjectPublicKeyInfo; empty for a null or unreadable certificate.
    static QString sha256Base64(const QSslCertificate &certificate);
};

} // namespace wsi
