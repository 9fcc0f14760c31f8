// SessionJournal: events reach the file on the timer and on finish; previous sessions are listed and
// reopened; the size cap deletes the oldest first; and a child process (this test binary, started again with
// --flood-journal) killed with SIGKILL mid-flood leaves a journal holding every event up to its last flush.
#include "connection/connection.h"
#include "connection/workspace.h"
#include "files/sessionjournal.h"
#include "files/sessionlogreader.h"
#include "files/sessionlogwriter.h"
#include "journalfiles.h"
#include "peerprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace wsi;

namespace {

const char kChildFlag[] = "--flood-journal";

QByteArray flood(int i)
{
    return "flood message " + QByteArray::number(i);
}

// The child: floods one connection with numbered messages and reports each flush on stdout until killed.
int floodChild(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString folder = QString::fromLocal8Bit(argv[2]);
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://flood.test/"));
    Connection connection(options);
    SessionJournal journal;
    journal.setFolder(folder);
    journal.setMaxTotalBytes(0);
    QObject::connect(&journal, &SessionJournal::flushed, [](Connection *, qsizetype count) {
        std::printf("FLUSHED %lld\n", static_cast<long long>(count));
        std::fflush(stdout);
    });
    if (journal.attach(&connection).isEmpty())
        return 2;
    int next = 0;
    QTimer pump;
    QObject::connect(&pump, &QTimer::timeout, [&] {
        for (int k = 0; k < 200; ++k, ++next)
            appendText(connection, next % 2 ? Direction::Incoming : Direction::Outgoing, flood(next), 1000 + next);
    });
    pump.start(1);
    return app.exec();
}

} // namespace

