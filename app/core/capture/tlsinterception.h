// TlsInterception: the tap's side of intercepting wss: whom to trust upstream, what to present downstream.
#pragma once

#include "capture/taptlssettings.h"
#include "language/recordedtext.h"

#include <QList>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>

namespace wsi {

struct TlsReport;

// With interception the tap opens the real server's TLS itself and presents a leaf of the app's own CA to
// its QWebSocket. This holds the settings and the verification state between the two: which errors the
// user accepted, and which failed handshake waits for the user's decision.
class TlsInterception
{
public:
    void setSettings(const TapTlsSettings &settings) { m_settings = settings; }
    bool enabled() const { return m_settings.intercept; }

    // For the connection to the real server: system CAs and the extra ones, the client certificate, http/1.1.
    QSslConfiguration upstreamConfiguration() const;
    // For the tap's side towards its own QWebSocket, which trusts only the app's CA.
    QSslConfiguration clientConfiguration() const;

    // The real server's verification errors: true when they may be ignored without asking (insecure mode,
    // the very errors the user already accepted, or a leaf the user trusts). Otherwise the handshake fails
    // and waits for proceed() or cancel().
    bool acceptErrors(const QList<QSslError> &errors, const TlsReport &report);
    QList<QSslError> acceptedErrors() const { return m_acceptedErrors; }
    bool awaitingDecision() const { return m_awaitingDecision; }
    // The user proceeds: the next handshake accepts exactly the errors reported. False if nothing waited.
    bool proceed();
    // The user gives up: false if nothing waited, else true with the message that says why it failed.
    bool cancel(const QString &host, RecordedText *message);

private:
    TapTlsSettings m_settings;
    QList<QSslError> m_lastErrors;
    QList<QSslError> m_acceptedErrors;
    bool m_awaitingDecision = false;
};

} // namespace wsi
