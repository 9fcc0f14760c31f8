// The log filter and session reopening at a million events (goals from issue 6: a filter pass over 1,000,000
// rows <= 300 ms; reopening a 1,000,000-event session file <= 3 s). Prints numbers; asserts nothing.
#include "connection/connection.h"
#include "files/sessionlogreader.h"
#include "files/sessionlogwriter.h"
#include "language/translations.h"
#include "models/eventlogmodel.h"
#include "models/logfiltermodel.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace wsi;

namespace {

constexpr int kEvents = 1000000;

void add(Connection &c, EventType type, Direction dir, QByteArrayView payload, quint8 flags, quint64 value, quint8 sub,
    qint64 t)
{
    EventRecord r;
    r.type = type;
    r.dir = dir;
    r.flags = flags;
    r.value = value;
    r.sub = sub;
    r.timeUs = t;
    c.appendEvent(r, payload);
}

// A realistic mix: mostly JSON-ish text messages with their frames, some binary, pings, pongs, errors.
Connection &millionEvents()
{
    static Connection *connection = [] {
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("ws://127.0.0.1:9000/feed"));
        auto *c = new Connection(options);
        QRandomGenerator random(42);
        qint64 t = 1764000000000000;
        for (int i = 0; i < kEvents; ++i, t += 7) {
            const Direction dir = random.bounded(4) == 0 ? Direction::Outgoing : Direction::Incoming;
            const int kind = random.bounded(100);
            if (kind < 35) {
                add(*c, EventType::Frame, dir, QByteArray::fromHex("8130"), FlagFin, 48, 1, t);
            } else if (kind < 90) {
                const QByteArray text = "{\"op\":\"tick\",\"symbol\":\"SYM" + QByteArray::number(random.bounded(500))
                    + "\",\"price\":" + QByteArray::number(random.bounded(100000)) + "}";
                add(*c, EventType::Message, dir, text, FlagText, quint64(text.size()), 1, t);
            } else if (kind < 95) {
                QByteArray bytes(32, '\0');
                for (char &b : bytes)
                    b = char(random.bounded(256));
                add(*c, EventType::Message, dir, bytes, 0, 32, 1, t);
            } else if (kind < 98) {
                add(*c, EventType::Ping, dir, "keepalive", 0, 0, 0, t);
            } else if (kind < 99) {
                add(*c, EventType::Pong, dir, "keepalive", 0, 1200, 0, t);
            } else {
                add(*c, EventType::Error, Direction::None, "The peer broke RFC 6455 section 5.2", 0, 0,
                    quint8(ErrorLayer::WebSocket), t);
            }
        }
        return c;
    }();
    return *connection;
}

void filterPass(
    benchmark::State &state, const QString &text, bool regex, int types, LogFilterModel::DirectionFilter direction)
{
    Connection &c = millionEvents();
    EventLogModel source;
    source.setShowFrames(true);
    source.setConnection(&c);
    LogFilterModel model;
    model.setSourceModel(&source);
    for (auto _ : state) {
        // Alternate between the filter and "everything" so that each iteration is a full rebuild.
        state.PauseTiming();
        model.setFilter({}, false, LogFilterModel::AllTypes, LogFilterModel::DirectionFilter::Both);
        state.ResumeTiming();
        model.setFilter(text, regex, types, direction);
        benchmark::DoNotOptimize(model.rowCount());
    }
    state.counters["rows_shown"] = model.rowCount();
    state.counters["rows/s"] = benchmark::Counter(double(kEvents), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_FilterText(benchmark::State &state)
{
    filterPass(state, QStringLiteral("sym42"), false, LogFilterModel::AllTypes, LogFilterModel::DirectionFilter::Both);
}
BENCHMARK(BM_FilterText)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_FilterRegex(benchmark::State &state)
{
    filterPass(state, QStringLiteral("\"price\":9\\d{4}\\}"), true, LogFilterModel::AllTypes,
        LogFilterModel::DirectionFilter::Both);
}
BENCHMARK(BM_FilterRegex)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_FilterNonAsciiText(benchmark::State &state)
{
    filterPass(state, QStringLiteral("prïce"), false, LogFilterModel::AllTypes, LogFilterModel::DirectionFilter::Both);
}
BENCHMARK(BM_FilterNonAsciiText)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_FilterTypesAndDirection(benchmark::State &state)
{
    filterPass(
        state, {}, false, LogFilterModel::Control | LogFilterModel::Errors, LogFilterModel::DirectionFilter::Incoming);
}
BENCHMARK(BM_FilterTypesAndDirection)->Unit(benchmark::kMillisecond)->UseRealTime();

// A Korean word of the app's own in a Korean window: the pongs' "(왕복 시간 1.20 ms)" is not in the record, so
// the rows with such words (pings, pongs, errors: about 5% here) are also matched as the window shows them.
void BM_FilterKoreanWords(benchmark::State &state)
{
    Translations::forApplication()->apply(QStringLiteral("ko"));
    filterPass(
        state, QStringLiteral("왕복 시간"), false, LogFilterModel::AllTypes, LogFilterModel::DirectionFilter::Both);
    Translations::forApplication()->apply(QStringLiteral("en"));
}
BENCHMARK(BM_FilterKoreanWords)->Unit(benchmark::kMillisecond)->UseRealTime();

// Appending a live batch of 1,000 rows to a million-row filtered view: only the new rows are tested.
void BM_FilterAppendBatch(benchmark::State &state)
{
    ConnectionOptions options;
    Connection c(options);
    EventLogModel source;
    source.setConnection(&c);
    LogFilterModel model;
    model.setSourceModel(&source);
    model.setFilterText(QStringLiteral("sym42"));
    qint64 t = 0;
    const QByteArray text = "{\"op\":\"tick\",\"symbol\":\"SYM42\"}";
    for (auto _ : state) {
        for (int i = 0; i < 1000; ++i)
            add(c, EventType::Message, Direction::Incoming, text, FlagText, quint64(text.size()), 1, ++t);
        source.flush();
    }
    state.counters["rows"] = model.rowCount();
}
BENCHMARK(BM_FilterAppendBatch)->Unit(benchmark::kMicrosecond);

// Reopening a session file of a million events (the journal of a flood) with SessionLogReader.
void BM_ReopenMillionEventSession(benchmark::State &state)
{
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("million.jsonl"));
    if (!QFile::exists(path)) {
        Connection &c = millionEvents();
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        QByteArray buffer = SessionLogWriter::header(QStringLiteral("bench_logfilter"));
        for (qsizetype i = 0; i < c.events().size(); ++i) {
            buffer += SessionLogWriter::eventLine(c, i);
            if (buffer.size() > (1 << 22)) {
                file.write(buffer);
                buffer.clear();
            }
        }
        file.write(buffer);
    }
    for (auto _ : state) {
        SessionLogReader reader;
        if (!reader.readFile(path))
            state.SkipWithError(qPrintable(reader.errorString()));
        benchmark::DoNotOptimize(reader.eventCount());
        state.PauseTiming();
        reader.takeConnections(); // freeing a million rows is not part of reopening
        state.ResumeTiming();
    }
    state.counters["file_MB"] = double(QFileInfo(path).size()) / 1e6;
    state.counters["events/s"] = benchmark::Counter(double(kEvents), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ReopenMillionEventSession)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
