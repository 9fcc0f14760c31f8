// JournalWriter: the journal's lines, formatted and written on the writer thread, are byte for byte what
// SessionLogWriter writes for the same connection (every event type, a grouped connection, a large message);
// a 300k-event flood arrives complete and in order, also when the writer falls far behind; flush() at exit
// and the journal's destruction write everything.
#include "connection/connection.h"
#include "files/journalwriter.h"
#include "files/sessionjournal.h"
#include "files/sessionlogreader.h"
#include "files/sessionlogwriter.h"
#include "journalfiles.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wsi;

namespace {

// Every event type, with and without the optional fields.
void addMixed(Connection &c, int round, qint64 t)
{
    const QByteArray n = QByteArray::number(round);
    appendEvent(c, EventType::Frame, Direction::Outgoing, QByteArray::fromHex("8185"), t, 5, 1, FlagFin | FlagMasked);
    appendText(c, Direction::Outgoing, "hello \"" + n + "\"\n\xc3\xa9", t + 1);
    appendEvent(c, EventType::Message, Direction::Incoming, QByteArray("\x00\x01\xff", 3) + n, t + 2,
        4 + quint64(n.size()), 3, 0);
    appendEvent(c, EventType::Ping, Direction::Outgoing, "p" + n, t + 3);
    appendEvent(c, EventType::Pong, Direction::Incoming, "p" + n, t + 4, 1234);
    appendEvent(c, EventType::Info, Direction::None, "note " + n, t + 5);
    appendEvent(c, EventType::Error, Direction::None, "oops", t + 6, 0, quint8(ErrorLayer::WebSocket));
    appendEvent(
        c, EventType::Frame, Direction::Incoming, QByteArray::fromHex("0a00"), t + 7, 0, 0xa, FlagFin | FlagRsv1);
}

} // namespace

