// LogFilterModel: text, regex, type and direction filters, find next/previous, appends tested alone; checked
// by QAbstractItemModelTester and, on generated logs of 1,000,000 events, against a brute-force filter.
#include "connection/connection.h"
#include "models/eventlogmodel.h"
#include "models/logfiltermodel.h"
#include "protocol/frameheader.h"
#include "store/eventtypetext.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace wsi;

namespace {

void add(Connection &c, EventType type, Direction dir, const QByteArray &payload, quint8 flags = 0, quint64 value = 0,
    quint8 sub = 0)
{
    EventRecord r;
    r.type = type;
    r.dir = dir;
    r.flags = flags;
    r.value = value;
    r.sub = sub;
    r.timeUs = 1700000000000000 + c.events().size();
    c.appendEvent(r, payload);
}

// A log with one of everything.
void fillSmall(Connection &c)
{
    add(c, EventType::HandshakeRequest, Direction::Outgoing, "GET /chat HTTP/1.1\r\nHost: x\r\n\r\n"); // 0
    add(c, EventType::HandshakeResponse, Direction::Incoming, "HTTP/1.1 101 Switching Protocols\r\n\r\n", 0, 36); // 1
    add(c, EventType::Open, Direction::None, "chat"); // 2
    add(c, EventType::Frame, Direction::Outgoing, QByteArray::fromHex("8185a1b2c3d4"), FlagFin | FlagMasked, 5, 1); // 3
    add(c, EventType::Message, Direction::Outgoing, "Hello World", FlagText, 11); // 4
    add(c, EventType::Message, Direction::Incoming, "hello back", FlagText, 10); // 5
    add(c, EventType::Message, Direction::Incoming, QByteArray("\x00\xffHELLO", 7), 0, 7); // 6
    add(c, EventType::Ping, Direction::Outgoing, "are you there"); // 7
    add(c, EventType::Pong, Direction::Incoming, "are you there", 0, 1500); // 8
    add(c, EventType::Error, Direction::None, "The server dropped the TCP connection", 0, 0,
        quint8(ErrorLayer::Tcp)); // 9
    add(c, EventType::Info, Direction::None, "Injected raw frame"); // 10
    add(c, EventType::Close, Direction::Incoming, "bye now", 0, 4001); // 11
    add(c, EventType::Message, Direction::Outgoing, "naïve café", FlagText, 12); // 12
}

QList<int> visibleEvents(const LogFilterModel &model)
{
    QList<int> rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows << model.index(row, 0).data(EventLogModel::EventIndexRole).toInt();
    return rows;
}

// The rule written the slow, obvious way: QString everywhere. `group` is the event's type group as its
// generator wrote it down; `preview` what the log's Preview column shows for the row.
bool bruteForceAccepts(const EventStore &store, qsizetype i, int group, const QString &text,
    const QRegularExpression &re, bool regex, int types, LogFilterModel::DirectionFilter direction,
    const QString &preview)
{
    const EventRecord &r = store.at(i);
    if (!(group & types))
        return false;
    if (direction != LogFilterModel::DirectionFilter::Both && r.dir != Direction::None
        && r.dir
            != (direction == LogFilterModel::DirectionFilter::Incoming ? Direction::Incoming : Direction::Outgoing))
        return false;
    if (text.isEmpty())
        return true;
    QStringList fields { eventTypeText(r) };
    if (r.type != EventType::Frame)
        fields << QString::fromUtf8(store.payload(i));
    if (r.type == EventType::Close)
        fields << EventLogModel::previewText(store, i);
    // The app's own words on a row are found as the window shows them (a pong's round trip, an error's layer).
    if (r.type != EventType::Message && r.type != EventType::Frame)
        fields << preview;
    for (const QString &f : fields) {
        if (regex ? re.match(f).hasMatch() : f.contains(text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// A million events of every kind with random words, some of them the needle. Each event's type group is
// written down next to it, as the expected answer of the type filter.
struct GeneratedLog
{
    Connection connection { ConnectionOptions {} };
    std::vector<quint8> groups; // one per event
};

void fillGenerated(GeneratedLog &log, int count)
{
    Connection &c = log.connection;
    auto expect = [&log](LogFilterModel::TypeGroup group) { log.groups.push_back(quint8(group)); };
    QRandomGenerator random(20261124);
    static const QByteArray words[] = { "alpha", "Bravo", "charlie", "NEEDLE", "needle", "nee", "dle", "échec",
        "{\"op\":\"tick\"}", "price=42.5", "zulu" };
    for (int i = 0; i < count; ++i) {
        const Direction dir = random.bounded(2) ? Direction::Incoming : Direction::Outgoing;
        QByteArray text = words[random.bounded(11)];
        if (random.bounded(3) == 0)
            text += ' ' + words[random.bounded(11)];
        switch (random.bounded(20)) {
        case 0:
            add(c, EventType::Ping, dir, text);
            expect(LogFilterModel::Control);
            break;
        case 1:
            add(c, EventType::Pong, dir, text, 0, 1000);
            expect(LogFilterModel::Control);
            break;
        case 2:
            add(c, EventType::Close, dir, text, 0, 1000 + random.bounded(4));
            expect(LogFilterModel::Control);
            break;
        case 3:
            add(c, EventType::Error, Direction::None, text, 0, 0, quint8(ErrorLayer::WebSocket));
            expect(LogFilterModel::Errors);
            break;
        case 4:
            add(c, EventType::Info, Direction::None, text);
            expect(LogFilterModel::Lifecycle);
            break;
        case 5:
        case 6:
        case 7:
            add(c, EventType::Frame, dir, QByteArray::fromHex("8105"), FlagFin, quint64(text.size()), 1);
            expect(LogFilterModel::Frames);
            break;
        case 8:
            add(c, EventType::Message, dir, text + QByteArray("\x00\xff", 2), 0, 0);
            expect(LogFilterModel::Messages);
            break;
        default:
            add(c, EventType::Message, dir, text, FlagText, quint64(text.size()));
            expect(LogFilterModel::Messages);
            break;
        }
    }
}

} // namespace

class tst_LogFilterModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filtersByTextTypeAndDirection_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("regex");
        QTest::addColumn<int>("types");
        QTest::addColumn<int>("direction");
        QTest::addColumn<QList<int>>("expected");
        const int both = int(LogFilterModel::DirectionFilter::Both);
        const int all = LogFilterModel::AllTypes;
        QTest::newRow("everything") << QString() << false << all << both
                                    << QList<int> { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
        QTest::newRow("text, any case, in payloads and binary")
            << QStringLiteral("hello") << false << all << both << QList<int> { 4, 5, 6 };
        QTest::newRow("type label") << QStringLiteral("pong") << false << all << both << QList<int> { 8 };
        QTest::newRow("close code and name")
            << QStringLiteral("4001 private") << false << all << both << QList<int> { 11 };
        QTest::newRow("non-ASCII text") << QStringLiteral("CAFÉ") << false << all << both << QList<int> { 12 };
        QTest::newRow("regex, anchored") << QStringLiteral("^hel+o\\b") << true << all << both << QList<int> { 4, 5 };
        QTest::newRow("frame opcode label") << QStringLiteral("frame text") << false << all << both << QList<int> { 3 };
        QTest::newRow("messages only") << QString() << false << int(LogFilterModel::Messages) << both
                                       << QList<int> { 4, 5, 6, 12 };
        QTest::newRow("control") << QString() << false << int(LogFilterModel::Control) << both
                                 << QList<int> { 7, 8, 11 };
        QTest::newRow("frames") << QString() << false << int(LogFilterModel::Frames) << both << QList<int> { 3 };
        QTest::newRow("errors") << QString() << false << int(LogFilterModel::Errors) << both << QList<int> { 9 };
        QTest::newRow("lifecycle") << QString() << false << int(LogFilterModel::Lifecycle) << both
                                   << QList<int> { 0, 1, 2, 10 };
        QTest::newRow("incoming keeps undirected rows")
            << QString() << false << all << int(LogFilterModel::DirectionFilter::Incoming)
            << QList<int> { 1, 2, 5, 6, 8, 9, 10, 11 };
        QTest::newRow("outgoing messages with text")
            << QStringLiteral("l") << false << int(LogFilterModel::Messages)
            << int(LogFilterModel::DirectionFilter::Outgoing) << QList<int> { 4 };
        QTest::newRow("nothing") << QStringLiteral("zebra") << false << all << both << QList<int> {};
    }

    void filtersByTextTypeAndDirection()
    {
        QFETCH(QString, text);
        QFETCH(bool, regex);
        QFETCH(int, types);
        QFETCH(int, direction);
        QFETCH(QList<int>, expected);
        Connection c(ConnectionOptions {});
        fillSmall(c);
        EventLogModel source;
        source.setShowFrames(true);
        source.setConnection(&c);
        LogFilterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setSourceModel(&source);
        QCOMPARE(model.columnCount(), int(EventLogModel::NUM_COLUMNS));
        model.setFilter(text, regex, types, LogFilterModel::DirectionFilter(direction));
        QCOMPARE(visibleEvents(model), expected);
        QVERIFY(model.errorString().isEmpty());
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.mapFromSource(model.mapToSource(row)), row);
            QCOMPARE(model.index(row, EventLogModel::PreviewColumn).data(),
                source.index(model.mapToSource(row), EventLogModel::PreviewColumn).data());
        }
        QCOMPARE(model.headerData(EventLogModel::TypeColumn, Qt::Horizontal),
            source.headerData(EventLogModel::TypeColumn, Qt::Horizontal));
        // Back to everything.
        model.setFilter({}, false, LogFilterModel::AllTypes, LogFilterModel::DirectionFilter::Both);
        QCOMPARE(model.rowCount(), 13);
    }

    void everyTypeIsInOneGroup_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("group");
        QTest::newRow("handshake request") << int(EventType::HandshakeRequest) << int(LogFilterModel::Lifecycle);
        QTest::newRow("handshake response") << int(EventType::HandshakeResponse) << int(LogFilterModel::Lifecycle);
        QTest::newRow("open") << int(EventType::Open) << int(LogFilterModel::Lifecycle);
        QTest::newRow("message") << int(EventType::Message) << int(LogFilterModel::Messages);
        QTest::newRow("frame") << int(EventType::Frame) << int(LogFilterModel::Frames);
        QTest::newRow("ping") << int(EventType::Ping) << int(LogFilterModel::Control);
        QTest::newRow("pong") << int(EventType::Pong) << int(LogFilterModel::Control);
        QTest::newRow("close") << int(EventType::Close) << int(LogFilterModel::Control);
        QTest::newRow("error") << int(EventType::Error) << int(LogFilterModel::Errors);
        QTest::newRow("info") << int(EventType::Info) << int(LogFilterModel::Lifecycle);
        QTest::newRow("tls") << int(EventType::Tls) << int(LogFilterModel::Lifecycle);
    }

