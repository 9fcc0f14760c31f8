// The event store and the log model under a flood: append rate and memory per event for 1M small text
// messages (goal: <= 200 MB for 1M rows with 32-byte payloads), and what one cell of the log costs when the
// view asks for random rows. Prints numbers; asserts nothing.
#include "connection/connection.h"
#include "files/sessionlogwriter.h"
#include "models/eventlogmodel.h"
#include "store/eventstore.h"
#include "store/rowbatch.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>

#include <cstdio>
#include <deque>
#include <malloc.h>
#include <memory>
#include <random>
#include <unistd.h>

using namespace wsi;

namespace {

constexpr qsizetype kEvents = 1'000'000;
constexpr qsizetype kPayloadBytes = 32;

// Resident set size from /proc/self/statm (the second field, in pages).
qint64 residentBytes()
{
    long pages = 0;
    long resident = 0;
    if (FILE *f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        std::fclose(f);
    }
    return qint64(resident) * qint64(sysconf(_SC_PAGESIZE));
}

QByteArray payloadOf(qsizetype size)
{
    QByteArray p(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        p[i] = char('a' + i % 26);
    return p;
}

EventRecord messageRecord(qint64 timeUs, qsizetype size)
{
    EventRecord r;
    r.timeUs = timeUs;
    r.type = EventType::Message;
    r.dir = Direction::Incoming;
    r.flags = FlagText;
    r.sub = 1;
    r.value = quint64(size);
    return r;
}

// 1M appends into a fresh store per iteration. Memory is measured around the fill, with freed memory handed
// back to the system between iterations so that each iteration starts from the same place.
void BM_EventStoreAppend1M(benchmark::State &state)
{
    const QByteArray payload = payloadOf(kPayloadBytes);
    qint64 worstRssDelta = 0;
    qsizetype storeBytes = 0;
    for (auto _ : state) {
        state.PauseTiming();
        malloc_trim(0);
        const qint64 rssBefore = residentBytes();
        auto store = std::make_unique<EventStore>();
        state.ResumeTiming();

        qint64 t = 1'700'000'000'000'000;
        for (qsizetype i = 0; i < kEvents; ++i)
            store->append(messageRecord(t += 3, kPayloadBytes), payload);
        benchmark::DoNotOptimize(store->size());

        state.PauseTiming();
        worstRssDelta = qMax(worstRssDelta, residentBytes() - rssBefore);
        storeBytes = store->memoryUsed();
        store.reset();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * kEvents);
    state.counters["store_MB"] = double(storeBytes) / 1e6;
    state.counters["store_B_per_event"] = double(storeBytes) / double(kEvents);
    state.counters["rss_MB"] = double(worstRssDelta) / 1e6;
    state.counters["rss_B_per_event"] = double(worstRssDelta) / double(kEvents);
}
BENCHMARK(BM_EventStoreAppend1M)->Unit(benchmark::kMillisecond)->Iterations(5);

// A flood as a tap decodes it: 1M single-frame 32-byte messages, each a Frame row and a Message row kept as one
// record, appended one by one (what the GUI thread did for every row of a tap's batch) and handed over in
// RowBatches of 3,855 messages (128 KiB of wire: TapBatcher's batch) appended in bulk (EventStore::appendRows).
// The batches are built before the clock runs: that is the capture thread's work. Compare the two times.
EventRecord frameRecord(qint64 timeUs)
{
    EventRecord frame;
    frame.timeUs = timeUs;
    frame.type = EventType::Frame;
    frame.dir = Direction::Incoming;
    frame.flags = FlagFin;
    frame.sub = 1;
    frame.value = quint64(kPayloadBytes);
    return frame;
}

void BM_EventStorePairsOneByOne1M(benchmark::State &state)
{
    const QByteArray payload = payloadOf(kPayloadBytes);
    const QByteArray header("\x81\x20", 2);
    for (auto _ : state) {
        auto store = std::make_unique<EventStore>();
        qint64 t = 1'700'000'000'000'000;
        for (qsizetype i = 0; i < kEvents; ++i) {
            t += 3;
            store->appendFrameAndMessage(frameRecord(t), header, messageRecord(t, kPayloadBytes), payload);
        }
        benchmark::DoNotOptimize(store->size());
        state.PauseTiming();
        store.reset();
        malloc_trim(0);
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * kEvents);
}
BENCHMARK(BM_EventStorePairsOneByOne1M)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_EventStorePairsInBatches1M(benchmark::State &state)
{
    constexpr qsizetype kBatchMessages = (qsizetype(128) << 10) / (kPayloadBytes + 2);
    const QByteArray payload = payloadOf(kPayloadBytes);
    const QByteArray header("\x81\x20", 2);
    std::vector<RowBatch> batches;
    qint64 t = 1'700'000'000'000'000;
    for (qsizetype i = 0; i < kEvents; ++i) {
        if (i % kBatchMessages == 0) {
            batches.emplace_back();
            batches.back().reserve(kBatchMessages * (kPayloadBytes + 2), kBatchMessages);
        }
        t += 3;
        batches.back().appendFrameAndMessage(frameRecord(t), header, messageRecord(t, kPayloadBytes), payload);
    }
    for (auto _ : state) {
        auto store = std::make_unique<EventStore>();
        for (const RowBatch &batch : batches)
            store->appendRows(batch, 0, batch.recordCount());
        benchmark::DoNotOptimize(store->size());
        state.PauseTiming();
        store.reset();
        malloc_trim(0);
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * kEvents);
    state.counters["batches"] = double(batches.size());
}
BENCHMARK(BM_EventStorePairsInBatches1M)->Unit(benchmark::kMillisecond)->Iterations(5);

// The same through Connection::appendEvent, which also emits eventsAppended (nothing listening here).
void BM_ConnectionAppendEvent1M(benchmark::State &state)
{
    const QByteArray payload = payloadOf(kPayloadBytes);
    for (auto _ : state) {
        state.PauseTiming();
        auto connection = std::make_unique<Connection>(ConnectionOptions {});
        state.ResumeTiming();
        qint64 t = 1'700'000'000'000'000;
        for (qsizetype i = 0; i < kEvents; ++i)
            connection->appendEvent(messageRecord(t += 3, kPayloadBytes), payload);
        benchmark::DoNotOptimize(connection->events().size());
        state.PauseTiming();
        connection.reset();
        malloc_trim(0);
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * kEvents);
}
BENCHMARK(BM_ConnectionAppendEvent1M)->Unit(benchmark::kMillisecond)->Iterations(3);

// Reference points for the store's record vector: the same 1M records pushed into a std::vector that grows
// by doubling (what EventStore does: every growth copies all records and touches fresh pages) and into a
// std::deque (fixed blocks, nothing ever copied). Not used by the app; they show what the growth costs.
template <typename Container> void BM_RecordContainerBaseline(benchmark::State &state)
{
    for (auto _ : state) {
        Container records;
        qint64 t = 1'700'000'000'000'000;
        for (qsizetype i = 0; i < kEvents; ++i)
            records.push_back(messageRecord(t += 3, kPayloadBytes));
        benchmark::DoNotOptimize(records.size());
        state.PauseTiming();
        Container().swap(records);
        malloc_trim(0);
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * kEvents);
}
BENCHMARK_TEMPLATE(BM_RecordContainerBaseline, std::vector<EventRecord>)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK_TEMPLATE(BM_RecordContainerBaseline, std::deque<EventRecord>)->Unit(benchmark::kMillisecond)->Iterations(5);

// One session log line (what wsinspector-cli prints per event) for a 32-byte text message and its frame.
void BM_SessionLogWriterLine(benchmark::State &state)
{
    Connection connection { ConnectionOptions {} };
    EventRecord frame;
    frame.timeUs = 1'700'000'000'000'000;
    frame.type = EventType::Frame;
    frame.dir = Direction::Incoming;
    frame.flags = FlagFin;
    frame.sub = 1;
    frame.value = quint64(kPayloadBytes);
    connection.appendEvent(frame, QByteArray("\x81\x20", 2));
    connection.appendEvent(messageRecord(frame.timeUs, kPayloadBytes), payloadOf(kPayloadBytes));
    const qsizetype row = state.range(0);
    qsizetype bytes = 0;
    for (auto _ : state) {
        const QByteArray line = SessionLogWriter::eventLine(connection, row);
        bytes += line.size();
        benchmark::DoNotOptimize(line.constData());
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_SessionLogWriterLine)->ArgName("frame0_message1")->Arg(0)->Arg(1);

// A log of 1M messages (with a frame row before each, hidden as in the default view), shared by the model
// benchmarks below so it is built once.
struct ModelFixture
{
    std::unique_ptr<Connection> connection;
    std::unique_ptr<EventLogModel> model;

    static ModelFixture &instance()
    {
        static ModelFixture fixture;
        return fixture;
    }

private:
    ModelFixture()
    {
        connection = std::make_unique<Connection>(ConnectionOptions {});
        const QByteArray payload = payloadOf(kPayloadBytes);
        const QByteArray frameHeader("\x81\x20", 2);
        qint64 t = 1'700'000'000'000'000;
        for (qsizetype i = 0; i < kEvents; ++i) {
            EventRecord frame;
            frame.timeUs = t += 3;
            frame.type = EventType::Frame;
            frame.dir = Direction::Incoming;
            frame.flags = FlagFin;
            frame.sub = 1;
            frame.value = quint64(kPayloadBytes);
            connection->appendEvent(frame, frameHeader);
            connection->appendEvent(messageRecord(t, kPayloadBytes), payload);
        }
        model = std::make_unique<EventLogModel>();
        model->setConnection(connection.get());
        model->flush();
    }
};

// Random rows: what scrolling far or jumping around costs (the preview cache mostly misses).
void BM_EventLogModelPreviewRandomRows(benchmark::State &state)
{
    EventLogModel &model = *ModelFixture::instance().model;
    const int rows = model.rowCount();
    std::mt19937 rng(42);
    std::uniform_int_distribution<int> pick(0, rows - 1);
    std::vector<QModelIndex> indexes(1 << 16);
    for (QModelIndex &index : indexes)
        index = model.index(pick(rng), int(state.range(0)));
    size_t i = 0;
    for (auto _ : state) {
        QVariant v = model.data(indexes[i++ & (indexes.size() - 1)], Qt::DisplayRole);
        benchmark::DoNotOptimize(v);
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["rows"] = rows;
}
BENCHMARK(BM_EventLogModelPreviewRandomRows)
    ->ArgName("column")
    ->Arg(EventLogModel::PreviewColumn)
    ->Arg(EventLogModel::TimeColumn)
    ->Arg(EventLogModel::SizeColumn);

// One screen of rows repainted again and again (the preview cache hits).
void BM_EventLogModelPreviewVisibleWindow(benchmark::State &state)
{
    EventLogModel &model = *ModelFixture::instance().model;
    const int first = model.rowCount() / 2;
    constexpr int kVisible = 40;
    int i = 0;
    for (auto _ : state) {
        QVariant v = model.data(model.index(first + (i++ % kVisible), EventLogModel::PreviewColumn), Qt::DisplayRole);
        benchmark::DoNotOptimize(v);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EventLogModelPreviewVisibleWindow);

} // namespace

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    QCoreApplication app(argc, argv); // Connection and the model are QObjects with timers
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
