#include "common/theme.h"
#include "shell/mainwindow.h"

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

int main(int argc, char *argv[])
{
    raiseOpenFilesLimit();

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("WSInspector"));
    QApplication::setApplicationName(QStringLiteral("wsinspector"));
    QApplication::setApplicationDisplayName(QStringLiteral("WS Inspector"));
    QApplication::setApplicationVersion(QStringLiteral(WSI_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("wsinspector"));
    QApplication::setWindowIcon(wsi::theme::icon("app"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("WS Inspector: see WebSocket handshakes and frames as they cross the wire."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption connectOption(QStringList { QStringLiteral("c"), QStringLiteral("connect") },
        QStringLiteral("Connect to <url> as soon as the window opens."), QStringLiteral("url"));
    parser.addOption(connectOption);
    parser.addPositionalArgument(QStringLiteral("url"), QStringLiteral("Same as --connect (used by the desktop file)."),
        QStringLiteral("[url]"));
    parser.process(app);

    QString url = parser.value(connectOption);
    if (url.isEmpty() && !parser.positionalArguments().isEmpty())
        url = parser.positionalArguments().constFirst();

    wsi::MainWindow window;
    window.show();
    if (!url.isEmpty()) {
        // After the first paint, so a failure is shown in a visible window.
        QTimer::singleShot(0, &window, [&window, url] { window.connectTo(url); });
    }
    return app.exec();
}
