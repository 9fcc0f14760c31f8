#include "connectarguments.h"

#include "compose/payloadparser.h"
#include "decode/protocoldecoder.h"
#include "pairingarguments.h"
#include "protocol/closecodes.h"
#include "protocol/frameencoder.h"
#include "protocol/utf8validator.h"
#include "savedendpoint.h"
#include "usage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

namespace wsi {

namespace {

constexpr int kMaxPingPayload = 125;
constexpr int kMaxRepeat = 1000000;

QString quoted(const QString &text)
{
    constexpr int kShown = 60;
    return QLatin1Char('"') + (text.size() > kShown ? text.left(kShown) + QStringLiteral("...") : text)
        + QLatin1Char('"');
}

QByteArray parseBytes(PayloadFormat format, const QString &option, const QString &text)
{
    const ParsedPayload parsed = parsePayload(format, text);
    if (!parsed.ok)
        usageError(QCoreApplication::translate("wsi::Cli", "--%1 %2: %3").arg(option, quoted(text), parsed.error));
    return parsed.bytes;
}

QByteArray readFile(const QString &option, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        usageError(QCoreApplication::translate("wsi::Cli", "--%1: the file %2 cannot be read: %3.")
                       .arg(option, quoted(path), file.errorString()));
    return file.readAll();
}

QString readUtf8File(const QString &option, const QString &path)
{
    const QByteArray bytes = readFile(option, path);
    Utf8Validator validator;
    validator.feed(bytes.constData(), bytes.size());
    if (!validator.isValid())
        usageError(QCoreApplication::translate("wsi::Cli",
            "--%1: the file %2 is not valid UTF-8 (the byte at offset %3 is not allowed there); "
            "send it as binary with --send-file.")
                       .arg(option, quoted(path))
                       .arg(validator.errorOffset()));
    if (!validator.isComplete())
        usageError(QCoreApplication::translate("wsi::Cli",
            "--%1: the file %2 is not valid UTF-8 (it ends in the middle of a character); send "
            "it as binary with --send-file.")
                       .arg(option, quoted(path)));
    return QString::fromUtf8(bytes);
}

QByteArray pingPayload(const QString &text)
{
    const QByteArray payload = text.toUtf8();
    if (payload.size() > kMaxPingPayload)
        usageError(QCoreApplication::translate("wsi::Cli",
            "--ping: the payload is %1 bytes of UTF-8; a ping's payload may be at most %2 bytes "
            "(RFC 6455 section 5.5).")
                       .arg(payload.size())
                       .arg(kMaxPingPayload));
    return payload;
}

int tlsVersion(const QString &text)
{
    if (text == QLatin1String("1.2"))
        return 12;
    if (text == QLatin1String("1.3"))
        return 13;
    usageError(QCoreApplication::translate("wsi::Cli", "--tls-min must be 1.2 or 1.3, not %1.").arg(quoted(text)));
}

} // namespace

ConnectCommand::Settings parseConnectArguments(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("wsi::Cli",
        "Opens one WebSocket connection through the capture core and prints every event as JSON Lines "
        "(docs/session-format.md). Everything to send goes out in the order given, once the connection is open."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("connect"), QCoreApplication::translate("wsi::Cli", "The command."));
    parser.addPositionalArgument(QStringLiteral("url"),
        QCoreApplication::translate("wsi::Cli", "ws:// or wss:// URL (or --endpoint NAME instead)"));
    const auto option = [](const char *name, const char *description, const char *valueName = nullptr,
                            const char *defaultValue = nullptr) {
        return QCommandLineOption(QLatin1String(name), QCoreApplication::translate("wsi::Cli", description),
            valueName ? QLatin1String(valueName) : QString(), defaultValue ? QLatin1String(defaultValue) : QString());
    };
    const QCommandLineOption header = option(
        "header", QT_TRANSLATE_NOOP("wsi::Cli", "Extra request header \"Name: value\" (repeatable)."), "header");
    const QCommandLineOption subprotocol
        = option("subprotocol", QT_TRANSLATE_NOOP("wsi::Cli", "Subprotocol to offer (repeatable, in order)."), "name");
    const QCommandLineOption origin = option("origin", QT_TRANSLATE_NOOP("wsi::Cli", "Origin header value."), "origin");
    const QCommandLineOption send = option("send",
        QT_TRANSLATE_NOOP("wsi::Cli", "Text message to send; {{variables}} are resolved (repeatable)."), "text");
    const QCommandLineOption sendHex
        = option("send-hex", QT_TRANSLATE_NOOP("wsi::Cli", "Binary message given as hex (repeatable)."), "hex");
    const QCommandLineOption sendBase64 = option(
        "send-base64", QT_TRANSLATE_NOOP("wsi::Cli", "Binary message given as base64 (repeatable)."), "base64");
    const QCommandLineOption sendFile = option(
        "send-file", QT_TRANSLATE_NOOP("wsi::Cli", "Binary message: the bytes of a file (repeatable)."), "path");
    const QCommandLineOption sendFileText = option(
        "send-file-text", QT_TRANSLATE_NOOP("wsi::Cli", "Text message: a UTF-8 file, as is (repeatable)."), "path");
    const QCommandLineOption ping = option("ping",
        QT_TRANSLATE_NOOP("wsi::Cli", "Ping with this UTF-8 payload, at most 125 bytes (repeatable)."), "payload");
    const QCommandLineOption pingEmpty
        = option("ping-empty", QT_TRANSLATE_NOOP("wsi::Cli", "Ping without payload (repeatable)."));
    const QCommandLineOption rawFrame = option("raw-frame",
        QT_TRANSLATE_NOOP("wsi::Cli", "Inject a frame built from SPEC, for testing servers (repeatable)."), "spec");
    const QCommandLineOption repeat = option(
        "repeat", QT_TRANSLATE_NOOP("wsi::Cli", "Send the whole list N times (1 to 1000000, default 1)."), "n", "1");
    const QCommandLineOption intervalMs
        = option("interval-ms", QT_TRANSLATE_NOOP("wsi::Cli", "Pause between repetitions (default 0)."), "ms", "0");
    const QCommandLineOption var = option("var",
        QT_TRANSLATE_NOOP("wsi::Cli", "A user variable for --send texts, name=value (repeatable)."), "name=value");
    const QCommandLineOption noVars
        = option("no-vars", QT_TRANSLATE_NOOP("wsi::Cli", "Send --send texts exactly as given, {{...}} included."));
    const QCommandLineOption waitMs = option(
        "wait-ms", QT_TRANSLATE_NOOP("wsi::Cli", "How long to stay open after sending (default 1000)."), "ms", "1000");
    const QCommandLineOption close = option("close",
        QT_TRANSLATE_NOOP("wsi::Cli", "Close code and optional reason, e.g. 1000 or 4000:done (default 1000)."),
        "code[:reason]", "1000");
    const QCommandLineOption timeoutMs = option("timeout-ms",
        QT_TRANSLATE_NOOP("wsi::Cli", "Bound for connecting and for the closing handshake (default 10000)."), "ms",
        "10000");
    const QCommandLineOption noFrames
        = option("no-frames", QT_TRANSLATE_NOOP("wsi::Cli", "Leave frame events out of the output."));
    const QCommandLineOption noAutoPong = option(
        "no-auto-pong", QT_TRANSLATE_NOOP("wsi::Cli", "Do not answer the server's pings (they are still logged)."));
    const QCommandLineOption noProtocolDuties = option("no-protocol-duties",
        QT_TRANSLATE_NOOP("wsi::Cli",
            "Do not answer what the detected protocol needs to stay connected (Engine.IO pong, STOMP heart-beat, "
            "graphql-ws pong)."));
    const QCommandLineOption insecure = option(
        "insecure", QT_TRANSLATE_NOOP("wsi::Cli", "wss: proceed past certificate errors (logged in the tls event)."));
    const QCommandLineOption ca
        = option("ca", QT_TRANSLATE_NOOP("wsi::Cli", "wss: also trust the CA certificates in this PEM file."), "file");
    const QCommandLineOption cert = option("cert",
        QT_TRANSLATE_NOOP("wsi::Cli", "wss: client certificate, PEM (with --key) or PKCS#12 (.p12/.pfx)."), "file");
    const QCommandLineOption key
        = option("key", QT_TRANSLATE_NOOP("wsi::Cli", "wss: the PEM private key for --cert."), "file");
    const QCommandLineOption certPassword = option(
        "cert-password", QT_TRANSLATE_NOOP("wsi::Cli", "wss: password of the PKCS#12 file or of the key."), "password");
    const QCommandLineOption noIntercept = option(
        "no-intercept", QT_TRANSLATE_NOOP("wsi::Cli", "wss: do not decrypt; only TLS facts and messages are shown."));
    const QCommandLineOption tlsMin = option(
        "tls-min", QT_TRANSLATE_NOOP("wsi::Cli", "wss: minimum TLS version, 1.2 (default) or 1.3."), "version", "1.2");
    const QCommandLineOption reconnect = option("reconnect",
        QT_TRANSLATE_NOOP(
            "wsi::Cli", "When the connection drops or fails, open a new one (each attempt its own conn)."));
    const QCommandLineOption reconnectInitial = option("reconnect-initial-ms",
        QT_TRANSLATE_NOOP("wsi::Cli", "Wait before the first reconnect (default 1000)."), "ms", "1000");
    const QCommandLineOption reconnectMax = option("reconnect-max-ms",
        QT_TRANSLATE_NOOP("wsi::Cli", "Longest wait between attempts (default 30000)."), "ms", "30000");
    const QCommandLineOption reconnectAttempts = option("reconnect-max-attempts",
        QT_TRANSLATE_NOOP("wsi::Cli", "Reconnect attempts in all before giving up (default 10)."), "n", "10");
    const QCommandLineOption reconnectAfterClean = option("reconnect-after-clean-close",
        QT_TRANSLATE_NOOP("wsi::Cli", "Also reconnect after a clean close by the server."));
    const QCommandLineOption keepaliveMs = option("keepalive-ms",
        QT_TRANSLATE_NOOP("wsi::Cli", "Ping every N ms while open; a missed pong is an error line."), "ms");
    const QCommandLineOption keepaliveTimeout = option("keepalive-timeout-ms",
        QT_TRANSLATE_NOOP("wsi::Cli", "How long to wait for each pong (default 10000)."), "ms", "10000");
    const QCommandLineOption keepaliveClose = option(
        "keepalive-close", QT_TRANSLATE_NOOP("wsi::Cli", "Close the connection (1001) when a pong is missed."));
    const QCommandLineOption har = option("har",
        QT_TRANSLATE_NOOP("wsi::Cli",
            "Also write the session as HAR 1.2 to this file when done (secrets masked unless --reveal-secrets)."),
        "file");
    const QCommandLineOption revealSecrets = option("reveal-secrets",
        QT_TRANSLATE_NOOP("wsi::Cli", "--har: write Authorization, cookies and token query parameters unmasked."));
    const QCommandLineOption endpoint = option("endpoint",
        QT_TRANSLATE_NOOP("wsi::Cli",
            "Connect to an endpoint saved in the app, with its URL and options as saved; NAME, or FOLDER/NAME."),
        "name");
    const QCommandLineOption sessionBudget = option("session-budget-mb",
        QT_TRANSLATE_NOOP("wsi::Cli",
            "Keep N MiB of payloads per connection in full, then the first 1024 bytes of each message (default "
            "4096; 0: no limit)."),
        "mib", "4096");
    const QCommandLineOption protocol = option("protocol",
        QT_TRANSLATE_NOOP("wsi::Cli",
            "Decode what rides on WebSocket: auto (default), none, socketio, stomp, graphql-ws, jsonrpc, mqtt or "
            "signalr."),
        "name", "auto");
    parser.addOptions({ har, revealSecrets, endpoint, sessionBudget, protocol, noProtocolDuties });
    const PairingArguments pairing;
    parser.addOptions(pairing.options());
    parser.addOptions({ header, subprotocol, origin, send, sendHex, sendBase64, sendFile, sendFileText, ping, pingEmpty,
        rawFrame, repeat, intervalMs, var, noVars, waitMs, close, timeoutMs, noFrames, noAutoPong, insecure, ca, cert,
        key, certPassword, noIntercept, tlsMin, reconnect, reconnectInitial, reconnectMax, reconnectAttempts,
        reconnectAfterClean, keepaliveMs, keepaliveTimeout, keepaliveClose });
    parser.process(arguments);

    const QStringList args = parser.positionalArguments();
    const bool fromEndpoint = parser.isSet(endpoint);
    if (fromEndpoint && args.size() != 1)
        usageError(
            QCoreApplication::translate("wsi::Cli", "--endpoint takes the place of the URL: give one or the other."));
    if (!fromEndpoint && args.size() != 2)
        usageError(QCoreApplication::translate(
            "wsi::Cli", "connect needs exactly one URL, e.g. wsinspector-cli connect ws://127.0.0.1:9000/"));

    ConnectCommand::Settings settings;
    ConnectionOptions &options = settings.options;
    options.url = fromEndpoint ? QUrl() : QUrl(args.at(1), QUrl::StrictMode);
    for (const QString &line : parser.values(header)) {
        QPair<QByteArray, QByteArray> h;
        QString error;
        if (!parseHeaderLine(line, &h, &error))
            usageError(error);
        options.headers.append(h);
    }
    options.subprotocols = parser.values(subprotocol);
    options.origin = parser.value(origin);
    options.timeoutMs = int(parseBoundedInt(parser.value(timeoutMs), QStringLiteral("timeout-ms"), 1, 3600 * 1000));
    settings.waitMs = int(parseBoundedInt(parser.value(waitMs), QStringLiteral("wait-ms"), 0, 24 * 3600 * 1000));
    settings.sessionBudgetMb
        = parseBoundedInt(parser.value(sessionBudget), QStringLiteral("session-budget-mb"), 0, 1024 * 1024);
    settings.showFrames = !parser.isSet(noFrames);
    settings.protocol = parser.value(protocol);
    if (settings.protocol != QLatin1String("auto") && settings.protocol != QLatin1String("none")
        && !ProtocolDecoder::protocolIds().contains(settings.protocol))
        usageError(QStringLiteral("--protocol must be auto, none or one of %1, not \"%2\".")
                       .arg(ProtocolDecoder::protocolIds().join(QStringLiteral(", ")), settings.protocol));
    settings.autoPong = !parser.isSet(noAutoPong);
    settings.protocolDuties = !parser.isSet(noProtocolDuties);
    const PairingRule pairingRule = pairing.rule(parser);
    options.pairingRule = pairingRule;

    const QString closeSpec = parser.value(close);
    const qsizetype colon = closeSpec.indexOf(QLatin1Char(':'));
    settings.closeCode
        = int(parseBoundedInt(colon < 0 ? closeSpec : closeSpec.left(colon), QStringLiteral("close"), 1000, 4999));
    settings.closeReason = colon < 0 ? QString() : closeSpec.mid(colon + 1);
    if (!isValidWireCloseCode(settings.closeCode))
        usageError(QCoreApplication::translate(
            "wsi::Cli", "close code %1 (%2) may not be sent in a Close frame; use 1000, 1001, or 3000-4999")
                       .arg(settings.closeCode)
                       .arg(closeCodeName(settings.closeCode)));
    if (settings.closeReason.toUtf8().size() > 123)
        usageError(
            QCoreApplication::translate("wsi::Cli", "the close reason is %1 bytes of UTF-8; a Close frame allows 123")
                .arg(settings.closeReason.toUtf8().size()));

    // What to send, in command-line order across every kind: optionNames() lists each occurrence in order.
    const bool literal = parser.isSet(noVars);
    QHash<QString, qsizetype> taken;
    auto nextValue = [&](const QCommandLineOption &o) {
        const QString name = o.names().first();
        return parser.values(o).value(taken[name]++);
    };
    for (const QString &name : parser.optionNames()) {
        SendStep step;
        if (name == send.names().first()) {
            step.kind = SendStep::Kind::Text;
            step.text = nextValue(send);
            step.literal = literal;
        } else if (name == sendHex.names().first()) {
            step.kind = SendStep::Kind::Binary;
            step.bytes = parseBytes(PayloadFormat::Hex, name, nextValue(sendHex));
        } else if (name == sendBase64.names().first()) {
            step.kind = SendStep::Kind::Binary;
            step.bytes = parseBytes(PayloadFormat::Base64, name, nextValue(sendBase64));
        } else if (name == sendFile.names().first()) {
            step.kind = SendStep::Kind::Binary;
            step.bytes = readFile(name, nextValue(sendFile));
        } else if (name == sendFileText.names().first()) {
            step.kind = SendStep::Kind::Text;
            step.text = readUtf8File(name, nextValue(sendFileText));
            step.literal = true;
        } else if (name == ping.names().first()) {
            step.kind = SendStep::Kind::Ping;
            step.bytes = pingPayload(nextValue(ping));
        } else if (name == pingEmpty.names().first()) {
            step.kind = SendStep::Kind::Ping;
        } else if (name == rawFrame.names().first()) {
            const QString spec = nextValue(rawFrame);
            QString error;
            step.kind = SendStep::Kind::RawFrame;
            if (!parseRawFrameSpec(spec, &step.frame, &error))
                usageError(QCoreApplication::translate("wsi::Cli", "--raw-frame %1: %2").arg(quoted(spec), error));
        } else {
            continue;
        }
        settings.steps.append(step);
    }
    settings.repeat = int(parseBoundedInt(parser.value(repeat), QStringLiteral("repeat"), 1, kMaxRepeat));
    settings.intervalMs = int(parseBoundedInt(parser.value(intervalMs), QStringLiteral("interval-ms"), 0, 3600 * 1000));
    if (parser.isSet(repeat) && settings.steps.isEmpty())
        usageError(QCoreApplication::translate("wsi::Cli",
            "--repeat needs something to send: add --send, --send-hex, --send-base64, --send-file, "
            "--send-file-text, --ping, --ping-empty or --raw-frame."));
    static const QRegularExpression variableName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.-]*$"));
    for (const QString &assignment : parser.values(var)) {
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        const QString name = assignment.left(eq);
        if (eq <= 0 || !variableName.match(name).hasMatch())
            usageError(QCoreApplication::translate("wsi::Cli",
                "--var %1 is not name=value with a name of letters, digits, _ . and - (not "
                "starting with a digit).")
                           .arg(quoted(assignment)));
        settings.variables.insert(name, assignment.mid(eq + 1));
    }

