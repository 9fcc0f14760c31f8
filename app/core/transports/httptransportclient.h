// HttpTransportClient: the HTTP side of the comparison's clients: browser-like requests, messages up by POST.
#pragma once

#include "server/transportkind.h"
#include "transports/transportclient.h"

#include <QNetworkAccessManager>
#include <QPointer>

class QNetworkReply;
class QNetworkRequest;

namespace wsi {

// What the polling, long-polling and streaming clients share: one QNetworkAccessManager (its keep-alive
// connections are what a browser would reuse), requests carrying the browser's headers, and the client's
// messages sent up as POST /transports/<transport>/send, as a page would with fetch().
class HttpTransportClient : public TransportClient
{
    Q_OBJECT
public:
    void start(const QUrl &server, const BrowserHeaders::List &headers) override;
    void send(const QByteArray &message) override;
    void stop() override;

protected:
    HttpTransportClient(TransportKind kind, QObject *parent);
    // The transport's own receiving starts here.
    virtual void begin() = 0;
    QNetworkRequest request(const QByteArray &action) const;
    QNetworkAccessManager *network() const { return m_network; }
    bool stopped() const { return m_stopped; }
    TransportKind kind() const { return m_kind; }
    // A reply that failed while the client runs: failed() once.
    bool checkFailed(QNetworkReply *reply);

private:
    TransportKind m_kind;
    QPointer<QNetworkAccessManager> m_network;
    QUrl m_server;
    BrowserHeaders::List m_headers;
    bool m_stopped = false;
};

} // namespace wsi
