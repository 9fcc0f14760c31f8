#include "closecodes.h"
#include "connectcommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>
#include <cstdio>

using wsi::ConnectCommand;

namespace {

[[noreturn]] void usageError(const QString &message)
{
    std::fprintf(stderr, "wsinspector-cli: %s\n", message.toLocal8Bit().constData());
    std::exit(ConnectCommand::Usage);
}

int parseInt(const QString &text, const QString &option, int min, int max)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        usageError(QStringLiteral("--%1 needs a whole number from %2 to %3, not \"%4\".").arg(option).arg(min).arg(max).arg(text));
    return value;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wsinspector-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WSI_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Headless twin of WS Inspector: prints every event of a WebSocket connection as JSON Lines "
        "(docs/session-format.md).\n\n"
        "  wsinspector-cli connect URL [options]"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("connect"));
    parser.addPositionalArgument(QStringLiteral("url"), QStringLiteral("ws:// or wss:// URL"));
    const QCommandLineOption header(QStringLiteral("header"), QStringLiteral("Extra request header \"Name: value\" (repeatable)."), QStringLiteral("header"));
    const QCommandLineOption subprotocol(QStringLiteral("subprotocol"), QStringLiteral("Subprotocol to offer (repeatable, in order)."), QStringLiteral("name"));
    const QCommandLineOption origin(QStringLiteral("origin"), QStringLiteral("Origin header value."), QStringLiteral("origin"));
    const QCommandLineOption send(QStringLiteral("send"), QStringLiteral("Text message to send once open (repeatable, in order)."), QStringLiteral("text"));
    const QCommandLineOption waitMs(QStringLiteral("wait-ms"), QStringLiteral("How long to stay open after sending (default 1000)."), QStringLiteral("ms"), QStringLiteral("1000"));
    const QCommandLineOption close(QStringLiteral("close"), QStringLiteral("Close code and optional reason, e.g. 1000 or 4000:done (default 1000)."), QStringLiteral("code[:reason]"), QStringLiteral("1000"));
    const QCommandLineOption timeoutMs(QStringLiteral("timeout-ms"), QStringLiteral("Bound for connecting and for the closing handshake (default 10000)."), QStringLiteral("ms"), QStringLiteral("10000"));
    const QCommandLineOption noFrames(QStringLiteral("no-frames"), QStringLiteral("Leave frame events out of the output."));
    parser.addOptions({header, subprotocol, origin, send, waitMs, close, timeoutMs, noFrames});
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        usageError(QStringLiteral("missing command; try: wsinspector-cli connect ws://127.0.0.1:9000/"));
    if (args.first() != QLatin1String("connect"))
        usageError(QStringLiteral("unknown command \"%1\"; the commands are: connect").arg(args.first()));
    if (args.size() != 2)
        usageError(QStringLiteral("connect needs exactly one URL"));

    ConnectCommand::Settings settings;
    settings.options.url = QUrl(args.at(1), QUrl::StrictMode);
    for (const QString &line : parser.values(header)) {
        QPair<QByteArray, QByteArray> h;
        QString error;
        if (!wsi::parseHeaderLine(line, &h, &error))
            usageError(error);
        settings.options.headers.append(h);
    }
    settings.options.subprotocols = parser.values(subprotocol);
    settings.options.origin = parser.value(origin);
    settings.options.timeoutMs = parseInt(parser.value(timeoutMs), QStringLiteral("timeout-ms"), 1, 3600 * 1000);
    settings.messages = parser.values(send);
    settings.waitMs = parseInt(parser.value(waitMs), QStringLiteral("wait-ms"), 0, 24 * 3600 * 1000);
    settings.showFrames = !parser.isSet(noFrames);
    const QString closeSpec = parser.value(close);
    const qsizetype colon = closeSpec.indexOf(QLatin1Char(':'));
    settings.closeCode = parseInt(colon < 0 ? closeSpec : closeSpec.left(colon), QStringLiteral("close"), 1000, 4999);
    settings.closeReason = colon < 0 ? QString() : closeSpec.mid(colon + 1);
    if (!wsi::isValidWireCloseCode(settings.closeCode))
        usageError(QStringLiteral("close code %1 (%2) may not be sent in a Close frame; use 1000, 1001, or 3000-4999")
                       .arg(settings.closeCode).arg(wsi::closeCodeName(settings.closeCode)));
    if (settings.closeReason.toUtf8().size() > 123)
        usageError(QStringLiteral("the close reason is %1 bytes of UTF-8; a Close frame allows 123").arg(settings.closeReason.toUtf8().size()));
    const QString problem = settings.options.validate();
    if (!problem.isEmpty())
        usageError(problem);

    // Full buffering: a flood must not cost a write() per line; the command flushes per batch of events.
    static char buffer[1 << 16];
    std::setvbuf(stdout, buffer, _IOFBF, sizeof buffer);

    ConnectCommand command(settings, stdout);
    QObject::connect(&command, &ConnectCommand::done, &app, [](int code) { QCoreApplication::exit(code); });
    QTimer::singleShot(0, &command, &ConnectCommand::start);
    return app.exec();
}
