// LessonHost: what a Learn lesson may ask of the window: the test server, a connection, a tab, a highlight.
#pragma once

#include <QByteArray>
#include <QString>

namespace wsi {

class Connection;
class LocalServer;
class ReconnectController;
struct ConnectionOptions;

// Narrow on purpose: the lessons drive the window through these calls, never through its widgets.
class LessonHost
{
public:
    enum class View { Messages, Handshake };

    virtual ~LessonHost() = default;

    // The running test server (plain ws), started on loopback when it is not running; null with `error` set.
    virtual LocalServer *ensureTestServer(QString *error) = 0;
    // A wss test server on loopback whose certificate `caFile` trusts; null with `error` set.
    virtual LocalServer *ensureTlsTestServer(QString *caFile, QString *error) = 0;
    // Opens a client as the connect bar would (auto-reconnect included when the options ask for it) and
    // selects it.
    virtual Connection *openConnection(const ConnectionOptions &options) = 0;
    virtual ReconnectController *reconnectControllerFor(const Connection *connection) const = 0;
    virtual void selectConnection(Connection *connection) = 0;
    virtual void showView(View view) = 0;
    // Selects this header's row in the handshake view (request first, then response); false when absent.
    virtual bool highlightHeader(const QByteArray &name) = 0;
    // Selects this EventStore row of the selected connection in the log.
    virtual void highlightEvent(int eventIndex) = 0;
};

} // namespace wsi
