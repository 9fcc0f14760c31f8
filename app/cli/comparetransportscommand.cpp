// compare-transports: the CLI twin of the Learn panel's transport comparison, one JSON object per transport.
#include "comparetransportscommand.h"

#include "transports/transportcomparison.h"
#include "usage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <cmath>
#include <cstdio>

namespace wsi {

namespace {

double rounded(double ms)
{
    return std::round(ms * 10.0) / 10.0;
}

// Written by hand, not through QJsonObject: the keys keep the documented order (docs/cli.md).
QByteArray resultLine(const TransportResult &result)
{
    const auto number = [](double value) { return QByteArray::number(rounded(value), 'g', 12); };
    return "{\"transport\":\"" + transportName(result.kind) + "\",\"requests\":"
        + QByteArray::number(result.tally.requests) + ",\"connections\":" + QByteArray::number(result.tally.connections)
        + ",\"header_bytes\":" + QByteArray::number(result.tally.headerBytes) + ",\"payload_bytes\":"
        + QByteArray::number(result.tally.payloadBytes) + ",\"total_bytes\":" + QByteArray::number(result.totalBytes())
        + ",\"latency_ms\":{\"p50\":" + number(result.latencyP50Ms) + ",\"p95\":" + number(result.latencyP95Ms)
        + "},\"delivered\":" + QByteArray::number(result.delivered) + '}';
}

} // namespace

int runCompareTransports(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("wsi::Cli",
        "Runs one workload through HTTP polling, long polling, streaming (text/event-stream) and WebSocket on a "
        "private test server on loopback, and prints one JSON object per transport: requests and TCP "
        "connections made, bytes on the wire split into headers and payload, and delivery latency (p50, p95), "
        "all measured on the sockets."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("compare-transports"), QCoreApplication::translate("wsi::Cli", "the command"));
    const TransportWorkload defaults;
    const QCommandLineOption messages(QStringLiteral("messages"),
        QCoreApplication::translate("wsi::Cli", "Messages the server pushes at irregular times (default %1).")
            .arg(defaults.messages),
        QStringLiteral("M"));
    const QCommandLineOption clientMessages(QStringLiteral("client-messages"),
        QCoreApplication::translate("wsi::Cli", "Messages the client sends meanwhile (default %1).")
            .arg(defaults.clientMessages),
        QStringLiteral("K"));
    const QCommandLineOption duration(QStringLiteral("duration-ms"),
        QCoreApplication::translate("wsi::Cli", "How long each transport carries the workload (default %1).")
            .arg(defaults.durationMs),
        QStringLiteral("N"));
    const QCommandLineOption pollInterval(QStringLiteral("poll-interval-ms"),
        QCoreApplication::translate("wsi::Cli", "How often the polling client asks (default %1).")
            .arg(defaults.pollIntervalMs),
        QStringLiteral("N"));
    const QCommandLineOption headersFile(QStringLiteral("headers-file"),
        QCoreApplication::translate("wsi::Cli",
            "Request headers to send instead of a Chrome's, one \"Name: value\" per line (as copied from the "
            "browser's developer tools)."),
        QStringLiteral("F"));
    parser.addOptions({ messages, clientMessages, duration, pollInterval, headersFile });
    parser.process(arguments);
    if (parser.positionalArguments().size() != 1)
        usageError(
            QCoreApplication::translate("wsi::Cli", "compare-transports takes no arguments besides its options"));

    TransportWorkload workload;
    if (parser.isSet(messages))
        workload.messages = int(parseBoundedInt(parser.value(messages), messages.names().first(), 1, 10000));
    if (parser.isSet(clientMessages))
        workload.clientMessages
            = int(parseBoundedInt(parser.value(clientMessages), clientMessages.names().first(), 0, 10000));
    if (parser.isSet(duration))
        workload.durationMs = int(parseBoundedInt(parser.value(duration), duration.names().first(), 1, 600000));
    if (parser.isSet(pollInterval))
        workload.pollIntervalMs
            = int(parseBoundedInt(parser.value(pollInterval), pollInterval.names().first(), 1, 60000));

    TransportComparison comparison;
    comparison.setWorkload(workload);
    if (parser.isSet(headersFile)) {
        QFile file(parser.value(headersFile));
        if (!file.open(QIODevice::ReadOnly))
            usageError(QCoreApplication::translate("wsi::Cli", "cannot read the headers file \"%1\": %2")
                           .arg(file.fileName(), file.errorString()));
        const BrowserHeaders::List headers = BrowserHeaders::parse(QString::fromUtf8(file.readAll()));
        if (headers.isEmpty())
            usageError(QCoreApplication::translate("wsi::Cli", "the headers file \"%1\" holds no \"Name: value\" line")
                           .arg(file.fileName()));
        comparison.setHeaders(headers);
    }

    int exitCode = ExitCleanClose;
    QObject::connect(&comparison, &TransportComparison::transportFinished, [&exitCode](const TransportResult &result) {
        std::fputs(resultLine(result).constData(), stdout);
        std::fputc('\n', stdout);
        std::fflush(stdout);
        if (!result.deliveredAll()) {
            std::fprintf(stderr, "wsinspector-cli: %s: %d of %d messages delivered: %s\n",
                transportName(result.kind).constData(), result.delivered, result.expected,
                result.error.toLocal8Bit().constData());
            exitCode = ExitFailed;
        }
    });
    QObject::connect(&comparison, &TransportComparison::finished, qApp, [] { QCoreApplication::exit(); });
    QString error;
    if (!comparison.start(&error)) {
        std::fprintf(stderr, "wsinspector-cli: %s\n", error.toLocal8Bit().constData());
        return ExitFailed;
    }
    QCoreApplication::exec();
    return exitCode;
}

} // namespace wsi
