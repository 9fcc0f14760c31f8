// InterceptionTls: the tap's TLS settings, the real server's TLS row, and the user's trust decisions.
#include "connection/interceptiontls.h"

#include "capture/taphandle.h"
#include "connection/connection.h"
#include "endpoints/clienttlssettings.h"
#include "store/wallclock.h"
#include "tls/certificateauthority.h"
#include "tls/tlsreport.h"
#include "tls/trustedcertificates.h"

namespace wsi {

InterceptionTls::InterceptionTls(Connection *connection, TapHandle *tap, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_tap(tap)
{
    connect(m_tap, &TapHandle::tlsEstablished, this, &InterceptionTls::onEstablished);
    connect(m_tap, &TapHandle::tlsVerificationFailed, this, &InterceptionTls::onVerificationFailed);
}

RecordedText InterceptionTls::reasons(const TlsReport &report)
{
    // TlsReport words each error in the language of the moment: make them again in English for the record.
    const QList<QSslError> errors = report.errors;
    const QString host = report.host;
    return RecordedText::captured([errors, host] {
        QStringList words;
        for (const QSslError &e : errors)
            words << TlsReport::explain(e, host);
        return words.join(QLatin1Char(' '));
    });
}

RecordedText InterceptionTls::summary(const TlsReport &report)
{
    RecordedText summary
        = RecordedText("wsi::Connection", QT_TRANSLATE_NOOP("wsi::Connection", "%1 with %2, %3, %4"))
              .arg(report.host)
              .arg(report.protocol)
              .arg(report.cipher)
              .arg(report.verified
                      ? RecordedText("wsi::Connection", QT_TRANSLATE_NOOP("wsi::Connection", "certificate verified"))
                      : RecordedText(
                          "wsi::Connection", QT_TRANSLATE_NOOP("wsi::Connection", "certificate NOT verified")));
    if (report.proceededDespiteErrors)
        summary = summary
            + RecordedText("wsi::Connection", QT_TRANSLATE_NOOP("wsi::Connection", " (proceeding despite: %1)"))
                  .arg(reasons(report));
    return summary;
}

bool InterceptionTls::configure(const ClientTlsSettings &tls, RecordedText *failure)
{
    const ConnectionOptions &options = m_connection->options();
    const QString host = options.url.host();
    RecordedText warning;
    m_authority
        = m_connection->m_authority ? m_connection->m_authority : Connection::defaultCertificateAuthority(&warning);
    if (!warning.isEmpty())
        m_connection->appendInfo(warning);
    TapTlsSettings tapTls;
    tapTls.intercept = true;
    tapTls.leaf = m_authority ? m_authority->issue({ host }) : IssuedCertificate();
    if (tapTls.leaf.isNull()) {
        // The CA's own error is technical English.
        *failure
            = RecordedText("wsi::Connection",
                QT_TRANSLATE_NOOP("wsi::Connection",
                    "The inspector's certificate authority could not issue a certificate for %1: %2"))
                  .arg(host)
                  .arg(m_authority ? m_authority->lastErrorText()
                                   : RecordedText("wsi::Connection", QT_TRANSLATE_NOOP("wsi::Connection", "no CA")));
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
    // The row is recorded in English and shown translated, like the error rows.
    const RecordedText summary = InterceptionTls::summary(report);
    EventRecord r;
    r.timeUs = wallClockUs();
    r.type = EventType::Tls;
    r.dir = Direction::None;
    m_connection->m_leg.texts.insert(m_connection->m_leg.events.size(), summary);
    m_connection->appendEvent(r, summary.english().toUtf8());
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
            .arg(reasons(report)));
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
