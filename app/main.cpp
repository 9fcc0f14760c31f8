#include "common/theme.h"
#include "preferences/preferencesdialog.h"
#include "shell/mainwindow.h"
#include "store/slowturnlog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

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

// The options of the window; docs/wsinspector.1 describes each one (tests/install checks it).
static QCommandLineOption addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "wsi::Gui", "WS Inspector: see WebSocket handshakes and frames as they cross the wire."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption connectOption(QStringList { QStringLiteral("c"), QStringLiteral("connect") },
        QCoreApplication::translate("wsi::Gui", "Connect to <url> as soon as the window opens."),
        QStringLiteral("url"));
    parser.addOption(connectOption);
    parser.addPositionalArgument(QStringLiteral("url"),
        QCoreApplication::translate("wsi::Gui", "Same as --connect (used by the desktop file)."),
        QStringLiteral("[url]"));
    return connectOption;
}

// QApplication aborts when there is no display, so --help and --version
// are answered from a QCoreApplication before it exists: they work over ssh, in a package's build and in
// CI. Arguments that only QApplication knows (-platform, -style, ...) fail this first parse; they are left
// to the second one, after QApplication has taken them out.
static void answerWithoutDisplay(int &argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(arguments))
        return;
    // --help-all also lists QApplication's own options, which only QApplication knows: it stays with it.
    if (!parser.isSet(QStringLiteral("help")) && !parser.isSet(QStringLiteral("version")))
        return;
    QCoreApplication app(argc, argv);
    setApplicationNames();
    // The help speaks the window's language (Preferences > Language, else the system's): a parser built
    // again now that the translators are in.
    wsi::PreferencesDialog::applyLanguage();
    QCommandLineParser translated;
    addOptions(translated);
    translated.process(app); // prints the help or the version and exits
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
    const QCommandLineOption connectOption = addOptions(parser);
    parser.process(app);

    QString url = parser.value(connectOption);
    if (url.isEmpty() && !parser.positionalArguments().isEmpty())
        url = parser.positionalArguments().constFirst();

    // WSI_SLOW_TURN_MS=<ms>: the GUI thread's long event-loop turns on stderr (diagnostics, issue 12).
    wsi::SlowTurnLog::installFromEnvironment();
    wsi::MainWindow window;
    window.show();
    if (!url.isEmpty()) {
        // After the first paint, so a failure is shown in a visible window.
        QTimer::singleShot(0, &window, [&window, url] { window.connectTo(url); });
    }
    return app.exec();
}
