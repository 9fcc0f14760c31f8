// InterceptionTls: wss interception as a connection sees it (the tap's TLS, and the user's trust decisions).
#pragma once

#include "language/recordedtext.h"

#include <QObject>

namespace wsi {

class CertificateAuthority;
class ClientTlsSettings;
class Connection;
class TapHandle;
struct TlsReport;

// With interception the tap opens the real TLS connection itself and presents a leaf of the inspector's
// own CA to the QWebSocket. This sets the tap up for that from the connection's TLS settings, records the
// real server's TLS when it is up, and, when its certificate fails verification, holds the connection for
// the user's decision (proceed once, always trust, or cancel).
class InterceptionTls : public QObject
{
    Q_OBJECT
public:
    explicit InterceptionTls(Connection *connection, TapHandle *tap, QObject *parent = nullptr);

    // Issues the leaf for the host and hands the tap its settings (the tap goes on without a client
    // certificate that could not be loaded). False, with the reason, when the CA cannot issue a leaf.
    bool configure(const ClientTlsSettings &tls, RecordedText *failure);
    // The CA the QWebSocket must trust (and nothing else): it talks TLS with the tap only.
    CertificateAuthority *authority() const { return m_authority; }

    bool awaitingDecision() const { return m_awaitingDecision; }
    // Go on despite the reported errors, remembering the certificate for this host when alwaysTrust.
    void proceed(bool alwaysTrust);
    void cancel();
    // The Tls row of a TLS session: recorded in English, shown translated (the proxy's server leg uses it too).
    static RecordedText summary(const TlsReport &report);

Q_SIGNALS:
    // The connection's deadline must not run while the user decides: paused, then resumed on proceed.
    void decisionPending();
    void decisionMade();

private:
    void onEstablished(const TlsReport &report, qint64 tlsUs);
    void onVerificationFailed(const TlsReport &report);
    // The report's errors in words, English for the record and translated for the window.
    static RecordedText reasons(const TlsReport &report);

    Connection *m_connection;
    TapHandle *m_tap;
    CertificateAuthority *m_authority = nullptr;
    bool m_awaitingDecision = false; // the tap waits for proceed() or cancel()
};

} // namespace wsi