    // TLS.
    options.insecure = parser.isSet(insecure);
    options.caFile = parser.value(ca);
    options.clientCertificateFile = parser.value(cert);
    options.clientKeyFile = parser.value(key);
    options.clientCertificatePassword = parser.value(certPassword);
    options.interceptTls = !parser.isSet(noIntercept);
    options.minimumTlsVersion = tlsVersion(parser.value(tlsMin));
    if (parser.isSet(key) && !parser.isSet(cert))
        usageError(
            QCoreApplication::translate("wsi::Cli", "--key needs --cert: give the client certificate it belongs to."));
    if (parser.isSet(certPassword) && !parser.isSet(cert))
        usageError(QCoreApplication::translate("wsi::Cli", "--cert-password needs --cert."));
    const bool secure = options.url.scheme().compare(QLatin1String("wss"), Qt::CaseInsensitive) == 0;
    for (const QCommandLineOption *tlsOption : { &insecure, &ca, &cert, &noIntercept, &tlsMin }) {
        if (!secure && parser.isSet(*tlsOption) && options.url.isValid()
            && options.url.scheme().compare(QLatin1String("ws"), Qt::CaseInsensitive) == 0)
            usageError(QCoreApplication::translate("wsi::Cli", "--%1 applies to wss:// URLs only; this URL is ws://.")
                           .arg(tlsOption->names().first()));
    }
    if (!options.interceptTls) {
        // Without interception QWebSocket talks TLS to the server itself, and the core applies only --ca there.
        for (const QCommandLineOption *tlsOption : { &insecure, &cert }) {
            if (parser.isSet(*tlsOption))
                usageError(QCoreApplication::translate("wsi::Cli",
                    "--%1 cannot be combined with --no-intercept yet: it is applied by the "
                    "intercepting tap.")
                               .arg(tlsOption->names().first()));
        }
        if (secure && parser.isSet(rawFrame))
            usageError(QCoreApplication::translate("wsi::Cli",
                "--raw-frame cannot be combined with --no-intercept: the tap cannot inject into an "
                "encrypted stream."));
        if (options.minimumTlsVersion != 12)
            usageError(QCoreApplication::translate("wsi::Cli",
                "--tls-min cannot be combined with --no-intercept yet: it is applied by the "
                "intercepting tap."));
    }
    // Auto-reconnect and keepalive.
    options.reconnect.enabled = parser.isSet(reconnect);
    options.reconnect.initialDelayMs
        = int(parseBoundedInt(parser.value(reconnectInitial), QStringLiteral("reconnect-initial-ms"), 0, 3600 * 1000));
    options.reconnect.maxDelayMs
        = int(parseBoundedInt(parser.value(reconnectMax), QStringLiteral("reconnect-max-ms"), 0, 3600 * 1000));
    // Never 0 (no limit) here: a script must always get its exit code in the end.
    options.reconnect.maxAttempts
        = int(parseBoundedInt(parser.value(reconnectAttempts), QStringLiteral("reconnect-max-attempts"), 1, 1000000));
    options.reconnect.reconnectAfterCleanClose = parser.isSet(reconnectAfterClean);
    if (options.reconnect.maxDelayMs < options.reconnect.initialDelayMs)
        usageError(QCoreApplication::translate(
            "wsi::Cli", "--reconnect-max-ms (%1) is shorter than --reconnect-initial-ms (%2).")
                       .arg(options.reconnect.maxDelayMs)
                       .arg(options.reconnect.initialDelayMs));
    for (const QCommandLineOption *reconnectOption :
        { &reconnectInitial, &reconnectMax, &reconnectAttempts, &reconnectAfterClean }) {
        if (parser.isSet(*reconnectOption) && !options.reconnect.enabled)
            usageError(QCoreApplication::translate("wsi::Cli", "--%1 needs --reconnect.")
                           .arg(reconnectOption->names().first()));
    }
    if (parser.isSet(keepaliveMs))
        options.keepalive.intervalMs
            = int(parseBoundedInt(parser.value(keepaliveMs), QStringLiteral("keepalive-ms"), 10, 24 * 3600 * 1000));
    options.keepalive.timeoutMs
        = int(parseBoundedInt(parser.value(keepaliveTimeout), QStringLiteral("keepalive-timeout-ms"), 1, 3600 * 1000));
    options.keepalive.closeOnMissedPong = parser.isSet(keepaliveClose);
    for (const QCommandLineOption *keepaliveOption : { &keepaliveTimeout, &keepaliveClose }) {
        if (parser.isSet(*keepaliveOption) && !parser.isSet(keepaliveMs))
            usageError(QCoreApplication::translate("wsi::Cli", "--%1 needs --keepalive-ms.")
                           .arg(keepaliveOption->names().first()));
    }

