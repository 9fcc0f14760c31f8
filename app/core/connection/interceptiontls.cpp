// InterceptionTls: the tap's TLS settings, the real server's TLS row, and the user's trust decisions.
#include "connection/interceptiontls.h"

#include "capture/wiretap.h"
#include "connection/connection.h"
#include "endpoints/clienttlssettings.h"
#include "store/wallclock.h"
#include "tls/certificateauthority.h"
#include "tls/tlsreport.h"
#include "tls/trustedcertificates.h"

namespace wsi {

InterceptionTls::InterceptionTls(Connection *connection, WireTap *tap, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_tap(tap)
{
    connect(m_tap, &WireTap::tlsEstablished, this, &InterceptionTls::onEstablished);
    connect(m_tap, &WireTap::tlsVerificationFailed, this, &InterceptionTls::onVerificationFailed);
}

bool InterceptionTls::configure(const ClientTlsSettings &tls, QString *failure)
{
    const ConnectionOptions &options = m_connection->options();
    const QString host = options.url.host();
    QString warning;
    m_authority
        = m_connection->m_authority ? m_connection->m_authority : Connection::defaultCertificateAuthority(&warning);
    if (!warning.isEmpty())
        m_connection->appendInfo(RecordedText::plain(warning));
    TapTlsSettings tapTls;
    tapTls.intercept = true;
    tapTls.leaf = m_authority ? m_authority->issue({ host }) : IssuedCertificate();
    if (tapTls.leaf.isNull()) {
        *failure = Connection::tr("The inspector's certificate authority could not issue a certificate for %1: %2")
                       .arg(host, m_authority ? m_authority->lastError() : Connection::tr("no CA"));
        return false;
    }
    tapTls.extraCaCertificates = tls.caCertificates();
    tapTls.clientCertificate = tls.clientCertificate();
    tapTls.clientKey = tls.clientKey();
    tapTls.clientChain = tls.clientChain();
    tapTls.protocol = tls.protocol();
    tapTls.insecure = options.insecure;
    tapTls.trustedFingerprints = TrustedCertificates::fingerprintsFor(host);
    m_tap->setTls(tapTls);
    return true;
}

void InterceptionTls::onEstablished(const TlsReport &report, qint64 tlsUs)
{
    HandshakeRecord &handshake = m_connection->m_leg.handshake;
    handshake.tls = report;
    handshake.tlsKnown = true;
    m_connection->m_leg.timings.tlsUs = tlsUs;
    QString summary = Connection::tr("%1 with %2, %3, %4")
                          .arg(report.host, report.protocol, report.cipher,
                              report.verified ? Connection::tr("certificate verified")
                                              : Connection::tr("certificate NOT verified"));
    if (report.proceededDespiteErrors)
        summary += Connection::tr(" (proceeding despite: %1)").arg(report.errorTexts.join(QLatin1Char(' ')));
    EventRecord r;
    r.timeUs = wallClockUs();
    r.type = EventType::Tls;
    r.dir = Direction::None;
    m_connection->appendEvent(r, summary.toUtf8());
    Q_EMIT m_connection->handshakeUpdated();
}

void InterceptionTls::onVerificationFailed(const TlsReport &report)
{
    HandshakeRecord &handshake = m_connection->m_leg.handshake;
    handshake.tls = report;
    handshake.tlsKnown = true;
    m_awaitingDecision = true;
    Q_EMIT decisionPending(); // the user is deciding; that is not the server being slow
    m_connection->appendError(ErrorLayer::Tls,
        RecordedText(
            "wsi::Connection", QT_TRANSLATE_NOOP("wsi::Connection", "The certificate of %1 failed verification: %2"))
            .arg(report.host)
            .arg(report.errorTexts.join(QLatin1Char(' '))));
    Q_EMIT m_connection->handshakeUpdated();
    Q_EMIT m_connection->tlsDecisionNeeded(report);
}

void InterceptionTls::proceed(bool alwaysTrust)
{
    if (!m_awaitingDecision)
        return;
    m_awaitingDecision = false;
    const QString host = m_connection->options().url.host();
    const QString fingerprint = m_connection->m_leg.handshake.tls.fingerprint();
    if (alwaysTrust && !fingerprint.isEmpty())
        TrustedCertificates::add(host, fingerprint);
    m_connection->appendInfo(alwaysTrust ? RecordedText("wsi::Connection",
                                 QT_TRANSLATE_NOOP("wsi::Connection",
                                     "The user chose to always trust this certificate for %1 (SHA-256 %2)."))
                                               .arg(host)
                                               .arg(fingerprint)
                                         : RecordedText("wsi::Connection",
                                             QT_TRANSLATE_NOOP("wsi::Connection",
                                                 "The user chose to proceed once despite the certificate errors.")));
    m_connection->setStatusText({});
    Q_EMIT decisionMade();
    m_tap->proceedDespiteTlsErrors();
}

void InterceptionTls::cancel()
{
    if (!m_awaitingDecision)
        return;
    m_awaitingDecision = false;
    m_tap->cancelTls();
}

} // namespace wsi
