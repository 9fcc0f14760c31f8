#include "comparetransportscommand.h"
#include "connectarguments.h"
#include "connectcommand.h"
#include "convertcommand.h"
#include "language/translations.h"
#include "proxyarguments.h"
#include "proxycommand.h"
#include "servearguments.h"
#include "servecommand.h"
#include "signalwatcher.h"
#include "usage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>
#include <csignal>
#include <cstdio>
#include <sys/resource.h>

namespace {

// A test server may hold many clients, each with two sockets through the front relay: use the hard limit.
void raiseOpenFilesLimit()
{
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

// Only --help, --version, or a mistake: no command given.
[[noreturn]] void handleNoCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("wsi::Cli",
        "Headless twin of WS Inspector: prints every event of WebSocket connections as JSON Lines "
        "(docs/session-format.md).\n\n"
        "  wsinspector-cli connect URL [options]   open a connection, send, close\n"
        "  wsinspector-cli serve [options]         run the local test server\n"
        "  wsinspector-cli proxy --to URL [opts]   reverse proxy to URL, both legs recorded\n"
        "  wsinspector-cli proxy [opts]            forward HTTP proxy (CONNECT, TLS intercepted), both legs\n"
        "  wsinspector-cli convert IN OUT          session log (.jsonl) <-> HAR (.har)\n"
        "  wsinspector-cli compare-transports      polling, long polling, streaming and WebSocket measured\n\n"
        "wsinspector-cli COMMAND --help shows the options of a command."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"),
        QCoreApplication::translate("wsi::Cli", "connect, serve, proxy, convert or compare-transports"));
    parser.process(arguments);
    wsi::usageError(QCoreApplication::translate("wsi::Cli",
        "missing command; try: wsinspector-cli connect ws://127.0.0.1:9000/ or "
        "wsinspector-cli serve"));
}

// The session log on stdout is the same in every language, its messages included (docs/session-format.md),
// and each failure line on stderr repeats an event's message: once the command line is understood, the
// connection's own words stay in English.
void speakTheSessionLogLanguage()
{
    wsi::Translations::forApplication()->apply(QStringLiteral("en"));
}

} // namespace

int main(int argc, char *argv[])
{
    // The CLI has no GUI to integrate with: Qt's plain UNIX event dispatcher is cheaper per socket event
    // than the glib one (+36% echoes/s for the capture server in bench/server_load.sh).
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    // The same names as the window, so that both use one CA in one app data folder.
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WSI_VERSION));
    // --help and the mistakes in a command line follow the system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
    wsi::Translations::forApplication()->apply(QString());

    // stderr carries one line of our own when something fails; Qt's TLS backend would add its own lines about
    // the same failure (e.g. a PKCS#12 MAC check), which the line from the core already explains.
    QLoggingCategory::setFilterRules(QStringLiteral("qt.tlsbackend.*.warning=false"));

    const QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.value(1);
    if (command.isEmpty() || command.startsWith(QLatin1Char('-')))
        handleNoCommand(arguments);
    if (command == QLatin1String("convert"))
        return wsi::runConvert(arguments);
    if (command == QLatin1String("compare-transports"))
        return wsi::runCompareTransports(arguments);
    if (command != QLatin1String("connect") && command != QLatin1String("serve") && command != QLatin1String("proxy"))
        wsi::usageError(QCoreApplication::translate(
            "wsi::Cli", "unknown command \"%1\"; the commands are: connect, serve, proxy, convert, compare-transports")
                            .arg(command));

    // Full buffering: a flood must not cost a write() per line; the commands flush per batch of events.
    static char buffer[1 << 16];
    std::setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
    wsi::SignalWatcher signalWatcher({ SIGINT, SIGTERM });

    if (command == QLatin1String("connect")) {
        const wsi::ConnectCommand::Settings settings = wsi::parseConnectArguments(arguments);
        speakTheSessionLogLanguage();
        wsi::ConnectCommand connect(settings, stdout);
        QObject::connect(&connect, &wsi::ConnectCommand::done, &app, [](int code) { QCoreApplication::exit(code); });
        QObject::connect(&signalWatcher, &wsi::SignalWatcher::received, &connect, &wsi::ConnectCommand::interrupt);
        QTimer::singleShot(0, &connect, &wsi::ConnectCommand::start);
        return app.exec();
    }

    raiseOpenFilesLimit();
    if (command == QLatin1String("proxy")) {
        const wsi::ProxyCommand::Settings settings = wsi::parseProxyArguments(arguments);
        speakTheSessionLogLanguage();
        wsi::ProxyCommand proxy(settings, stdout);
        QObject::connect(&proxy, &wsi::ProxyCommand::done, &app, [](int code) { QCoreApplication::exit(code); });
        QObject::connect(&signalWatcher, &wsi::SignalWatcher::received, &proxy, &wsi::ProxyCommand::stop);
        QTimer::singleShot(0, &proxy, &wsi::ProxyCommand::start);
        return app.exec();
    }
    const auto serveSettings = wsi::parseServeArguments(arguments);
    speakTheSessionLogLanguage();
    wsi::ServeCommand serve(serveSettings, stdout);
    QObject::connect(&serve, &wsi::ServeCommand::done, &app, [](int code) { QCoreApplication::exit(code); });
    QObject::connect(&signalWatcher, &wsi::SignalWatcher::received, &serve, &wsi::ServeCommand::stop);
    QTimer::singleShot(0, &serve, &wsi::ServeCommand::start);
    return app.exec();
}
