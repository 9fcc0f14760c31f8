// ProxyListener: the reverse proxy's listening socket and its clients, on the ProxyThread.
#pragma once

#include "proxy/proxiedclienthost.h"
#include "proxy/reverseproxyoptions.h"

class QTcpServer;

namespace wsi {

// Issue 12: the GUI thread never reads a socket of the reverse proxy (with rules or without). This object lives on the
// ProxyThread with every socket it accepts; each becomes a ProxiedClient of this host (ProxiedClientHost: the batches,
// the tick, the GUI thread's calls by client number).
class ProxyListener : public ProxiedClientHost
{
    Q_OBJECT
public:
    explicit ProxyListener(const ReverseProxyOptions &options);
    ~ProxyListener() override;

    // False with the reason in error (the port taken).
    bool listen(QString *error);
    void close();
    QHostAddress serverAddress() const;
    quint16 serverPort() const;

private:
    void onNewConnection();

    ReverseProxyOptions m_options;
    QTcpServer *m_server;
};

} // namespace wsi
