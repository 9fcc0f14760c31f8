// SessionExporter: writes connections to a session log (.jsonl) or HAR file, by extension.
#include "files/sessionexporter.h"

#include "connection/connection.h"
#include "connection/legorder.h"
#include "files/forwardedpayloads.h"
#include "files/harexporter.h"
#include "files/maskedcopy.h"
#include "files/sessionlogwriter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

#include <memory>
#include <vector>

namespace wsi {

SessionExporter::Format SessionExporter::formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("har"))
        return Format::Har;
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson") || suffix == QLatin1String("log"))
        return Format::SessionLog;
    return Format::Unknown;
}

QString SessionExporter::formatName(Format format)
{
    switch (format) {
    case Format::SessionLog:
        return QCoreApplication::translate("wsi::SessionExporter", "session log");
    case Format::Har:
        return QCoreApplication::translate("wsi::SessionExporter", "HAR");
    case Format::Unknown:
        break;
    }
    return QCoreApplication::translate("wsi::SessionExporter", "unknown format");
}

QByteArray SessionExporter::sessionLog(const QList<const Connection *> &connections, const QString &tool)
{
    QByteArray out = SessionLogWriter::header(tool);
    // One stream per wire: a proxied connection's two legs are merged like two connections. On a tie between
    // its legs the leg that received the bytes first goes first (LegOrder), as in the window and the journal.
    struct Stream
    {
        const Connection *connection;
        ConnectionLeg::Facing facing;
        const EventStore *store;
        ForwardedPayloads *forwarded = nullptr;
        qsizetype next = 0;
    };
    std::vector<Stream> streams;
    // A proxied connection's lines so far, one per connection: a message forwarded unchanged names its payload.
    std::vector<std::unique_ptr<ForwardedPayloads>> forwarded;
    for (const Connection *c : connections) {
        if (c->hasTwoLegs()) {
            forwarded.push_back(std::make_unique<ForwardedPayloads>());
            for (const auto facing : { ConnectionLeg::Facing::Client, ConnectionLeg::Facing::Server })
                streams.push_back({ c, facing, &c->leg(facing)->events, forwarded.back().get() });
        } else {
            streams.push_back({ c, ConnectionLeg::Facing::Server, &c->events(), nullptr });
        }
    }
    // Merged by time, so a workspace export reads like the journal of one run; ties keep connection order.
    for (;;) {
        Stream *best = nullptr;
        qint64 bestTime = 0;
        for (Stream &stream : streams) {
            if (stream.next >= stream.store->size())
                continue;
            const qint64 t = stream.store->at(stream.next).timeUs;
            // Streams of one connection are listed client leg first: only the server leg can win a tie.
            const bool legTie = best && t == bestTime && best->connection == stream.connection
                && stream.facing == ConnectionLeg::Facing::Server
                && LegOrder::serverFirst(best->store->at(best->next), stream.store->at(stream.next));
            if (!best || t < bestTime || legTie) {
                best = &stream;
                bestTime = t;
            }
        }
        if (!best)
            break;
        out += best->connection->hasTwoLegs()
            ? SessionLogWriter::eventLine(*best->connection, best->facing, best->next++, best->forwarded)
            : SessionLogWriter::eventLine(*best->connection, best->next++);
    }
    return out;
}

bool SessionExporter::write(const QString &path, Format format, const QList<const Connection *> &connections,
    const Options &options, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (format == Format::Unknown)
        return fail(QCoreApplication::translate(
            "wsi::SessionExporter", "%1: unknown format; use .jsonl for the session log or .har for HAR")
                        .arg(path));
    std::vector<std::unique_ptr<Connection>> masked;
    QList<const Connection *> written = connections;
    if (!options.revealSecrets) {
        written.clear();
        for (const Connection *c : connections) {
            masked.push_back(MaskedCopy::make(*c));
            written << masked.back().get();
        }
    }
    if (format == Format::Har)
        return HarExporter::writeFile(path, written, error);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(
            QCoreApplication::translate("wsi::SessionExporter", "Cannot write %1: %2").arg(path, file.errorString()));
    const QString tool = options.tool.isEmpty()
        ? QStringLiteral("%1 %2").arg(QCoreApplication::applicationName(), QCoreApplication::applicationVersion())
        : options.tool;
    const QByteArray data = sessionLog(written, tool.simplified());
    if (file.write(data) != data.size() || !file.commit())
        return fail(
            QCoreApplication::translate("wsi::SessionExporter", "Cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

} // namespace wsi
