// TapListener: a tap's door on 127.0.0.1: reads proxy request heads and lets exactly one authenticated CONNECT in.
#pragma once

#include "capture/connectgate.h"
#include "language/recordedtext.h"

#include <QByteArray>
#include <QHash>
#include <QNetworkProxy>
#include <QObject>
#include <QPointer>
#include <QString>

class QTcpServer;
class QTcpSocket;

namespace wsi {

// The tap is never an open proxy: this listens on loopback only, answers every head with ConnectGate (the 407
// challenge, refusals), drops whoever comes after the one tunnel, and hands that tunnel's client to its WireTap,
// which relays from then on. Apart from the relaying, so that each reads as one job. Lives on the tap's thread.
class TapListener : public QObject
{
    Q_OBJECT
public:
    TapListener(const QString &targetHost, quint16 targetPort, QObject *parent = nullptr);

    // Starts listening on 127.0.0.1 with a free port. Returns false with a reason on failure.
    bool listen(RecordedText *error = nullptr);
    void close();
    quint16 port() const;
    QString user() const { return m_gate.user(); }
    QString password() const { return m_gate.password(); }
    // The proxy a QWebSocket must use to go through this tap.
    QNetworkProxy proxy() const;

    // Moments on wallClockUs()'s clock (-1 until they happen): the first client accepted, the tunnel's CONNECT parsed.
    qint64 acceptedUs() const { return m_acceptedUs; }
    qint64 connectParsedUs() const { return m_connectParsedUs; }

    // Answers a client with a response of the tap's own (a challenge, a refusal, a 502), closing after it if asked.
    static void reply(QTcpSocket *client, const QByteArray &statusLine, const QByteArray &extraHeaders,
        const QByteArray &body, bool closeAfter);

Q_SIGNALS:
    // The authenticated CONNECT to the target: its client (a child of this) is the tunnel's from now on, with the
    // bytes that came after the head. Nothing else is let in afterwards.
    void tunnelRequested(QTcpSocket *client, const QByteArray &bytesAfterHead);
    // A request was refused (missing or wrong credentials, another target, a second tunnel, an oversized head).
    void refused(const QString &reason);

private:
    void onNewConnection();
    void onHeadBytes(QTcpSocket *client);

    ConnectGate m_gate;
    QTcpServer *m_server;
    QPointer<QTcpSocket> m_tunnelClient;
    QHash<QTcpSocket *, QByteArray> m_headBuffers; // CONNECT heads still arriving
    qint64 m_acceptedUs = -1;
    qint64 m_connectParsedUs = -1;
    int m_attempts = 0;
};

} // namespace wsi
