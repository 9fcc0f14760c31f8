// ServerOptions: what the local test server does with its clients' messages, and its limits.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace wsi {

// What the local test server does with messages from its clients.
enum class ServerMode {
    Echo, // send every message back to its sender
    Broadcast, // send every message to the other clients (or to all, see ServerOptions::broadcastToSender)
    Manual, // do nothing; the user answers from the composer
    Silent, // do nothing, ever (auto-reply rules included)
    Reject, // answer every upgrade with rejectStatus, rejectHeaders and rejectBody
};

const char *serverModeId(ServerMode mode); // "echo", "broadcast", "manual", "silent", "reject"
bool serverModeFromId(const QString &id, ServerMode *mode);

// Which server answers the clients. Both record every client wire-true; they differ in who speaks the server side.
enum class ServerEngine {
    Builtin, // WS Inspector's own server: every mode, TLS, origins, subprotocols, limits, auto-replies
    Qt, // an in-process QWebSocketServer behind the recording relay (two legs): echo and silent only, ws:// only
};

const char *serverEngineId(ServerEngine engine); // "builtin", "qt"
bool serverEngineFromId(const QString &id, ServerEngine *engine);
// The modes the Qt engine has: a QWebSocketServer that echoes, or says nothing.
bool qtEngineSupportsMode(ServerMode mode);

// "When a message matches, reply with this template" (variables as in the composer).
struct AutoReplyRule
{
    QString pattern;
    bool isRegex = false;
    QString replyTemplate;
};

struct ServerOptions
{
    QHostAddress address = QHostAddress::LocalHost; // anything else is reachable by others: the UI warns
    quint16 port = 0; // 0: a free port
    bool tls = false;
    QString certificateFile; // PEM; empty with tls: a certificate from the app's own CA
    QString keyFile;
    QStringList subprotocols; // supported, in preference order
    QStringList allowedOrigins; // empty: any origin
    int maxClients = 0; // 0: no limit
    int handshakeTimeoutMs = 10000;
    qint64 maxMessageSize = 64 * 1024 * 1024;
    int idleTimeoutMs = 0; // 0: never
    ServerMode mode = ServerMode::Echo;
    bool broadcastToSender = false;
    int rejectStatus = 403;
    QList<QPair<QByteArray, QByteArray>> rejectHeaders;
    QByteArray rejectBody = "Rejected by the WS Inspector test server.\n";
    QList<AutoReplyRule> autoReplies;
    // Accept a client's permessage-deflate offer (RFC 7692): compress what the server sends, inflate what
    // clients send. Off by default so that the frames stay readable on the wire unless the user asks.
    bool deflate = false;
    ServerEngine engine = ServerEngine::Builtin;

    // Empty when usable, else one plain sentence naming the problem.
    QString validate() const;
    // Empty when every rule is usable (a non-empty pattern, a valid regular expression), else the problem.
    static QString autoRepliesProblem(const QList<AutoReplyRule> &rules);
    // True when the address lets other machines connect (not loopback).
    bool isExposed() const;
};

} // namespace wsi