    if (fromEndpoint) {
        // The saved options as they are: mixing them with command-line ones would make two sources of one fact.
        for (const QCommandLineOption *connectionOption : { &header, &subprotocol, &origin, &timeoutMs, &insecure, &ca,
                 &cert, &key, &certPassword, &noIntercept, &tlsMin, &reconnect, &reconnectInitial, &reconnectMax,
                 &reconnectAttempts, &reconnectAfterClean, &keepaliveMs, &keepaliveTimeout, &keepaliveClose }) {
            if (parser.isSet(*connectionOption))
                usageError(QCoreApplication::translate("wsi::Cli",
                    "--%1 cannot be combined with --endpoint, which uses the saved options as "
                    "they are; change them in the app, or give the URL and the options.")
                               .arg(connectionOption->names().first()));
        }
        options = SavedEndpoint::options(parser.value(endpoint));
        // The endpoint's protocol choice, as the app decodes it, unless --protocol says otherwise; its
        // protocol_duties stay in options (ConnectCommand ands them with --no-protocol-duties).
        if (parser.isSet(protocol))
            options.protocol = settings.protocol;
        else if (!options.protocol.isEmpty())
            settings.protocol = options.protocol;
        // Likewise the endpoint's pairing rule, unless --pair-request and --pair-reply give one.
        if (pairing.isSet(parser))
            options.pairingRule = pairingRule;
        // A script must always get its exit code in the end, as with --reconnect-max-attempts.
        if (options.reconnect.enabled && options.reconnect.maxAttempts <= 0)
            options.reconnect.maxAttempts = 1000000;
        const bool encrypted = options.url.scheme().compare(QLatin1String("wss"), Qt::CaseInsensitive) == 0;
        if (encrypted && !options.interceptTls && parser.isSet(rawFrame))
            usageError(QCoreApplication::translate("wsi::Cli",
                "--raw-frame cannot be used with this endpoint: it is saved without TLS "
                "interception, and the tap cannot inject into an encrypted stream."));
    }

    settings.harFile = parser.value(har);
    settings.revealSecrets = parser.isSet(revealSecrets);
    if (settings.revealSecrets && settings.harFile.isEmpty())
        usageError(QCoreApplication::translate("wsi::Cli", "--reveal-secrets only applies to --har FILE"));
    const QString problem = options.validate();
    if (!problem.isEmpty())
        usageError(problem);
    return settings;
}

} // namespace wsi