class tst_SessionJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultFolderIsInAppData()
    {
        QVERIFY(SessionJournal::defaultFolder().endsWith(QStringLiteral("/sessions")));
        QVERIFY(SessionJournal::defaultFolder().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    }

    void writesEventsOnTheTimerAndOnFinish()
    {
        QTemporaryDir dir;
        SessionJournal journal;
        journal.setFolder(dir.path() + QStringLiteral("/nested/sessions"));
        QCOMPARE(journal.flushIntervalMs(), 250);
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("ws://example.test/chat"));
        Connection c(options);
        appendText(c, Direction::Outgoing, "before attach", 1);
        const QString path = journal.attach(&c);
        QVERIFY2(!path.isEmpty(), qPrintable(journal.errorString()));
        QCOMPARE(journal.filePathFor(&c), path);
        QCOMPARE(journal.attach(&c), path); // once only
        // Events already there go out at once.
        QCOMPARE(fileBytes(path).count('\n'), 2);

        QSignalSpy flushed(&journal, &SessionJournal::flushed);
        QElapsedTimer timer;
        timer.start();
        appendText(c, Direction::Incoming, "during", 2);
        QCOMPARE(fileBytes(path).count('\n'), 2); // batched, not written per event
        QVERIFY(flushed.wait(2000));
        QVERIFY2(timer.elapsed() <= 400, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(flushed.last().at(1).value<qsizetype>(), qsizetype(2));
        QCOMPARE(fileBytes(path).count('\n'), 3);

        SessionLogReader reader;
        QVERIFY(reader.readFile(path));
        QCOMPARE(reader.eventCount(), 2);
        QCOMPARE(reader.connections().front()->events().payloadText(1), QStringLiteral("during"));
        // Same lines as the writer's.
        const QByteArray file = fileBytes(path);
        QCOMPARE(withoutHeader(file), SessionLogWriter::eventLine(c, 0) + SessionLogWriter::eventLine(c, 1));
    }

    // A message an intercepting proxy changed is journaled with its mark and original (format version 2),
    // although the journal formats most lines away from the connection.
    void proxyMarksReachTheFile()
    {
        QTemporaryDir dir;
        SessionJournal journal;
        journal.setFolder(dir.path());
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("ws://example.test/chat"));
        Connection c(options);
        const QString path = journal.attach(&c);
        QVERIFY2(!path.isEmpty(), qPrintable(journal.errorString()));
        appendText(c, Direction::Outgoing, "bye world", 1);
        ProxyMark replaced;
        replaced.action = ProxyMark::Action::Replaced;
        replaced.original = "hello world";
        c.markLastEvent(replaced);
        appendText(c, Direction::Outgoing, "plain", 2);
        journal.flush();
        const QByteArray file = fileBytes(path);
        QCOMPARE(withoutHeader(file), SessionLogWriter::eventLine(c, 0) + SessionLogWriter::eventLine(c, 1));
        QVERIFY(file.contains("\"original_payload\":\"hello world\",\"proxy_action\":\"replaced\""));
    }

    // A flood's backlog is formatted in slices, one per event-loop turn, so the window answers in between
    // (issue 12); the slices join without a line lost or doubled.
    void floodBacklogIsWrittenInSlicesWithoutGaps()
    {
        QTemporaryDir dir;
        SessionJournal journal;
        journal.setFolder(dir.path());
        journal.setFlushIntervalMs(10);
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("ws://example.test/flood"));
        Connection c(options);
        const QString path = journal.attach(&c);
        QVERIFY2(!path.isEmpty(), qPrintable(journal.errorString()));
        constexpr int kEvents = 300000; // formatting them takes far longer than one 8 ms slice
        for (int i = 0; i < kEvents; ++i)
            appendText(c, Direction::Incoming, flood(i), 1000 + i);
        QSignalSpy flushed(&journal, &SessionJournal::flushed);
        QTRY_VERIFY_WITH_TIMEOUT(!flushed.isEmpty() && flushed.last().at(1).value<qsizetype>() == kEvents, 60000);
        QVERIFY2(flushed.count() >= 2, "the backlog was written in one go");
        qsizetype previous = 0;
        for (const QList<QVariant> &signal : std::as_const(flushed)) {
            const qsizetype count = signal.at(1).value<qsizetype>();
            QVERIFY(count > previous);
            previous = count;
        }
        QByteArray expected;
        for (int i = 0; i < kEvents; ++i)
            expected += SessionLogWriter::eventLine(c, i);
        const QByteArray file = fileBytes(path);
        QCOMPARE(withoutHeader(file), expected);
    }

    // The file of a finished connection is complete once completed() says so, without waiting for the timer.
    void finishedConnectionIsWrittenWithoutTheTimer()
    {
        PeerProcess python;
        QVERIFY(python.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
        QTemporaryDir dir;
        SessionJournal journal;
        journal.setFolder(dir.path());
        journal.setFlushIntervalMs(60000); // only the finish can write it
        Workspace workspace;
        journal.attachWorkspace(&workspace);
        ConnectionOptions options;
        options.url = QUrl(python.url(QStringLiteral("/close4001")));
        Connection *c = workspace.openConnection(options);
        QSignalSpy finished(c, &Connection::finished);
        QSignalSpy completed(&journal, &SessionJournal::completed);
        QVERIFY(finished.wait(15000));
        const QString path = journal.filePathFor(c);
        QVERIFY(!path.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 15000);
        QCOMPARE(completed.at(0).at(0).value<Connection *>(), c);
        QCOMPARE(completed.at(0).at(1).toString(), path);
        SessionLogReader reader;
        QVERIFY2(reader.readFile(path), qPrintable(reader.errorString()));
        QCOMPARE(reader.eventCount(), c->events().size());
        QVERIFY(reader.connections().front()->statusText().contains(QStringLiteral("4001")));

        const QList<SessionJournal::SessionInfo> sessions = journal.listSessions();
        QCOMPARE(sessions.size(), 1);
        QCOMPARE(sessions.first().firstUrl, python.url(QStringLiteral("/close4001")));
        QCOMPARE(sessions.first().size, QFileInfo(path).size());
        QVERIFY(!sessions.first().active);
        QVERIFY(qAbs(sessions.first().started.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    }

    // Thousands of server clients must not each hold a journal file open (with their sockets they ran the process
    // out of descriptors): beyond a few, files are closed between writes and reopened to append, losing nothing.
    void manyJournalsShareABoundedNumberOfOpenFiles()
    {
        QTemporaryDir dir;
        SessionJournal journal;
        journal.setFolder(dir.path());
        journal.setFlushIntervalMs(10);
        const auto openDescriptors = [] { return QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files).size(); };
        const qsizetype before = openDescriptors();
        constexpr int kConnections = 1300;
        std::vector<std::unique_ptr<Connection>> connections;
        QStringList paths;
        for (int i = 0; i < kConnections; ++i) {
            ConnectionOptions options;
            options.url = QUrl(QStringLiteral("ws://client%1.test/").arg(i));
            connections.push_back(std::make_unique<Connection>(options));
            appendText(*connections.back(), Direction::Incoming, "first " + QByteArray::number(i), 1);
            paths << journal.attach(connections.back().get());
            QVERIFY2(!paths.last().isEmpty(), qPrintable(journal.errorString()));
        }
        // New journals wait open for their first flush, up to a limit.
        QVERIFY2(openDescriptors() - before <= 1100, qPrintable(QString::number(openDescriptors() - before)));
        // Later events of every connection still reach its own file (reopened for the write).
        QSignalSpy flushed(&journal, &SessionJournal::flushed);
        for (int i = 0; i < kConnections; ++i)
            appendText(*connections[size_t(i)], Direction::Outgoing, "second " + QByteArray::number(i), 2);
        QTRY_VERIFY_WITH_TIMEOUT(flushed.size() >= kConnections, 10000);
        // Once flushed, only a few stay open.
        QVERIFY2(openDescriptors() - before <= 200, qPrintable(QString::number(openDescriptors() - before)));
        for (int i = 0; i < kConnections; i += 37) {
            SessionLogReader reader;
            QVERIFY2(reader.readFile(paths.at(i)), qPrintable(reader.errorString()));
            QCOMPARE(reader.eventCount(), 2);
            QCOMPARE(reader.connections().front()->events().payloadText(0), QStringLiteral("first %1").arg(i));
            QCOMPARE(reader.connections().front()->events().payloadText(1), QStringLiteral("second %1").arg(i));
        }
        QCOMPARE(journal.filePathFor(connections[123].get()), paths.at(123));
    }

    void listsSessionsNewestFirstAndReopensThem()
    {
        QTemporaryDir dir;
        SessionJournal journal;
        journal.setFolder(dir.path());
        std::vector<std::unique_ptr<Connection>> connections;
        for (int i = 0; i < 3; ++i) {
            ConnectionOptions options;
            options.url = QUrl(QStringLiteral("ws://host%1.test/").arg(i));
            connections.push_back(std::make_unique<Connection>(options));
            appendText(*connections.back(), Direction::Outgoing, "x", 5);
            QVERIFY(!journal.attach(connections.back().get()).isEmpty());
            QTest::qWait(5); // distinct start times
        }
        // Not ours: ignored.
        QFile other(dir.filePath(QStringLiteral("notes.txt")));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("hello");
        other.close();

        const QList<SessionJournal::SessionInfo> sessions = journal.listSessions();
        QCOMPARE(sessions.size(), 3);
        QVERIFY(sessions.at(0).started >= sessions.at(1).started);
        QVERIFY(sessions.at(0).active);
        QCOMPARE(sessions.at(0).filePath, journal.filePathFor(connections[2].get()));

        QString error;
        QStringList notes;
        auto reopened = SessionJournal::reopen(sessions.at(2).filePath, &error, &notes);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(reopened.size(), size_t(1));
        QVERIFY(reopened.front()->isImported());
        QCOMPARE(reopened.front()->events().payloadText(0), QStringLiteral("x"));
        // An imported connection is never journaled again.
        QVERIFY(journal.attach(reopened.front().get()).isEmpty());

        QVERIFY(SessionJournal::reopen(dir.filePath(QStringLiteral("notes.txt")), &error).empty());
        QVERIFY(!error.isEmpty());
    }

    void sizeCapDeletesTheOldestFirst()
    {
        QTemporaryDir dir;
        SessionJournal journal;
        journal.setFolder(dir.path());
        journal.setMaxTotalBytes(0);
        const QByteArray big(4000, 'b');
        std::vector<std::unique_ptr<Connection>> connections;
        QStringList paths;
        for (int i = 0; i < 5; ++i) {
            connections.push_back(std::make_unique<Connection>(ConnectionOptions {}));
            for (int k = 0; k < 5; ++k)
                appendText(*connections.back(), Direction::Incoming, big, k);
            paths << journal.attach(connections.back().get());
            QTest::qWait(5);
        }
        connections.erase(connections.begin(), connections.begin() + 4); // four finished, one still live
        qint64 total = 0;
        for (const QString &p : paths)
            total += QFileInfo(p).size();
        journal.setMaxTotalBytes(total / 2);
        QCOMPARE(journal.enforceSizeCap(), 3);
        journal.flush(); // the writer thread deletes them, after what was queued
        QVERIFY(!QFile::exists(paths[0]));
        QVERIFY(!QFile::exists(paths[1]));
        QVERIFY(!QFile::exists(paths[2]));
        QVERIFY(QFile::exists(paths[3]));
        QVERIFY(QFile::exists(paths[4]));

        // The live file is never deleted, even when it alone is over the cap.
        journal.setMaxTotalBytes(1);
        QCOMPARE(journal.enforceSizeCap(), 1);
        journal.flush();
        QVERIFY(!QFile::exists(paths[3]));
        QVERIFY(QFile::exists(paths[4]));
    }

    void survivesSigkillMidFlood()
    {
        QTemporaryDir dir;
        QProcess child;
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start(QCoreApplication::applicationFilePath(), { QString::fromLatin1(kChildFlag), dir.path() });
        QVERIFY(child.waitForStarted(5000));
        qsizetype lastFlushed = 0;
        int flushes = 0;
        QByteArray pending;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 1500 && child.state() == QProcess::Running) {
            child.waitForReadyRead(50);
            pending += child.readAllStandardOutput();
            qsizetype newline;
            while ((newline = pending.indexOf('\n')) >= 0) {
                const QByteArray line = pending.left(newline);
                pending.remove(0, newline + 1);
                if (line.startsWith("FLUSHED ")) {
                    lastFlushed = line.mid(8).toLongLong();
                    ++flushes;
                }
            }
        }
        QCOMPARE(child.state(), QProcess::Running);
        child.kill(); // SIGKILL: no destructor, no final flush
        QVERIFY(child.waitForFinished(5000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        // Flushes the child reported after our last read still count: they only add events.
        pending += child.readAllStandardOutput();
        for (const QByteArray &line : pending.split('\n')) {
            if (line.startsWith("FLUSHED ")) {
                lastFlushed = line.mid(8).toLongLong();
                ++flushes;
            }
        }
        QVERIFY2(flushes >= 3, qPrintable(QString::number(flushes))); // about one per 250 ms
        QVERIFY(lastFlushed > 1000);

        const QStringList files = QDir(dir.path()).entryList({ QStringLiteral("*.jsonl") }, QDir::Files);
        QCOMPARE(files.size(), 1);
        QString error;
        QStringList notes;
        auto connections = SessionJournal::reopen(dir.filePath(files.first()), &error, &notes);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(connections.size(), size_t(1));
        const EventStore &events = connections.front()->events();
        qInfo() << "flood: last reported flush" << lastFlushed << "events, reopened" << events.size() << "events;"
                << flushes << "flushes; notes:" << notes;
        QVERIFY(events.size() >= lastFlushed);
        for (qsizetype i = 0; i < events.size(); ++i) {
            if (events.payload(i) != flood(int(i)))
                QFAIL(qPrintable(QStringLiteral("event %1 is %2").arg(i).arg(events.payloadText(i))));
        }
    }
};

int main(int argc, char **argv)
{
    if (argc >= 3 && qstrcmp(argv[1], kChildFlag) == 0)
        return floodChild(argc, argv);
    QCoreApplication app(argc, argv);
    tst_SessionJournal test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sessionjournal.moc"
