// ServerOptions: what the local test server does with its clients' messages, and its limits.
#include "server/serveroptions.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

namespace wsi {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("wsi::ServerOptions", text);
}

} // namespace

const char *serverModeId(ServerMode mode)
{
    switch (mode) {
    case ServerMode::Echo:
        return "echo";
    case ServerMode::Broadcast:
        return "broadcast";
    case ServerMode::Manual:
        return "manual";
    case ServerMode::Silent:
        return "silent";
    case ServerMode::Reject:
        return "reject";
    }
    return "echo";
}

bool serverModeFromId(const QString &id, ServerMode *mode)
{
    for (ServerMode m :
        { ServerMode::Echo, ServerMode::Broadcast, ServerMode::Manual, ServerMode::Silent, ServerMode::Reject }) {
        if (id.compare(QLatin1String(serverModeId(m)), Qt::CaseInsensitive) == 0) {
            *mode = m;
            return true;
        }
    }
    return false;
}

const char *serverEngineId(ServerEngine engine)
{
    return engine == ServerEngine::Qt ? "qt" : "builtin";
}

bool serverEngineFromId(const QString &id, ServerEngine *engine)
{
    for (ServerEngine e : { ServerEngine::Builtin, ServerEngine::Qt }) {
        if (id.compare(QLatin1String(serverEngineId(e)), Qt::CaseInsensitive) == 0) {
            *engine = e;
            return true;
        }
    }
    return false;
}

bool qtEngineSupportsMode(ServerMode mode)
{
    return mode == ServerMode::Echo || mode == ServerMode::Silent;
}

bool ServerOptions::isExposed() const
{
    return !address.isLoopback();
}

QString ServerOptions::validate() const
{
    if (address.isNull())
        return tr("The bind address is not a valid IP address.");
    if (tls && certificateFile.isEmpty() != keyFile.isEmpty())
        return tr("Give both a certificate file and a key file, or neither to use a generated certificate.");
    for (const QString &path : { certificateFile, keyFile }) {
        if (!path.isEmpty() && !QFile::exists(path))
            return tr("The file \"%1\" does not exist.").arg(path);
    }
    if (maxClients < 0)
        return tr("The client limit cannot be negative.");
    if (handshakeTimeoutMs <= 0)
        return tr("The handshake timeout must be a positive number of milliseconds.");
    if (maxMessageSize <= 0)
        return tr("The maximum message size must be positive.");
    if (mode == ServerMode::Reject && (rejectStatus < 200 || rejectStatus > 599 || rejectStatus == 101))
        return tr("The reject status must be an HTTP status from 200 to 599 other than 101.");
    if (engine == ServerEngine::Qt) {
        // Refused rather than ignored: a user who set them would otherwise believe the Qt server honoured them.
        if (!qtEngineSupportsMode(mode))
            return tr("The Qt engine has the echo and silent modes only; pick the built-in engine for the "
                      "others.");
        if (tls)
            return tr("The Qt engine serves ws:// only; pick the built-in engine for wss://.");
        // Qt 6.4's QWebSocketServer declines every extension offer.
        if (deflate)
            return tr("The Qt engine has no permessage-deflate; pick the built-in engine to compress.");
        if (!subprotocols.isEmpty() || !allowedOrigins.isEmpty() || maxClients > 0 || idleTimeoutMs > 0
            || !autoReplies.isEmpty())
            return tr("The Qt engine has no subprotocols, allowed origins, client limit, idle timeout or "
                      "auto-replies; clear them or pick the built-in engine.");
    }
    return autoRepliesProblem(autoReplies);
}

QString ServerOptions::autoRepliesProblem(const QList<AutoReplyRule> &rules)
{
    for (const AutoReplyRule &rule : rules) {
        if (rule.isRegex) {
            const QRegularExpression re(rule.pattern);
            if (!re.isValid())
                return tr("The auto-reply pattern \"%1\" is not a valid regular expression: %2.")
                    .arg(rule.pattern, re.errorString());
        } else if (rule.pattern.isEmpty()) {
            return tr("An auto-reply rule has an empty pattern.");
        }
    }
    return {};
}

} // namespace wsi
