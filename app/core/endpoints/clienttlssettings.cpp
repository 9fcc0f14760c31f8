// ClientTlsSettings: reads the options' TLS files once and applies them to a QSslConfiguration.
#include "endpoints/clienttlssettings.h"

namespace wsi {

ClientTlsSettings::ClientTlsSettings(const ConnectionOptions &options)
    : m_protocol(protocolFor(options.minimumTlsVersion))
{
    if (!options.caFile.isEmpty())
        m_caCertificates = QSslCertificate::fromPath(options.caFile, QSsl::Pem);
    if (!options.clientCertificateFile.isEmpty()
        && !options.loadClientCertificate(
            &m_clientCertificate, &m_clientKey, &m_clientChain, &m_clientCertificateError)) {
        m_clientCertificate = QSslCertificate();
        m_clientKey = QSslKey();
        m_clientChain.clear();
    }
}

QSsl::SslProtocol ClientTlsSettings::protocolFor(int minimumTlsVersion)
{
    return minimumTlsVersion == 13 ? QSsl::TlsV1_3OrLater : QSsl::TlsV1_2OrLater;
}

QSslConfiguration ClientTlsSettings::applyTo(QSslConfiguration base) const
{
    if (!m_caCertificates.isEmpty())
        base.addCaCertificates(m_caCertificates);
    base.setProtocol(m_protocol);
    if (!m_clientCertificate.isNull()) {
        base.setLocalCertificate(m_clientCertificate);
        base.setPrivateKey(m_clientKey);
        if (!m_clientChain.isEmpty())
            base.setLocalCertificateChain(QList<QSslCertificate> { m_clientCertificate } + m_clientChain);
    }
    return base;
}

} // namespace wsi