    void everyTypeIsInOneGroup()
    {
        QFETCH(int, type);
        QFETCH(int, group);
        Connection c(ConnectionOptions {});
        add(c, EventType(type), Direction::Incoming, "x");
        EventLogModel source;
        source.setShowFrames(true);
        source.setConnection(&c);
        LogFilterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setSourceModel(&source);
        QCOMPARE(model.rowCount(), 1);
        for (const int shown : { LogFilterModel::Messages, LogFilterModel::Control, LogFilterModel::Frames,
                 LogFilterModel::Errors, LogFilterModel::Lifecycle }) {
            model.setTypes(shown);
            QCOMPARE(model.rowCount(), shown == group ? 1 : 0);
        }
        model.setTypes(LogFilterModel::AllTypes & ~group);
        QCOMPARE(model.rowCount(), 0);
    }

    void invalidRegexIsNamed()
    {
        Connection c(ConnectionOptions {});
        fillSmall(c);
        EventLogModel source;
        source.setConnection(&c);
        LogFilterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setSourceModel(&source);
        model.setFilterText(QStringLiteral("(hel"), true);
        QVERIFY2(model.errorString().contains(QStringLiteral("(hel")), qPrintable(model.errorString()));
        QVERIFY(model.errorString().contains(QStringLiteral("offset 4")));
        QCOMPARE(model.rowCount(), 0);
        // The same text is fine as plain text, and a valid regex clears the error.
        model.setFilterText(QStringLiteral("(hel"), false);
        QVERIFY(model.errorString().isEmpty());
        model.setFilterText(QStringLiteral("hel+"), true);
        QVERIFY(model.errorString().isEmpty());
        QCOMPARE(model.rowCount(), 3); // the binary HELLO too: the regex is not anchored
        model.setFindText(QStringLiteral("[a-"), true);
        QVERIFY(!model.findErrorString().isEmpty());
        QCOMPARE(model.findNext(0), -1);
    }

