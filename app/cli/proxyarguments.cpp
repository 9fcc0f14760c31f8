#include "proxyarguments.h"

#include "usage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <limits>

namespace wsi {

ProxyCommand::Settings parseProxyArguments(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("wsi::Cli",
            "Runs WS Inspector's reverse proxy: every WebSocket client that connects is relayed to the --to URL, "
            "and both legs of each connection are printed as JSON Lines (docs/session-format.md), each event with "
            "\"leg\":\"client\" or \"leg\":\"server\", after a \"listening\" line with the URL. Stops on "
            "SIGINT/SIGTERM or after --duration-ms.")
        + QLatin1Char('\n')
        + QCoreApplication::translate("wsi::Cli",
            "Without --to it runs the forward HTTP proxy instead: give browsers and apps the \"proxy\" address of "
            "the listening line; CONNECT tunnels (TLS intercepted with WS Inspector's own CA) and plain requests "
            "are served, every WebSocket through it is recorded on both legs, other HTTP passes through."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("proxy"), QCoreApplication::translate("wsi::Cli", "The command."));
    const auto option = [](const char *name, const char *description, const char *valueName = nullptr,
                            const char *defaultValue = nullptr) {
        return QCommandLineOption(QLatin1String(name), QCoreApplication::translate("wsi::Cli", description),
            valueName ? QLatin1String(valueName) : QString(), defaultValue ? QLatin1String(defaultValue) : QString());
    };
    const QCommandLineOption to = option(
        "to", QT_TRANSLATE_NOOP("wsi::Cli", "The upstream ws:// or wss:// URL every client is relayed to."), "url");
    const QCommandLineOption host
        = option("host", QT_TRANSLATE_NOOP("wsi::Cli", "Address to bind (default 127.0.0.1)."), "address", "127.0.0.1");
    const QCommandLineOption port = option("port",
        QT_TRANSLATE_NOOP("wsi::Cli", "Port (default 0: a free one, shown in the listening line)."), "port", "0");
    const QCommandLineOption keepHost = option(
        "keep-host", QT_TRANSLATE_NOOP("wsi::Cli", "Forward the client's Host header instead of the upstream's."));
    const QCommandLineOption insecure = option("insecure",
        QT_TRANSLATE_NOOP("wsi::Cli", "wss upstream: proceed past certificate errors (logged in the tls event)."));
    const QCommandLineOption ca = option(
        "ca", QT_TRANSLATE_NOOP("wsi::Cli", "wss upstream: also trust the CA certificates in this PEM file."), "file");
    const QCommandLineOption tlsMin = option("tls-min",
        QT_TRANSLATE_NOOP("wsi::Cli", "wss upstream: minimum TLS version, 1.2 (default) or 1.3."), "version", "1.2");
    const QCommandLineOption durationMs = option(
        "duration-ms", QT_TRANSLATE_NOOP("wsi::Cli", "Stop after this long (0: run until SIGINT/SIGTERM)."), "ms", "0");
    const QCommandLineOption chromium = option("chromium",
        QT_TRANSLATE_NOOP("wsi::Cli",
            "Forward proxy: open this URL in Chromium (/usr/bin/chromium) through the proxy, with a temporary "
            "profile and the CA trusted by its SPKI hash; Chromium is closed when the proxy stops."),
        "url");
    const QCommandLineOption chromiumHeadless
        = option("chromium-headless", QT_TRANSLATE_NOOP("wsi::Cli", "Forward proxy: run that Chromium headless."));
    const QCommandLineOption noFrames
        = option("no-frames", QT_TRANSLATE_NOOP("wsi::Cli", "Leave frame events out of the output."));
    const QCommandLineOption sessionBudget = option("session-budget-mb",
        QT_TRANSLATE_NOOP("wsi::Cli",
            "Keep N MiB of payloads per connection in full, then the first 1024 bytes of each message (default "
            "4096; 0: no limit)."),
        "mib", "4096");
    const QCommandLineOption hold = option("hold",
        QT_TRANSLATE_NOOP("wsi::Cli",
            "Hold the text messages of DIR (out: client to server, in: server to client) that REGEX matches; "
            "each is printed as a \"held\" line and waits for a command on stdin: forward N, drop N or edit N "
            "TEXT. Repeatable."),
        "DIR:REGEX");
    const QCommandLineOption replace = option("replace",
        QT_TRANSLATE_NOOP("wsi::Cli",
            "In the text messages of DIR, replace every match of REGEX with TEXT (\\1 for a captured group). "
            "Repeatable; applied in order."),
        "DIR:REGEX=>TEXT");
    const QCommandLineOption drop = option("drop",
        QT_TRANSLATE_NOOP("wsi::Cli", "Drop the text messages of DIR that REGEX matches. Repeatable."), "DIR:REGEX");
    parser.addOptions({ to, host, port, keepHost, insecure, ca, tlsMin, durationMs, noFrames, sessionBudget, chromium,
        chromiumHeadless, hold, replace, drop });
    parser.process(arguments);

    if (parser.positionalArguments().size() != 1)
        usageError(
            QCoreApplication::translate("wsi::Cli", "proxy takes no other arguments (the upstream is --to URL): \"%1\"")
                .arg(parser.positionalArguments().mid(1).join(QLatin1Char(' '))));
    ProxyCommand::Settings settings;
    settings.forward = !parser.isSet(to);
    for (const QCommandLineOption *forwardOnly : { &chromium, &chromiumHeadless }) {
        if (!settings.forward && parser.isSet(*forwardOnly))
            usageError(QCoreApplication::translate("wsi::Cli", "--%1 applies to the forward proxy only (without --to).")
                           .arg(forwardOnly->names().first()));
    }
    if (settings.forward && parser.isSet(keepHost))
        usageError(QCoreApplication::translate(
            "wsi::Cli", "--keep-host applies to the reverse proxy only: the forward proxy always keeps Host."));
    ReverseProxyOptions &options = settings.options;
    options.address = QHostAddress(parser.value(host));
    if (options.address.isNull())
        usageError(QCoreApplication::translate(
            "wsi::Cli", "--host needs an IP address such as 127.0.0.1, 0.0.0.0 or ::1, not \"%1\".")
                       .arg(parser.value(host)));
    options.port = quint16(parseBoundedInt(parser.value(port), QStringLiteral("port"), 0, 65535));
    options.upstream.url = QUrl(parser.value(to), QUrl::StrictMode);
    options.keepHost = parser.isSet(keepHost);
    options.upstream.insecure = parser.isSet(insecure);
    options.upstream.caFile = parser.value(ca);
    const QString tlsVersion = parser.value(tlsMin);
    if (tlsVersion != QLatin1String("1.2") && tlsVersion != QLatin1String("1.3"))
        usageError(
            QCoreApplication::translate("wsi::Cli", "--tls-min must be 1.2 or 1.3, not \"%1\".").arg(tlsVersion));
    options.upstream.minimumTlsVersion = tlsVersion == QLatin1String("1.3") ? 13 : 12;
    if (!options.upstream.caFile.isEmpty() && !QFileInfo(options.upstream.caFile).isReadable())
        usageError(QCoreApplication::translate("wsi::Cli", "The file \"%1\" does not exist or cannot be read.")
                       .arg(options.upstream.caFile));
    const bool secure
        = settings.forward || options.upstream.url.scheme().compare(QLatin1String("wss"), Qt::CaseInsensitive) == 0;
    for (const QCommandLineOption *tlsOption : { &insecure, &ca, &tlsMin }) {
        if (!secure && parser.isSet(*tlsOption))
            usageError(QCoreApplication::translate("wsi::Cli", "--%1 applies to a wss:// upstream only.")
                           .arg(tlsOption->names().first()));
    }
    settings.durationMs = int(
        parseBoundedInt(parser.value(durationMs), QStringLiteral("duration-ms"), 0, std::numeric_limits<int>::max()));
    settings.showFrames = !parser.isSet(noFrames);
    settings.sessionBudgetMb
        = parseBoundedInt(parser.value(sessionBudget), QStringLiteral("session-budget-mb"), 0, 1024 * 1024);
    // Each kind in the order given; whatever the order, drops act first, then replacements, then holds.
    const std::pair<const QCommandLineOption *, ProxyRule::Action> ruleOptions[] = {
        { &drop, ProxyRule::Action::Drop },
        { &replace, ProxyRule::Action::Replace },
        { &hold, ProxyRule::Action::Hold },
    };
    for (const auto &[ruleOption, action] : ruleOptions) {
        for (const QString &spec : parser.values(*ruleOption)) {
            QString error;
            const std::optional<ProxyRule> rule = ProxyRule::parse(action, spec, &error);
            if (!rule)
                usageError(QStringLiteral("--%1: %2").arg(ruleOption->names().first(), error));
            settings.rules.append(*rule);
        }
    }
    if (settings.forward) {
        // The forward proxy reads the same choices: each TLS tunnel's real server is verified with them.
        ForwardProxyOptions &forward = settings.forwardOptions;
        forward.address = options.address;
        forward.port = options.port;
        forward.upstreamTls = options.upstream;
        forward.upstreamTls.url = QUrl();
        if (parser.isSet(chromium)) {
            settings.chromium = QUrl(parser.value(chromium), QUrl::StrictMode);
            if (!settings.chromium.isValid() || settings.chromium.scheme().isEmpty())
                usageError(QCoreApplication::translate("wsi::Cli", "--chromium needs a URL, not \"%1\".")
                               .arg(parser.value(chromium)));
        }
        settings.chromiumHeadless = parser.isSet(chromiumHeadless);
        const QString problem = forward.validate();
        if (!problem.isEmpty())
            usageError(problem);
        return settings;
    }
    const QString problem = options.validate();
    if (!problem.isEmpty())
        usageError(problem);
    return settings;
}

} // namespace wsi
