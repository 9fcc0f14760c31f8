#include "servearguments.h"

#include "usage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <limits>

namespace wsi {

ServeCommand::Settings parseServeArguments(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("wsi::Cli",
        "Runs WS Inspector's local test server and prints every client's events as JSON Lines "
        "(docs/session-format.md), after a \"listening\" line with the URL. Stops on SIGINT/SIGTERM or after "
        "--duration-ms, closing the clients with 1001 Going Away."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("serve"), QCoreApplication::translate("wsi::Cli", "The command."));
    const auto option = [](const char *name, const char *description, const char *valueName = nullptr,
                            const char *defaultValue = nullptr) {
        return QCommandLineOption(QLatin1String(name), QCoreApplication::translate("wsi::Cli", description),
            valueName ? QLatin1String(valueName) : QString(), defaultValue ? QLatin1String(defaultValue) : QString());
    };
    const QCommandLineOption host
        = option("host", QT_TRANSLATE_NOOP("wsi::Cli", "Address to bind (default 127.0.0.1)."), "address", "127.0.0.1");
    const QCommandLineOption port = option("port",
        QT_TRANSLATE_NOOP("wsi::Cli", "Port (default 0: a free one, shown in the listening line)."), "port", "0");
    const QCommandLineOption mode = option(
        "mode", QT_TRANSLATE_NOOP("wsi::Cli", "echo (default), broadcast, manual, silent or reject."), "mode", "echo");
    const QCommandLineOption engine = option("engine",
        QT_TRANSLATE_NOOP("wsi::Cli",
            "builtin (default) or qt: Qt's own QWebSocketServer behind the recording relay, each client with a client "
            "and a server leg (echo and silent modes only, no --tls)."),
        "engine", "builtin");
    const QCommandLineOption rejectStatus = option(
        "reject-status", QT_TRANSLATE_NOOP("wsi::Cli", "HTTP status of --mode reject (default 403)."), "status", "403");
    const QCommandLineOption subprotocol = option("subprotocol",
        QT_TRANSLATE_NOOP("wsi::Cli", "A supported subprotocol (repeatable, in preference order)."), "name");
    const QCommandLineOption allowOrigin = option(
        "allow-origin", QT_TRANSLATE_NOOP("wsi::Cli", "An allowed Origin; others get 403 (repeatable)."), "origin");
    const QCommandLineOption tls = option(
        "tls", QT_TRANSLATE_NOOP("wsi::Cli", "Serve wss:// (with --cert/--key, or a certificate from the app's CA)."));
    const QCommandLineOption cert
        = option("cert", QT_TRANSLATE_NOOP("wsi::Cli", "PEM certificate (chain) for --tls."), "file");
    const QCommandLineOption key = option("key", QT_TRANSLATE_NOOP("wsi::Cli", "PEM private key for --tls."), "file");
    const QCommandLineOption maxClients = option("max-clients",
        QT_TRANSLATE_NOOP("wsi::Cli", "At most N clients at once; more get 503 (0: no limit)."), "n", "0");
    const QCommandLineOption idleTimeoutMs = option("idle-timeout-ms",
        QT_TRANSLATE_NOOP("wsi::Cli", "Close a client idle this long with 1001 (0: never)."), "ms", "0");
    const QCommandLineOption durationMs = option(
        "duration-ms", QT_TRANSLATE_NOOP("wsi::Cli", "Stop after this long (0: run until SIGINT/SIGTERM)."), "ms", "0");
    const QCommandLineOption noFrames
        = option("no-frames", QT_TRANSLATE_NOOP("wsi::Cli", "Leave frame events out of the output."));
    const QCommandLineOption deflate = option("deflate",
        QT_TRANSLATE_NOOP("wsi::Cli",
            "Accept a client's permessage-deflate offer: compressed frames both ways, messages logged inflated."));
    const QCommandLineOption noDeflate
        = option("no-deflate", QT_TRANSLATE_NOOP("wsi::Cli", "Decline permessage-deflate (the default)."));
    const QCommandLineOption sessionBudget = option("session-budget-mb",
        QT_TRANSLATE_NOOP("wsi::Cli",
            "Keep N MiB of payloads per connection in full, then the first 1024 bytes of each message (default "
            "4096; 0: no limit)."),
        "mib", "4096");
    parser.addOptions({ host, port, mode, engine, rejectStatus, subprotocol, allowOrigin, tls, cert, key, maxClients,
        idleTimeoutMs, durationMs, noFrames, deflate, noDeflate, sessionBudget });
    parser.process(arguments);

    if (parser.positionalArguments().size() != 1)
        usageError(QCoreApplication::translate("wsi::Cli", "serve takes no URL or other arguments: \"%1\"")
                       .arg(parser.positionalArguments().mid(1).join(QLatin1Char(' '))));

    ServeCommand::Settings settings;
    ServerOptions &options = settings.options;
    options.address = QHostAddress(parser.value(host));
    if (options.address.isNull())
        usageError(QCoreApplication::translate(
            "wsi::Cli", "--host needs an IP address such as 127.0.0.1, 0.0.0.0 or ::1, not \"%1\".")
                       .arg(parser.value(host)));
    options.port = quint16(parseBoundedInt(parser.value(port), QStringLiteral("port"), 0, 65535));
    if (!serverModeFromId(parser.value(mode), &options.mode))
        usageError(QCoreApplication::translate(
            "wsi::Cli", "--mode must be echo, broadcast, manual, silent or reject, not \"%1\".")
                       .arg(parser.value(mode)));
    if (!serverEngineFromId(parser.value(engine), &options.engine))
        usageError(QCoreApplication::translate("wsi::Cli", "--engine must be builtin or qt, not \"%1\".")
                       .arg(parser.value(engine)));
    options.rejectStatus = int(parseBoundedInt(parser.value(rejectStatus), QStringLiteral("reject-status"), 200, 599));
    if (parser.isSet(rejectStatus) && options.mode != ServerMode::Reject)
        usageError(QCoreApplication::translate("wsi::Cli", "--reject-status applies to --mode reject only."));
    options.subprotocols = parser.values(subprotocol);
    options.allowedOrigins = parser.values(allowOrigin);
    options.tls = parser.isSet(tls);
    options.certificateFile = parser.value(cert);
    options.keyFile = parser.value(key);
    if ((parser.isSet(cert) || parser.isSet(key)) && !options.tls)
        usageError(QCoreApplication::translate("wsi::Cli", "--cert and --key need --tls."));
    for (const QString &file : { options.certificateFile, options.keyFile }) {
        if (!file.isEmpty() && !QFileInfo(file).isReadable())
            usageError(
                QCoreApplication::translate("wsi::Cli", "The file \"%1\" does not exist or cannot be read.").arg(file));
    }
    options.maxClients = int(parseBoundedInt(parser.value(maxClients), QStringLiteral("max-clients"), 0, 1000000));
    options.idleTimeoutMs
        = int(parseBoundedInt(parser.value(idleTimeoutMs), QStringLiteral("idle-timeout-ms"), 0, 24 * 3600 * 1000));
    settings.durationMs = int(
        parseBoundedInt(parser.value(durationMs), QStringLiteral("duration-ms"), 0, std::numeric_limits<int>::max()));
    settings.showFrames = !parser.isSet(noFrames);
    if (parser.isSet(deflate) && parser.isSet(noDeflate))
        usageError(QCoreApplication::translate("wsi::Cli", "--deflate and --no-deflate exclude each other."));
    options.deflate = parser.isSet(deflate);
    settings.sessionBudgetMb
        = parseBoundedInt(parser.value(sessionBudget), QStringLiteral("session-budget-mb"), 0, 1024 * 1024);
    const QString problem = options.validate();
    if (!problem.isEmpty())
        usageError(problem);
    return settings;
}

} // namespace wsi
