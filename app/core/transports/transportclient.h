// TransportClient: one client side of the transport comparison: receives the server's pushes, sends upstream.
#pragma once

#include "transports/browserheaders.h"

#include <QObject>
#include <QUrl>

namespace wsi {

// The client half of one transport in the comparison, as a web page would run it: it gets the server's
// messages however the transport lets it, and sends its own up.
class TransportClient : public QObject
{
    Q_OBJECT
public:
    explicit TransportClient(QObject *parent = nullptr);

    // server: http://127.0.0.1:PORT of the test server.
    virtual void start(const QUrl &server, const BrowserHeaders::List &headers) = 0;
    virtual void send(const QByteArray &message) = 0;
    // Stops asking and closes what is open; nothing is emitted after it.
    virtual void stop() = 0;

Q_SIGNALS:
    // The client can receive: the server's pushes may start.
    void ready();
    // Server message seq arrived, the first time, at steadyNs (std::chrono::steady_clock, in nanoseconds): taken here
    // as it comes off the wire, so that a hop to another thread is not part of the latency.
    void received(int seq, qint64 steadyNs);
    void failed(const QString &error);

protected:
    // One server message as it came off the wire.
    void take(QByteArrayView message);
    int lastSeq() const { return m_lastSeq; }

private:
    int m_lastSeq = 0;
};

} // namespace wsi
