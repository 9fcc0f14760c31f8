// TapDialer: reaches the tap's one target (DNS, TCP, and the real server's TLS when intercepting), timing each step.
// step.
#pragma once

#include "tls/tlsreport.h"

#include <QHostAddress>
#include <QObject>
#include <QString>

class QHostInfo;
class QSslError;
class QTcpSocket;

namespace wsi {

class TlsInterception;
class UpstreamFailure;

// The tap's way to its server: a host lookup unless the target is an address (IPv4 preferred, as most clients do
// on a dual-stack loopback), a TCP connect, and with interception the TLS handshake verified by TlsInterception's
// rules. Each step is timed on wallClockUs()'s clock so that the steps add up with nothing between them. The tap
// relays; this only reaches.
class TapDialer : public QObject
{
    Q_OBJECT
public:
    TapDialer(const QString &host, quint16 port, TlsInterception *tls, QObject *parent = nullptr);
    ~TapDialer() override;

    // Starts reaching the target; startUs is when the tap's CONNECT was parsed (DNS starts there).
    void dial(qint64 startUs);
    // After the user accepted the real server's certificate errors: a new socket, the same target.
    void redial(qint64 startUs);
    // Stops a lookup in flight (silently: called from shutdowns and ends).
    void abortLookup();

    // The socket towards the server (null before the TCP connect starts); parented to the dialer's parent.
    QTcpSocket *socket() const { return m_socket; }
    QHostAddress address() const { return m_address; }
    bool tlsUp() const { return m_tlsUp; }
    // The last step (TCP, or TLS when intercepting) done; -1 until then.
    qint64 readyUs() const { return m_readyUs; }

Q_SIGNALS:
    // A new socket, before it connects: the tap hooks its relay to it.
    void socketCreated(QTcpSocket *socket);
    // TCP is up (with interception, TLS follows).
    void connected(qint64 dnsUs, qint64 tcpUs);
    void tlsEstablished(const wsi::TlsReport &report, qint64 tlsUs);
    void tlsVerificationFailed(const wsi::TlsReport &report);
    void lookupFailed(const wsi::UpstreamFailure &failure);

private:
    void onLookedUp(const QHostInfo &info);
    void connectTo(qint64 startUs);
    void onConnected();
    void onSslErrors(const QList<QSslError> &errors);
    void onEncrypted();

    QString m_host;
    quint16 m_port;
    TlsInterception *m_tls;
    QTcpSocket *m_socket = nullptr;
    QHostAddress m_address;
    int m_lookupId = -1;
    qint64 m_parsedUs = -1;
    qint64 m_dnsUs = -1;
    qint64 m_connectStartUs = -1;
    qint64 m_connectedUs = -1;
    qint64 m_readyUs = -1;
    bool m_tlsUp = false;
};

} // namespace wsi
