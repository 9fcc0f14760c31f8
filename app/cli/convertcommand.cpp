#include "convertcommand.h"

#include "connection/connection.h"
#include "files/sessionexporter.h"
#include "files/sessionimporter.h"
#include "usage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <cstdio>

namespace wsi {

int runConvert(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("wsi::Cli",
        "Converts between the session log format (.jsonl) and HAR 1.2 (.har), either way; the extension of OUT "
        "picks the format written. IN may also be a HAR file saved by Chrome/Chromium DevTools."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("convert"), QCoreApplication::translate("wsi::Cli", "the command"));
    parser.addPositionalArgument(
        QStringLiteral("IN"), QCoreApplication::translate("wsi::Cli", "a session log or HAR file"));
    parser.addPositionalArgument(
        QStringLiteral("OUT"), QCoreApplication::translate("wsi::Cli", "the file to write: .jsonl or .har"));
    const QCommandLineOption reveal(QStringLiteral("reveal-secrets"),
        QCoreApplication::translate(
            "wsi::Cli", "Write Authorization, cookies and token query parameters unmasked (masked by default)."));
    parser.addOption(reveal);
    parser.process(arguments);

    const QStringList args = parser.positionalArguments();
    if (args.size() != 3)
        usageError(QCoreApplication::translate(
            "wsi::Cli", "convert needs IN and OUT, e.g. wsinspector-cli convert session.jsonl session.har"));
    const QString in = args.at(1);
    const QString out = args.at(2);
    const SessionExporter::Format format = SessionExporter::formatForPath(out);
    if (format == SessionExporter::Format::Unknown)
        usageError(QCoreApplication::translate(
            "wsi::Cli", "cannot tell the format of \"%1\" from its name; use .jsonl (session log) or .har (HAR)")
                       .arg(out));
    if (QFileInfo(in).absoluteFilePath() == QFileInfo(out).absoluteFilePath())
        usageError(QCoreApplication::translate("wsi::Cli", "IN and OUT are the same file"));

    SessionImporter importer;
    if (!importer.readFile(in)) {
        std::fprintf(stderr, "wsinspector-cli: %s\n", importer.errorString().toLocal8Bit().constData());
        return ExitFailed;
    }
    for (const QString &note : importer.notes())
        std::fprintf(stderr, "wsinspector-cli: note: %s\n", note.toLocal8Bit().constData());
    const auto connections = importer.takeConnections();
    QList<const Connection *> list;
    for (const auto &c : connections)
        list << c.get();
    SessionExporter::Options options;
    options.revealSecrets = parser.isSet(reveal);
    options.tool = toolName();
    QString error;
    if (!SessionExporter::write(out, format, list, options, &error)) {
        std::fprintf(stderr, "wsinspector-cli: %s\n", error.toLocal8Bit().constData());
        return ExitFailed;
    }
    return ExitCleanClose;
}

} // namespace wsi
