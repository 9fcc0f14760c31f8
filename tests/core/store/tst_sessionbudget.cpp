// The disk budget per session: once a connection's store holds the budget in payloads, later messages keep
// their first bytes only, every record stays, an Info row says where it began, the session log says "kept"
// and reads back the same, and the test server still echoes whole messages.
#include "connection/connection.h"
#include "connection/workspace.h"
#include "files/sessionlogreader.h"
#include "files/sessionlogwriter.h"
#include "server/localserver.h"
#include "store/eventstore.h"
#include "store/payloadcache.h"

#include <QTest>

using namespace wsi;

namespace {

constexpr qint64 kBudget = 64 * 1024;

QByteArray patterned(int index, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char('a' + (index + i) % 26);
    return bytes;
}

EventRecord message(Direction dir, qint64 t, qsizetype size)
{
    EventRecord r;
    r.type = EventType::Message;
    r.dir = dir;
    r.timeUs = t;
    r.flags = FlagText;
    r.sub = 1;
    r.value = quint64(size);
    return r;
}

} // namespace

class tst_SessionBudget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { PayloadCache::instance().setSessionBudget(kBudget); }
    void cleanup() { PayloadCache::instance().setSessionBudget(PayloadCache::kDefaultSessionBudget); }

    void pastTheBudgetMessagesKeepTheirFirstBytes()
    {
        EventStore store;
        QList<QByteArray> sent;
        for (int i = 0; i < 40; ++i) {
            sent << patterned(i, 4000);
            store.append(message(Direction::Outgoing, i, 4000), sent.last());
        }
        QVERIFY(store.budgetReached());
        QCOMPARE(store.size(), qsizetype(41)); // every record, and one Info row
        qsizetype info = -1;
        int full = 0;
        int cut = 0;
        for (qsizetype row = 0, m = 0; row < store.size(); ++row) {
            const EventRecord r = store.at(row);
            if (r.type == EventType::Info) {
                info = row;
                QVERIFY(store.payloadText(row).contains(QLatin1String("disk budget")));
                continue;
            }
            QCOMPARE(r.value, quint64(4000)); // the size is the message's
            if (r.payloadSize == 4000) {
                QVERIFY2(info < 0, "a whole message after the Info row");
                QCOMPARE(store.payloadCopy(row), sent.at(m));
                ++full;
            } else {
                QCOMPARE(r.payloadSize, quint32(EventStore::kKeptBytes));
                QCOMPARE(store.payloadCopy(row), sent.at(m).first(EventStore::kKeptBytes));
                ++cut;
            }
            ++m;
        }
        QCOMPARE(full, int(kBudget / 4000));
        QCOMPARE(cut, 40 - full);
        QCOMPARE(info, qsizetype(full));
        QCOMPARE(store.bytesNotKept(), qint64(cut) * (4000 - EventStore::kKeptBytes));
        // Small messages are never cut: they cost a record more than their bytes.
        store.append(message(Direction::Incoming, 99, 10), "0123456789");
        QCOMPARE(store.payloadCopy(store.size() - 1), QByteArray("0123456789"));
    }

    void noLimitKeepsEverything()
    {
        PayloadCache::instance().setSessionBudget(0);
        EventStore store;
        for (int i = 0; i < 40; ++i)
            store.append(message(Direction::Outgoing, i, 4000), patterned(i, 4000));
        QVERIFY(!store.budgetReached());
        QCOMPARE(store.size(), qsizetype(40));
        QCOMPARE(store.at(39).payloadSize, quint32(4000));
    }

    void theSessionLogSaysKeptAndReadsBackTheSame()
    {
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("ws://example.test/"));
        Connection c(options);
        for (int i = 0; i < 20; ++i)
            c.appendEvent(message(Direction::Incoming, 1764000000000000 + i, 8000), patterned(i, 8000));
        c.restoreImported({}, ConnectionTimings {}, Connection::State::Closed, {});
        QByteArray lines;
        for (qsizetype i = 0; i < c.events().size(); ++i)
            lines += SessionLogWriter::eventLine(c, i);
        QVERIFY(lines.contains("\"kept\":1024,\"size\":8000"));
        QVERIFY(lines.contains("\"size\":8000,"));

        PayloadCache::instance().setSessionBudget(0); // the reader's own store keeps what the file has
        SessionLogReader reader;
        QVERIFY2(reader.read(SessionLogWriter::header(QStringLiteral("tst_sessionbudget")) + lines),
            qPrintable(reader.errorString()));
        const Connection &read = *reader.connections().front();
        QCOMPARE(read.events().size(), c.events().size());
        for (qsizetype i = 0; i < c.events().size(); ++i) {
            QCOMPARE(read.events().at(i).type, c.events().at(i).type);
            QCOMPARE(read.events().at(i).value, c.events().at(i).value);
            QCOMPARE(read.events().payloadCopy(i), c.events().payloadCopy(i));
        }
    }

    void theTestServerStillEchoesWholeMessages()
    {
        Workspace workspace;
        LocalServer server(&workspace);
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        ConnectionOptions options;
        options.url = server.url();
        Connection client(options);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), Connection::State::Open, 10000);
        QList<QByteArray> sent;
        for (int i = 0; i < 40; ++i) {
            sent << patterned(i, 4000);
            QVERIFY(client.sendText(QString::fromLatin1(sent.last())));
        }
        auto echoes = [&client] {
            QList<qsizetype> rows;
            for (qsizetype i = 0; i < client.events().size(); ++i) {
                const EventRecord r = client.events().at(i);
                if (r.type == EventType::Message && r.dir == Direction::Incoming)
                    rows << i;
            }
            return rows;
        };
        QTRY_COMPARE_WITH_TIMEOUT(echoes().size(), qsizetype(40), 10000);
        QVERIFY(client.events().budgetReached());
        const QList<qsizetype> rows = echoes();
        for (int i = 0; i < rows.size(); ++i) {
            const EventRecord r = client.events().at(rows.at(i));
            QCOMPARE(r.value, quint64(4000)); // the server sent the whole message back
            QCOMPARE(client.events().payloadCopy(rows.at(i)), sent.at(i).first(qsizetype(r.payloadSize)));
        }
        QCOMPARE(client.events().at(rows.last()).payloadSize, quint32(EventStore::kKeptBytes));
        client.abort();
    }
};

QTEST_GUILESS_MAIN(tst_SessionBudget)
#include "tst_sessionbudget.moc"
