#include "common/theme.h"
#include "preferences/preferencesdialog.h"
#include "shell/mainwindow.h"
#include "store/slowturnlog.h"
#include "store/workerpriority.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

#include <sys/resource.h>

// Many simultaneous connections each hold a socket (two, through the wire tap): the default soft limit
// of 1024 open files is reached long before memory is. Raise it as far as the hard limit allows.
static void raiseOpenFilesLimit()
{
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

// Set on whichever application object exists: --version prints these names, the window uses them for
// settings and its app data folder.
static void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WSI_VERSION));
}

struct WindowOptions
{
    QCommandLineOption connect;
    QCommandLineOption serve;
    QCommandLineOption proxy;
    QCommandLineOption proxyAt;
    QCommandLineOption forwardProxy;
};

// The options of the window; docs/man/wsinspector.1 describes each one (tests/install checks it).
static WindowOptions addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "wsi::Gui", "WS Inspector: see WebSocket handshakes and frames as they cross the wire."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption connectOption(QStringList { QStringLiteral("c"), QStringLiteral("connect") },
        QCoreApplication::translate("wsi::Gui", "Connect to <url> as soon as the window opens."),
        QStringLiteral("url"));
    parser.addOption(connectOption);
    const QCommandLineOption serveOption(QStringList { QStringLiteral("s"), QStringLiteral("serve") },
        QCoreApplication::translate("wsi::Gui",
            "Start the test server on [host:]port as the window opens (host 127.0.0.1 unless given; "
            "the rest as the Test Server panel remembers it)."),
        QStringLiteral("[host:]port"));
    parser.addOption(serveOption);
    const QCommandLineOption proxyOption(QStringList { QStringLiteral("p"), QStringLiteral("proxy") },
        QCoreApplication::translate("wsi::Gui",
            "Start the reverse proxy to the WebSocket server at <url> as the window opens, listening where "
            "--proxy-at says, else where the Proxy panel remembers."),
        QStringLiteral("url"));
    parser.addOption(proxyOption);
    const QCommandLineOption proxyAtOption(QStringLiteral("proxy-at"),
        QCoreApplication::translate(
            "wsi::Gui", "Where the reverse proxy of --proxy listens: [host:]port (host 127.0.0.1 unless given)."),
        QStringLiteral("[host:]port"));
    parser.addOption(proxyAtOption);
    const QCommandLineOption forwardOption(QStringLiteral("forward-proxy"),
        QCoreApplication::translate("wsi::Gui",
            "Start the forward HTTP proxy for browsers and apps on [host:]port as the window opens (host "
            "127.0.0.1 unless given)."),
        QStringLiteral("[host:]port"));
    parser.addOption(forwardOption);
    parser.addPositionalArgument(QStringLiteral("url"),
        QCoreApplication::translate("wsi::Gui", "Same as --connect (used by the desktop file)."),
        QStringLiteral("[url]"));
    return { connectOption, serveOption, proxyOption, proxyAtOption, forwardOption };
}

// One proxy runs at a time, and --proxy-at says where --proxy listens: a combination that cannot be honoured is
// refused by name rather than half done. Empty when the options agree.
static QString proxyOptionsProblem(const QCommandLineParser &parser, const WindowOptions &options)
{
    if (parser.isSet(options.proxy) && parser.isSet(options.forwardProxy)) {
        return QCoreApplication::translate(
            "wsi::Gui", "--proxy and --forward-proxy cannot be used together: one proxy runs at a time.");
    }
    if (parser.isSet(options.proxyAt) && !parser.isSet(options.proxy)) {
        return QCoreApplication::translate("wsi::Gui",
            "--proxy-at says where the reverse proxy of --proxy listens; give --proxy <url> too (the forward "
            "proxy takes its address as --forward-proxy [host:]port).");
    }
    return {};
}

// QApplication aborts when there is no display, so --help, --version and options that cannot go together are
// answered from a QCoreApplication before it exists: they work over ssh, in a package's build and in CI.
// Arguments that only QApplication knows (-platform, -style, ...) fail this first parse; they are left to the
// second one, after QApplication has taken them out.
static void answerWithoutDisplay(int &argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QCommandLineParser parser;
    const WindowOptions options = addOptions(parser);
    if (!parser.parse(arguments))
        return;
    // --help-all also lists QApplication's own options, which only QApplication knows: it stays with it.
    const bool answer = parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("version"));
    if (!answer && proxyOptionsProblem(parser, options).isEmpty())
        return;
    QCoreApplication app(argc, argv);
    setApplicationNames();
    // The help speaks the window's language (Preferences > Language, else the system's): a parser built
    // again now that the translators are in.
    wsi::PreferencesDialog::applyLanguage();
    QCommandLineParser translated;
    const WindowOptions translatedOptions = addOptions(translated);
    if (answer)
        translated.process(app); // prints the help or the version and exits
    translated.parse(app.arguments());
    std::fprintf(stderr, "%s\n", qPrintable(proxyOptionsProblem(translated, translatedOptions)));
    std::exit(1); // as QCommandLineParser::process() on an unknown option
}

int main(int argc, char *argv[])
{
    raiseOpenFilesLimit();
    answerWithoutDisplay(argc, argv);

    QApplication app(argc, argv);
    setApplicationNames();
    QApplication::setApplicationDisplayName(QStringLiteral("WS Inspector"));
    QApplication::setDesktopFileName(QStringLiteral("wsinspector"));
    QApplication::setWindowIcon(wsi::theme::icon("app"));

    // Before the first window: its texts are created in the chosen language (Preferences > Language).
    wsi::PreferencesDialog::applyLanguage();

    QCommandLineParser parser;
    const WindowOptions options = addOptions(parser);
    parser.process(app);
    // Again for a command line the first parse left (one with QApplication's own options, such as -platform).
    if (const QString problem = proxyOptionsProblem(parser, options); !problem.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(problem));
        return 1;
    }

    QString url = parser.value(options.connect);
    if (url.isEmpty() && !parser.positionalArguments().isEmpty())
        url = parser.positionalArguments().constFirst();

    // WSI_SLOW_TURN_MS=<ms>: the GUI thread's long event-loop turns on stderr (diagnostics, issue 12).
    wsi::SlowTurnLog::installFromEnvironment();
    // Before any worker starts: a flood's workers give the GUI thread its share first (issue 12).
    wsi::WorkerPriority::enableForWorkers();
    wsi::MainWindow window;
    window.show();
    if (parser.isSet(options.serve)) {
        // After the first paint too: a port in use is explained in the server's panel, which must be seen.
        QTimer::singleShot(0, &window, [&window, address = parser.value(options.serve)] { window.serveAt(address); });
    }
    if (parser.isSet(options.proxy)) {
        QTimer::singleShot(
            0, &window, [&window, upstream = parser.value(options.proxy), at = parser.value(options.proxyAt)] {
                window.proxyTo(upstream, at);
            });
    } else if (parser.isSet(options.forwardProxy)) {
        QTimer::singleShot(
            0, &window, [&window, at = parser.value(options.forwardProxy)] { window.forwardProxyAt(at); });
    }
    if (!url.isEmpty()) {
        // After the first paint, so a failure is shown in a visible window.
        QTimer::singleShot(0, &window, [&window, url] { window.connectTo(url); });
    }
    return app.exec();
}