    void testsOnlyAppendedRows()
    {
        Connection c(ConnectionOptions {});
        fillSmall(c);
        EventLogModel source;
        source.setConnection(&c);
        LogFilterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setSourceModel(&source);
        model.setFilterText(QStringLiteral("tick"));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.sourceRowsScanned(), source.rowCount());
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        for (int i = 0; i < 100; ++i)
            add(c, EventType::Message, Direction::Incoming, i % 10 == 0 ? "tick" : "tock", FlagText);
        source.flush(); // one source batch
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.sourceRowsScanned(), source.rowCount());
        add(c, EventType::Message, Direction::Incoming, "tock", FlagText);
        source.flush();
        QCOMPARE(inserted.count(), 1); // nothing new passed: no signal
        // A source reset (frames shown) is followed.
        source.setShowFrames(true);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 10);
    }

    void findsNextAndPreviousWithWrapAround()
    {
        Connection c(ConnectionOptions {});
        fillSmall(c);
        EventLogModel source;
        source.setConnection(&c); // frames hidden: 12 rows
        LogFilterModel model;
        model.setSourceModel(&source);
        model.setFindText(QStringLiteral("HELLO"));
        QCOMPARE(model.rowCount(), 12);
        const int first = model.findNext(-1);
        QCOMPARE(model.index(first, 0).data(EventLogModel::EventIndexRole).toInt(), 4);
        const int second = model.findNext(first);
        QCOMPARE(model.index(second, 0).data(EventLogModel::EventIndexRole).toInt(), 5);
        const int third = model.findNext(second);
        QCOMPARE(model.index(third, 0).data(EventLogModel::EventIndexRole).toInt(), 6);
        QCOMPARE(model.findNext(third), first); // wraps
        QCOMPARE(model.findPrevious(first), third); // wraps back
        QCOMPARE(model.findPrevious(third), second);
        QCOMPARE(model.findPrevious(-1), third);
        QVERIFY(model.rowMatchesFind(first));
        QVERIFY(!model.rowMatchesFind(0));
        // Find works within what the filter shows.
        model.setTypes(LogFilterModel::Messages);
        model.setDirection(LogFilterModel::DirectionFilter::Incoming);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.findNext(-1), 0);
        QCOMPARE(model.findNext(0), 1);
        model.setFindText(QStringLiteral("nowhere"));
        QCOMPARE(model.findNext(0), -1);
        QCOMPARE(model.findPrevious(0), -1);
        model.setFindText({});
        QCOMPARE(model.findNext(0), -1);
    }

    void matchesABruteForceFilterOnAMillionEvents_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("regex");
        QTest::addColumn<int>("types");
        QTest::addColumn<int>("direction");
        const int both = int(LogFilterModel::DirectionFilter::Both);
        QTest::newRow("plain text") << QStringLiteral("needle") << false << int(LogFilterModel::AllTypes) << both;
        QTest::newRow("text across types") << QStringLiteral("o") << false << int(LogFilterModel::AllTypes) << both;
        QTest::newRow("non-ASCII text") << QStringLiteral("ÉCHEC") << false << int(LogFilterModel::AllTypes) << both;
        QTest::newRow("regex") << QStringLiteral("price=\\d+\\.5|^zulu$") << true << int(LogFilterModel::AllTypes)
                               << both;
        QTest::newRow("types and direction")
            << QString() << false << int(LogFilterModel::Control | LogFilterModel::Errors)
            << int(LogFilterModel::DirectionFilter::Outgoing);
        QTest::newRow("everything at once")
            << QStringLiteral("a") << false << int(LogFilterModel::Messages | LogFilterModel::Frames)
            << int(LogFilterModel::DirectionFilter::Incoming);
        QTest::newRow("close names") << QStringLiteral("going away") << false << int(LogFilterModel::AllTypes) << both;
    }

    void matchesABruteForceFilterOnAMillionEvents()
    {
        QFETCH(QString, text);
        QFETCH(bool, regex);
        QFETCH(int, types);
        QFETCH(int, direction);
        static GeneratedLog *log = [] {
            auto *generated = new GeneratedLog;
            fillGenerated(*generated, 1000000);
            return generated;
        }();
        Connection *c = &log->connection;
        QCOMPARE(log->groups.size(), size_t(1000000));
        EventLogModel source;
        source.setShowFrames(true);
        source.setConnection(c);
        QCOMPARE(source.rowCount(), 1000000);
        LogFilterModel model;
        model.setSourceModel(&source);
        QElapsedTimer timer;
        timer.start();
        model.setFilter(text, regex, types, LogFilterModel::DirectionFilter(direction));
        const qint64 ms = timer.elapsed();
        const QRegularExpression re(text, QRegularExpression::CaseInsensitiveOption);
        std::vector<quint32> expected;
        for (qsizetype i = 0; i < c->events().size(); ++i) {
            const EventType type = c->events().at(i).type;
            const QString preview = type == EventType::Message || type == EventType::Frame
                ? QString()
                : source.index(int(i), EventLogModel::PreviewColumn).data().toString();
            if (bruteForceAccepts(c->events(), i, log->groups[size_t(i)], text, re, regex, types,
                    LogFilterModel::DirectionFilter(direction), preview))
                expected.push_back(quint32(i));
        }
        qInfo("%s: %d of 1000000 rows in %lld ms", QTest::currentDataTag(), model.rowCount(), ms);
        QVERIFY(!expected.empty());
        QCOMPARE(size_t(model.rowCount()), expected.size());
        for (size_t k = 0; k < expected.size(); ++k) {
            if (quint32(model.mapToSource(int(k))) != expected[k])
                QFAIL(qPrintable(
                    QStringLiteral("row %1: %2 instead of %3").arg(k).arg(model.mapToSource(int(k))).arg(expected[k])));
        }
    }
};

QTEST_GUILESS_MAIN(tst_LogFilterModel)
#include "tst_logfiltermodel.moc"
