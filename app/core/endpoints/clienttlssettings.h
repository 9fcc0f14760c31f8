// ClientTlsSettings: the TLS a connection's options ask of its client side, read once.
#pragma once

#include "endpoints/connectionoptions.h"

#include <QList>
#include <QSsl>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>

namespace wsi {

// The one mapping from ConnectionOptions' TLS settings (minimum version, CA file, client certificate) to
// Qt's TLS types. Two places use it: the tap's upstream TLS when it intercepts wss, and the QWebSocket's own
// TLS when it does not; reading the options once keeps both honest about the same errors.
class ClientTlsSettings
{
public:
    // Reads the CA file and the client certificate the options name (the files are read here, once).
    explicit ClientTlsSettings(const ConnectionOptions &options);

    // minimumTlsVersion 13: TLS 1.3 only; anything else: TLS 1.2 or later.
    static QSsl::SslProtocol protocolFor(int minimumTlsVersion);

    QSsl::SslProtocol protocol() const { return m_protocol; }
    // Trusted besides the system's CAs.
    const QList<QSslCertificate> &caCertificates() const { return m_caCertificates; }
    // Mutual TLS; null when none is configured or it could not be loaded.
    const QSslCertificate &clientCertificate() const { return m_clientCertificate; }
    const QSslKey &clientKey() const { return m_clientKey; }
    const QList<QSslCertificate> &clientChain() const { return m_clientChain; }
    // Why the configured client certificate or key could not be loaded, naming the file; empty when it was
    // loaded or none is configured.
    QString clientCertificateError() const { return m_clientCertificateError; }

    // base with these settings applied: the protocol, the extra CAs and the client certificate with its chain.
    QSslConfiguration applyTo(QSslConfiguration base) const;

private:
    QSsl::SslProtocol m_protocol;
    QList<QSslCertificate> m_caCertificates;
    QSslCertificate m_clientCertificate;
    QSslKey m_clientKey;
    QList<QSslCertificate> m_clientChain;
    QString m_clientCertificateError;
};

} // namespace wsi
