// libFuzzer target: SessionLogReader on arbitrary bytes. A session log is a file people send each other (an export,
// a journal, `wsinspector-cli` output), so opening one must never crash, hang or allocate without bound, and a
// refusal names why. What it accepts is written back (SessionExporter, as `convert` and the window's export do);
// that log must read again and write the same lines: a round trip that changed the second time would mean a
// reader and a writer that disagree on what a line says.
#include "connection/connection.h"
#include "files/sessionexporter.h"
#include "files/sessionlogreader.h"

#include <QCoreApplication>
#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <cstdlib>
#include <memory>
#include <vector>

using namespace wsi;

namespace {

// What a log writes for what `reader` read (SessionExporter::sessionLog, header included).
QByteArray writeBack(SessionLogReader &reader)
{
    const std::vector<std::unique_ptr<Connection>> connections = reader.takeConnections();
    QList<const Connection *> list;
    for (const auto &connection : connections)
        list << connection.get();
    return SessionExporter::sessionLog(list, QStringLiteral("fuzz"));
}

// Without the first line (the header has the time of writing), with every `conn` number the same (each read makes
// new Connections, and they number themselves), and sorted: lines of several connections are merged by time, and
// a file whose times go backwards within a connection (the fuzzer writes those; our writers do not) may come back
// merged in another order. What must not change is any line.
QStringList comparable(const QByteArray &log)
{
    // In payload text a quote is written \" so this only meets the key itself.
    static const QRegularExpression conn(QStringLiteral("([{,])\"conn\":[0-9]+"));
    QStringList lines = QString::fromUtf8(log).replace(conn, QStringLiteral("\\1\"conn\":0")).split(QLatin1Char('\n'));
    lines.removeFirst();
    lines.sort();
    return lines;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_sessionlog";
    static char *argv[] = { name, nullptr };
    static QCoreApplication app(argc, argv); // Connections are QObjects with timers
    Q_UNUSED(app);

    SessionLogReader reader;
    if (!reader.read(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)))) {
        if (reader.errorString().isEmpty())
            std::abort(); // a refusal must say why
        return 0;
    }
    const QByteArray first = writeBack(reader);
    SessionLogReader again;
    if (!again.read(first))
        std::abort(); // what we wrote must read
    if (comparable(writeBack(again)) != comparable(first))
        std::abort();
    return 0;
}