class tst_JournalWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linesAreByteIdenticalToTheSessionLogWriters()
    {
        QTemporaryDir dir;
        SessionJournal journal;
        journal.setFolder(dir.path());
        journal.setFlushIntervalMs(10);
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("wss://example.test/mixed?x=1"));
        Connection c(options);
        c.setGroup(7, 3); // auto-reconnect: every line names the group and attempt
        appendEvent(c, EventType::HandshakeRequest, Direction::Outgoing, "GET /mixed HTTP/1.1\r\nHost: x\r\n\r\n", 10);
        const QString path = journal.attach(&c);
        QVERIFY2(!path.isEmpty(), qPrintable(journal.errorString()));
        appendEvent(c, EventType::HandshakeResponse, Direction::Incoming, "HTTP/1.1 101 OK\r\n\r\nbody", 11, 19);
        appendEvent(c, EventType::Tls, Direction::None, "TLSv1.3", 12);
        appendEvent(c, EventType::Open, Direction::None, "chat", 13);
        for (int round = 0; round < 50; ++round)
            addMixed(c, round, 100 + round * 10);
        QByteArray large(3 * 1024 * 1024, 'L'); // travels alone, formatted on the writer too
        large[5] = '\x01';
        appendEvent(c, EventType::Message, Direction::Incoming, large, 5000, quint64(large.size()), 1, 0);
        appendText(c, Direction::Outgoing, "after the large one", 5001);
        appendEvent(c, EventType::Close, Direction::Incoming, QByteArray("\x03\xe8", 2) + "bye", 5002, 1000);
        appendEvent(c, EventType::Close, Direction::Outgoing, {}, 5003, kNoCloseCode);

        QSignalSpy flushed(&journal, &SessionJournal::flushed);
        const qsizetype total = c.events().size();
        QTRY_VERIFY_WITH_TIMEOUT(!flushed.isEmpty() && flushed.last().at(1).value<qsizetype>() == total, 30000);
        QCOMPARE(withoutHeader(fileBytes(path)), writerLines(c));
    }

    // A flood's lines, taken on the timer while they are appended, arrive complete and in order, and every
    // flushed() count is one the file holds.
    void floodIsCompleteAndInOrder()
    {
        QTemporaryDir dir;
        SessionJournal journal;
        journal.setFolder(dir.path());
        journal.setFlushIntervalMs(5);
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("ws://example.test/flood"));
        Connection c(options);
        const QString path = journal.attach(&c);
        QVERIFY2(!path.isEmpty(), qPrintable(journal.errorString()));
        QSignalSpy flushed(&journal, &SessionJournal::flushed);
        constexpr int kEvents = 300000;
        for (int i = 0; i < kEvents; ++i) {
            if (i % 7 == 0)
                appendEvent(
                    c, EventType::Frame, Direction::Incoming, QByteArray::fromHex("810f"), 1000 + i, 15, 1, FlagFin);
            else
                appendText(c, i % 2 ? Direction::Incoming : Direction::Outgoing,
                    "flood message " + QByteArray::number(i), 1000 + i);
            if (i % 20000 == 0)
                QCoreApplication::processEvents(); // the timer takes batches while the flood goes on
        }
        QTRY_VERIFY_WITH_TIMEOUT(!flushed.isEmpty() && flushed.last().at(1).value<qsizetype>() == kEvents, 120000);
        qsizetype previous = 0;
        for (const QList<QVariant> &signal : std::as_const(flushed)) {
            const qsizetype count = signal.at(1).value<qsizetype>();
            QVERIFY(count > previous);
            previous = count;
        }
        QCOMPARE(withoutHeader(fileBytes(path)), writerLines(c));
    }

    // 100 MB of payloads is far more than the writer may have queued: the journal leaves the rest in the
    // store and takes it once the writer caught up, losing nothing.
    void writerFarBehindLosesNothing()
    {
        QTemporaryDir dir;
        SessionJournal journal;
        journal.setFolder(dir.path());
        journal.setFlushIntervalMs(5);
        journal.setMaxTotalBytes(0);
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("ws://example.test/big"));
        Connection c(options);
        const QString path = journal.attach(&c);
        QVERIFY2(!path.isEmpty(), qPrintable(journal.errorString()));
        constexpr int kEvents = 25000;
        for (int i = 0; i < kEvents; ++i) {
            QByteArray payload(4096, char('a' + i % 26));
            payload.prepend(QByteArray::number(i));
            appendEvent(c, EventType::Message, Direction::Incoming, payload, 1000 + i, quint64(payload.size()), 1, 0);
        }
        QSignalSpy flushed(&journal, &SessionJournal::flushed);
        QTRY_VERIFY_WITH_TIMEOUT(!flushed.isEmpty() && flushed.last().at(1).value<qsizetype>() == kEvents, 120000);
        SessionLogReader reader;
        QVERIFY2(reader.readFile(path), qPrintable(reader.errorString()));
        QCOMPARE(reader.eventCount(), kEvents);
        QCOMPARE(withoutHeader(fileBytes(path)), writerLines(c));
    }

    // flush() at exit writes everything before it returns, with no event loop; so does the destructor.
    void flushAtExitWritesEverything()
    {
        QTemporaryDir dir;
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("ws://example.test/exit"));
        Connection c(options);
        QString path;
        {
            SessionJournal journal;
            journal.setFolder(dir.path());
            journal.setFlushIntervalMs(60000); // only flush() can write it
            path = journal.attach(&c);
            QVERIFY2(!path.isEmpty(), qPrintable(journal.errorString()));
            for (int i = 0; i < 50000; ++i)
                addMixed(c, i, 1000 + i * 10);
            QSignalSpy flushed(&journal, &SessionJournal::flushed);
            journal.flush();
            QCOMPARE(flushed.size(), 1);
            QCOMPARE(flushed.last().at(1).value<qsizetype>(), c.events().size());
            QCOMPARE(withoutHeader(fileBytes(path)), writerLines(c));

            for (int i = 0; i < 1000; ++i)
                appendText(c, Direction::Incoming, "at exit " + QByteArray::number(i), 900000 + i);
        } // the destructor flushes
        QCOMPARE(withoutHeader(fileBytes(path)), writerLines(c));
    }

    // The writer on its own: batches of several files, written in order (one FIFO), a batch's preformatted lines as
    // they are, and each file's count of events written.
    void writerAppendsBatchesInOrder()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.jsonl"));
        const QString b = dir.filePath(QStringLiteral("b.jsonl"));
        for (const QString &path : { a, b }) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        JournalWriter writer;
        QByteArray expectedA;
        QByteArray expectedB;
        for (int k = 0; k < 20; ++k) {
            for (int file : { 1, 2 }) {
                JournalWriter::Batch batch;
                batch.file = file;
                batch.path = file == 1 ? a : b;
                batch.context.connectionId = file;
                JournalWriter::Item line;
                line.formatted = true;
                batch.bytes = "{\"k\":" + QByteArray::number(k) + "}\n";
                line.record.payloadSize = quint32(batch.bytes.size());
                batch.items.push_back(line);
                QByteArray &expected = file == 1 ? expectedA : expectedB;
                expected += batch.bytes;
                JournalWriter::Item message;
                message.record.type = EventType::Message;
                message.record.flags = FlagText;
                message.record.timeUs = 1000 + k;
                message.record.payloadOffset = quint64(batch.bytes.size());
                const QByteArray text = "text " + QByteArray::number(k);
                message.record.payloadSize = quint32(text.size());
                message.record.value = quint64(text.size());
                batch.bytes += text;
                batch.items.push_back(message);
                expected += SessionLogWriter::messageLine(file, message.record, text);
                batch.eventCount = 2 * (k + 1);
                writer.post(std::move(batch));
            }
        }
        writer.waitUntilIdle();
        QCOMPARE(writer.writtenCount(2), qsizetype(40));
        QCOMPARE(writer.writtenCount(1), qsizetype(40));
        QCOMPARE(fileBytes(a), expectedA);
        QCOMPARE(fileBytes(b), expectedB);
        QCOMPARE(writer.queuedBytes(), qsizetype(0));
    }

    // The folder's size cap deletes through the writer (an unlink of a large journal held the GUI thread): after
    // what was posted before, so a finished journal's last lines are written to it first (were it deleted first,
    // its ExistingOnly open would fail), and only the files named go.
    void removeDeletesAfterWhatWasPostedBefore()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.jsonl"));
        const QString b = dir.filePath(QStringLiteral("b.jsonl"));
        const QString c = dir.filePath(QStringLiteral("c.jsonl"));
        for (const QString &path : { a, b, c }) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        JournalWriter writer;
        QSignalSpy failures(&writer, &JournalWriter::failed);
        QSignalSpy closed(&writer, &JournalWriter::closed);
        const auto lastLines = [](int file, const QString &path) {
            JournalWriter::Batch batch;
            batch.file = file;
            batch.path = path;
            JournalWriter::Item line;
            line.formatted = true;
            batch.bytes = QByteArrayLiteral("{\"last\":true}\n");
            line.record.payloadSize = quint32(batch.bytes.size());
            batch.items.push_back(line);
            batch.eventCount = 1;
            batch.close = true;
            return batch;
        };
        writer.post(lastLines(1, a));
        writer.remove({ a, c });
        writer.post(lastLines(2, b));
        writer.waitUntilIdle();
        QVERIFY(!QFile::exists(a));
        QVERIFY(!QFile::exists(c));
        QCOMPARE(fileBytes(b), QByteArrayLiteral("{\"last\":true}\n"));
        QCOMPARE(writer.writtenCount(1), qsizetype(1)); // written before it went
        QTRY_COMPARE(closed.count(), 2);
        QCOMPARE(failures.count(), 0);
        QCOMPARE(writer.queuedBytes(), qsizetype(0));
    }

    // Batches of a flood's size (more than one 256 KiB write chunk each) and small ones between them: the file is
    // the lines in order, byte for byte, after each batch.
    void floodSizedBatchesAreAppendedByteExact()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("flood.jsonl"));
        QByteArray expected = "{\"format\":\"header\"}\n";
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(expected), qint64(expected.size()));
        }
        JournalWriter writer;
        qsizetype events = 0;
        for (int k = 0; k < 12; ++k) {
            JournalWriter::Batch batch;
            batch.file = 1;
            batch.path = path;
            const int lines = k % 3 == 2 ? 3 : 9000; // about 300 KiB, or a few lines
            for (int i = 0; i < lines; ++i) {
                JournalWriter::Item line;
                line.formatted = true;
                line.record.payloadOffset = quint64(batch.bytes.size());
                const QByteArray text = "{\"k\":" + QByteArray::number(k) + ",\"i\":" + QByteArray::number(i) + "}\n";
                batch.bytes += text;
                line.record.payloadSize = quint32(text.size());
                batch.items.push_back(line);
                expected += text;
            }
            events += lines;
            batch.eventCount = events;
            writer.post(std::move(batch));
            writer.waitUntilIdle();
            QCOMPARE(writer.writtenCount(1), events);
            QCOMPARE(fileBytes(path), expected);
        }
    }
};

QTEST_GUILESS_MAIN(tst_JournalWriter)

#include "tst_journalwriter.moc"
