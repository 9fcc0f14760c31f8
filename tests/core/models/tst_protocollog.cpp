// ProtocolLog: a connection's rows decoded once, in order, as they arrive; short per-row summaries, pairs and
// latencies, the filter's search text, and full messages for any row (recent ones cached, older ones replayed).
#include "connection/connection.h"
#include "models/eventlogmodel.h"
#include "models/logfiltermodel.h"
#include "models/protocollog.h"
#include "store/eventstore.h"

#include <QtTest>

using namespace wsi;

namespace {

constexpr qint64 kStartUs = 1'700'000'000'000'000;

void append(Connection &c, EventType type, Direction dir, const QByteArray &payload, qint64 timeUs)
{
    EventRecord r;
    r.timeUs = timeUs;
    r.type = type;
    r.dir = dir;
    if (type == EventType::Message) {
        r.flags = FlagText;
        r.sub = 1;
        r.value = quint64(payload.size());
    }
    c.appendEvent(r, payload);
}

QByteArray request(int id)
{
    return QStringLiteral(R"({"jsonrpc":"2.0","id":%1,"method":"m%1","params":[%1]})").arg(id).toUtf8();
}

QByteArray reply(int id)
{
    return QStringLiteral(R"({"jsonrpc":"2.0","id":%1,"result":%2})").arg(id).arg(id * 2).toUtf8();
}

ConnectionOptions optionsWith(const QString &protocol)
{
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/rpc"));
    options.protocol = protocol;
    return options;
}

} // namespace

class TestProtocolLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesRowsIncrementallyWithPairsAndLatency();
    void oldRowsAreReplayedToTheSameMessages();
    void noneDecodesNothing();
    void filterMatchesDecodedTextThroughTheLogModel();
};

void TestProtocolLog::decodesRowsIncrementallyWithPairsAndLatency()
{
    Connection c(optionsWith(QStringLiteral("auto")));
    ProtocolLog *log = ProtocolLog::of(&c);
    QCOMPARE(ProtocolLog::of(&c), log); // one per connection
    QSignalSpy found(log, &ProtocolLog::protocolChanged);
    append(c, EventType::Open, Direction::None, QByteArray(), kStartUs);
    log->catchUp();
    QCOMPARE(log->decodedRows(), 0);
    QVERIFY(log->protocol().isEmpty());

    // Two batches: the second catchUp decodes only the new rows (the counts would double otherwise).
    for (int id = 1; id <= 3; ++id) {
        append(c, EventType::Message, Direction::Outgoing, request(id), kStartUs + id * 1000'000);
        append(c, EventType::Message, Direction::Incoming, reply(id), kStartUs + id * 1000'000 + 12'300);
    }
    log->catchUp();
    QCOMPARE(log->protocol(), QStringLiteral("jsonrpc"));
    QCOMPARE(found.count(), 1);
    QVERIFY(!log->reason().isEmpty());
    QCOMPARE(log->decodedRows(), 6);
    log->catchUp();
    QCOMPARE(log->decodedRows(), 6);
    append(c, EventType::Ping, Direction::Outgoing, "p", kStartUs + 5000'000);
    append(c, EventType::Message, Direction::Outgoing, request(4), kStartUs + 6000'000);
    log->catchUp();
    QCOMPARE(log->decodedRows(), 7);

    QCOMPARE(log->row(1)->summary, QStringLiteral("request m1 #1 [1]"));
    QVERIFY(!log->row(1)->requestTimeUs);
    const ProtocolLog::Row answer = *log->row(2);
    QCOMPARE(answer.summary, QStringLiteral("result #1 2"));
    QCOMPARE(*answer.requestTimeUs, kStartUs + 1000'000);
    QCOMPARE(qRound(answer.latencyMs * 10), 123);
    QVERIFY(answer.note.isEmpty());
    QVERIFY(!log->isDecoded(0)); // the Open row
    QVERIFY(!log->isDecoded(7)); // the ping
    // The filter reads the summary and the main fields.
    QVERIFY(QString::fromUtf8(log->searchText(3).toByteArray()).contains(QLatin1String("m2")));
}

void TestProtocolLog::oldRowsAreReplayedToTheSameMessages()
{
    Connection c(optionsWith(QStringLiteral("jsonrpc")));
    ProtocolLog *log = ProtocolLog::of(&c);
    const int pairs = ProtocolLog::kRecentRows; // twice as many decoded rows as are cached
    for (int id = 1; id <= pairs; ++id) {
        append(c, EventType::Message, Direction::Outgoing, request(id), kStartUs + id * 1000);
        append(c, EventType::Message, Direction::Incoming, reply(id), kStartUs + id * 1000 + 500);
    }
    log->catchUp();
    QCOMPARE(log->decodedRows(), qsizetype(pairs) * 2);
    // The first reply left the cache long ago: it is read again by replaying, with the same fields.
    const QList<DecodedMessage> first = log->messages(1);
    QCOMPARE(first.size(), 1);
    QCOMPARE(first.first().kind, QStringLiteral("result"));
    QCOMPARE(first.first().fields.value(QStringLiteral("result")).toInt(), 2);
    QCOMPARE(first.first().summary, log->row(1)->summary);
    const QList<DecodedMessage> last = log->messages(pairs * 2 - 2);
    QCOMPARE(last.first().fields.value(QStringLiteral("method")).toString(), QStringLiteral("m%1").arg(pairs));
    // A row that did not decode has no messages.
    append(c, EventType::Ping, Direction::Outgoing, "p", kStartUs + 10'000'000);
    QVERIFY(log->messages(c.events().size() - 1).isEmpty());
}

void TestProtocolLog::noneDecodesNothing()
{
    Connection c(optionsWith(QStringLiteral("none")));
    ProtocolLog *log = ProtocolLog::of(&c);
    append(c, EventType::Message, Direction::Outgoing, request(1), kStartUs);
    append(c, EventType::Message, Direction::Incoming, reply(1), kStartUs + 100);
    log->catchUp();
    QCOMPARE(log->decodedRows(), 0);
    QVERIFY(log->protocol().isEmpty());
    QVERIFY(!log->row(0));
}

void TestProtocolLog::filterMatchesDecodedTextThroughTheLogModel()
{
    Connection c(optionsWith(QStringLiteral("auto")));
    EventLogModel source;
    QAbstractItemModelTester tester(&source);
    source.setConnection(&c);
    LogFilterModel filter;
    filter.setSourceModel(&source);
    append(c, EventType::Message, Direction::Outgoing,
        R"({"jsonrpc":"2.0","id":1,"method":"s\u0075btract","params":[5]})", kStartUs);
    append(c, EventType::Message, Direction::Incoming, reply(1), kStartUs + 2000);
    source.flush();
    QCOMPARE(
        source.index(0, EventLogModel::DecodedColumn).data().toString(), QStringLiteral("request subtract #1 [5]"));
    QCOMPARE(source.index(1, EventLogModel::DecodedColumn).data().toString(), QStringLiteral("result #1 2 · 2.0 ms"));
    // "subtract" is only in the decoded method: the bytes spell it with an escape.
    filter.setFilterText(QStringLiteral("subtract"));
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.mapToSource(0), 0);
    filter.setFilterText(QStringLiteral("SUBTRACT|result #1"), true);
    QCOMPARE(filter.rowCount(), 2);
}

QTEST_GUILESS_MAIN(TestProtocolLog)
#include "tst_protocollog.moc"
