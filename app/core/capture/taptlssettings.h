// TapTlsSettings: how a WireTap treats a wss:// target (intercept or relay, what to trust, client certificate).
#pragma once

#include "tls/certificateauthority.h"

#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QStringList>

namespace wsi {

// How the tap treats a wss:// target. With interception it opens the real TLS connection itself (verifying
// the server for the real host name) and presents `leaf` (issued by the app's own CA) to the QWebSocket, so
// that it records plaintext. Without, it relays the encrypted bytes untouched.
struct TapTlsSettings
{
    bool intercept = false;
    IssuedCertificate leaf;
    QList<QSslCertificate> extraCaCertificates; // trusted besides the system's
    QSslCertificate clientCertificate; // mutual TLS
    QSslKey clientKey;
    QList<QSslCertificate> clientChain;
    QSsl::SslProtocol protocol = QSsl::SecureProtocols;
    bool insecure = false; // proceed past verification errors without asking
    QStringList trustedFingerprints; // leaf SHA-256 fingerprints the user chose to always trust
};

} // namespace wsi
