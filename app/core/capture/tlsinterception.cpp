// TlsInterception: the tap's side of intercepting wss: whom to trust upstream, what to present downstream.
#include "capture/tlsinterception.h"

#include "tls/tlsreport.h"

#include <QCoreApplication>
#include <QSslSocket>

namespace wsi {

namespace {

bool sameErrors(const QList<QSslError> &a, const QList<QSslError> &b)
{
    if (a.size() != b.size())
        return false;
    for (const QSslError &e : a) {
        if (!b.contains(e))
            return false;
    }
    return true;
}

} // namespace

QSslConfiguration TlsInterception::upstreamConfiguration() const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    QList<QSslCertificate> cas = config.caCertificates();
    cas += m_settings.extraCaCertificates;
    config.setCaCertificates(cas);
    config.setProtocol(m_settings.protocol);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    config.setAllowedNextProtocols({ QByteArrayLiteral("http/1.1") });
    if (!m_settings.clientCertificate.isNull()) {
        config.setLocalCertificate(m_settings.clientCertificate);
        config.setPrivateKey(m_settings.clientKey);
        if (!m_settings.clientChain.isEmpty())
            config.setLocalCertificateChain(
                QList<QSslCertificate> { m_settings.clientCertificate } + m_settings.clientChain);
    }
    return config;
}

QSslConfiguration TlsInterception::clientConfiguration() const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(m_settings.leaf.certificate);
    config.setPrivateKey(m_settings.leaf.key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    return config;
}

bool TlsInterception::acceptErrors(const QList<QSslError> &errors, const TlsReport &report)
{
    if (m_settings.insecure || sameErrors(errors, m_acceptedErrors)
        || (!report.fingerprint().isEmpty() && m_settings.trustedFingerprints.contains(report.fingerprint()))) {
        m_acceptedErrors = errors;
        return true;
    }
    // Not ignored: this handshake fails. The client still waits for its 200, so if the user proceeds the tap
    // simply connects again, accepting exactly these errors.
    m_lastErrors = errors;
    m_awaitingDecision = true;
    return false;
}

bool TlsInterception::proceed()
{
    if (!m_awaitingDecision)
        return false;
    m_awaitingDecision = false;
    m_acceptedErrors = m_lastErrors;
    return true;
}

bool TlsInterception::cancel(const QString &host, RecordedText *message)
{
    if (!m_awaitingDecision)
        return false;
    m_awaitingDecision = false;
    // Recorded in English, shown translated: the reasons are made again in English for the record.
    const QList<QSslError> errors = m_lastErrors;
    const RecordedText reasons = RecordedText::captured([errors, host] {
        QStringList words;
        for (const QSslError &e : errors)
            words << TlsReport::explain(e, host);
        return words.join(QLatin1Char(' '));
    });
    *message = RecordedText("wsi::WireTap",
        QT_TRANSLATE_NOOP("wsi::WireTap", "TLS verification of %1 failed and the connection was cancelled: %2"))
                   .arg(host)
                   .arg(reasons);
    return true;
}

} // namespace wsi
