// Marks that come after the journal wrote their message's line (a held message decided late): the journal appends
// a "proxy_mark" line (format version 3) and reopening it puts the mark, with the original, on that message. With
// rows recorded by hand, and with a python3-websockets client through a ReverseProxy whose breakpoint holds
// messages that are dropped and edited only once the journal has flushed their arrival.
#include "connection/connection.h"
#include "connection/proxiedtransport.h"
#include "connection/workspace.h"
#include "files/legcursor.h"
#include "files/sessionexporter.h"
#include "files/sessionjournal.h"
#include "files/sessionlogreader.h"
#include "peerprocess.h"
#include "proxiedrecord.h"
#include "proxy/heldmessages.h"
#include "proxy/proxyruleset.h"
#include "proxy/reverseproxy.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace wsi;
using Facing = ConnectionLeg::Facing;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The lines after the header, with every "conn" number 0: a reopened connection has an id of its own.
QByteArray withoutHeader(const QByteArray &file)
{
    return QString::fromUtf8(file.mid(file.indexOf('\n') + 1))
        .replace(QRegularExpression(QStringLiteral("\"conn\":\\d+")), QStringLiteral("\"conn\":0"))
        .toUtf8();
}

QList<QByteArray> linesWith(const QByteArray &file, const QByteArray &needle)
{
    QList<QByteArray> found;
    for (const QByteArray &line : file.split('\n')) {
        if (line.contains(needle))
            found << line;
    }
    return found;
}

} // namespace

class tst_ProxyLateMarks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A message dropped, and a binary one edited, after the journal wrote their rows: each mark follows as a
    // proxy_mark line; the reopened journal has them on the right rows, and writes the same lines as the live
    // connection does (marks back on their message lines).
    void marksAfterTheFlushReachTheJournal()
    {
        QTemporaryDir dir;
        SessionJournal journal;
        journal.setFolder(dir.path());
        const std::unique_ptr<Connection> proxied(proxiedRecord("hello", "hello"));
        ProxiedTransport *legs = proxied->proxied();
        const QString path = journal.attach(proxied.get());
        QVERIFY2(!path.isEmpty(), qPrintable(journal.errorString()));
        // The client's second and third messages arrive (held, say) and the journal writes them unmarked.
        legs->recordLeg(Facing::Client, Direction::Incoming, 3000, wireFrame(0x81, "drop me", 0x01020304u));
        legs->recordLeg(Facing::Client, Direction::Incoming, 3100, wireFrame(0x82, "\x01\x02", 0x05060708u));
        journal.flush();
        QVERIFY(!readAll(path).contains("proxy_action"));

        // Decided now: the first dropped; the second edited, which goes upstream as a new message.
        ProxyMark dropped;
        dropped.action = ProxyMark::Action::Dropped;
        legs->markMessage(Facing::Client, Direction::Incoming, 2, dropped);
        ProxyMark edited;
        edited.action = ProxyMark::Action::Edited;
        edited.original = QByteArray("\x01\x02");
        legs->recordLeg(Facing::Server, Direction::Outgoing, 4000, wireFrame(0x82, "\xff", 0x0a0b0c0du));
        journal.flush();
        legs->markMessage(Facing::Server, Direction::Outgoing, 2, edited);
        journal.flush();

        const QByteArray file = readAll(path);
        const QList<QByteArray> late = linesWith(file, "\"event\":\"proxy_mark\"");
        QCOMPARE(late.size(), 2);
        QVERIFY2(late.at(0).startsWith(R"({"conn":)")
                && late.at(0).contains(
                    R"("dir":"in","event":"proxy_mark","leg":"client","message_number":2,"proxy_action":"dropped","t":)"),
            late.at(0).constData());
        QVERIFY2(late.at(1).contains(R"("dir":"out","event":"proxy_mark","leg":"server","message_number":2,)"
                                     R"("original_payload":"AQI=","proxy_action":"edited","t":)"),
            late.at(1).constData());
        // The mark lines are no event rows: the file's event lines are the rows, plus the two marks.
        QCOMPARE(withoutHeader(file).count('\n'), LegCursor::end(*proxied).lines() + 2);

        QString error;
        auto reopened = SessionJournal::reopen(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(reopened.size(), size_t(1));
        const Connection &read = *reopened.front();
        const ProxyMark *readDrop = markOf(*read.leg(Facing::Client), Direction::Incoming, "drop me");
        QVERIFY(readDrop);
        QCOMPARE(readDrop->action, ProxyMark::Action::Dropped);
        const ProxyMark *readEdit = markOf(*read.leg(Facing::Server), Direction::Outgoing, "\xff");
        QVERIFY(readEdit);
        QCOMPARE(readEdit->action, ProxyMark::Action::Edited);
        QCOMPARE(readEdit->original, QByteArray("\x01\x02"));
        QCOMPARE(markOf(*read.leg(Facing::Client), Direction::Incoming, "\x01\x02"), nullptr);
        QCOMPARE(withoutHeader(SessionExporter::sessionLog({ &read }, QStringLiteral("t"))),
            withoutHeader(SessionExporter::sessionLog({ proxied.get() }, QStringLiteral("t"))));
    }

    // A mark known before the journal took its row is on the row's own line, as before: no proxy_mark line.
    void markBeforeTheFlushStaysOnItsLine()
    {
        QTemporaryDir dir;
        SessionJournal journal;
        journal.setFolder(dir.path());
        const std::unique_ptr<Connection> proxied(proxiedRecord("hello", "hello"));
        const QString path = journal.attach(proxied.get());
        QVERIFY(!path.isEmpty());
        ProxiedTransport *legs = proxied->proxied();
        legs->recordLeg(Facing::Client, Direction::Incoming, 3000, wireFrame(0x81, "drop me", 0x01020304u));
        ProxyMark dropped;
        dropped.action = ProxyMark::Action::Dropped;
        legs->markMessage(Facing::Client, Direction::Incoming, 2, dropped);
        journal.flush();
        const QByteArray file = readAll(path);
        QVERIFY(!file.contains("proxy_mark"));
        QCOMPARE(linesWith(file, R"("leg":"client","proxy_action":"dropped")").size(), 1);
    }

    // A proxy_mark line must name a message before it; one that names none is refused by line.
    void refusesAMarkOfNoMessage_data()
    {
        QTest::addColumn<QByteArray>("mark");
        QTest::newRow("number past the messages")
            << QByteArray(R"({"conn":1,"dir":"in","event":"proxy_mark","leg":"client","message_number":2,)"
                          R"("proxy_action":"dropped","t_us":5})");
        QTest::newRow("no number") << QByteArray(
            R"({"conn":1,"dir":"in","event":"proxy_mark","leg":"client","proxy_action":"dropped","t_us":5})");
        QTest::newRow("no leg") << QByteArray(
            R"({"conn":1,"dir":"in","event":"proxy_mark","message_number":1,"proxy_action":"dropped","t_us":5})");
        QTest::newRow("edited without original")
            << QByteArray(R"({"conn":1,"dir":"in","event":"proxy_mark","leg":"client","message_number":1,)"
                          R"("proxy_action":"edited","t_us":5})");
    }

    void refusesAMarkOfNoMessage()
    {
        QFETCH(QByteArray, mark);
        const QByteArray file = QByteArray(R"({"event":"session","format":"wsinspector-session/3","t":"x","tool":"t"})")
            + "\n"
            + R"({"conn":1,"dir":"in","event":"message","leg":"client","size":2,"t_us":1,"text":"hi","type":"text"})"
            + "\n" + mark + "\n";
        SessionLogReader reader;
        QVERIFY(!reader.read(file));
        QVERIFY2(reader.errorString().startsWith(QStringLiteral("line 3: ")), qPrintable(reader.errorString()));
    }

    // Through a real proxy: a breakpoint holds two of a python3-websockets client's messages; each is decided only
    // after the journal flushed its arrival, one dropped, one edited. The reopened journal shows both marks (the
    // edit with its original) and what each leg carried.
    void heldMessagesDecidedAfterTheFlush()
    {
        PeerProcess python;
        QVERIFY(python.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
        QTemporaryDir dir;
        SessionJournal journal;
        journal.setFolder(dir.path());
        Workspace workspace;
        journal.attachWorkspace(&workspace);
        ProxyRuleSet rules;
        rules.addRule(*ProxyRule::textRegex(
            FrameHook::Toward::Server, ProxyRule::Action::Hold, QStringLiteral("^(drop|edit) me$")));
        ReverseProxy proxy(&workspace);
        proxy.setFrameHook(&rules);
        ReverseProxyOptions options;
        options.upstream.url = QUrl(python.url(QStringLiteral("/echo")));
        QString error;
        QVERIFY2(proxy.start(options, &error), qPrintable(error));
        QSignalSpy flushed(&journal, &SessionJournal::flushed);

        QProcess client;
        client.start(QStringLiteral(WSI_SYSTEM_PYTHON),
            { QStringLiteral(WSI_TEST_PEERS_DIR "/ws_client.py"), proxy.url().toString() + QStringLiteral("echo"),
                QStringLiteral("--send"), QStringLiteral("drop me"), QStringLiteral("--send"),
                QStringLiteral("edit me"), QStringLiteral("--send"), QStringLiteral("bye"), QStringLiteral("--expect"),
                QStringLiteral("2") });
        QVERIFY(client.waitForStarted(5000));
        HeldMessages &held = *rules.heldMessages();
        // Each held message is decided once the journal file holds the line of its arrival.
        auto decideAfterFlush = [&](const QByteArray &arrived, const std::function<bool(quint64)> &decide) {
            QTRY_VERIFY_WITH_TIMEOUT(held.count() == 1, 10000);
            QCOMPARE(workspace.connections().size(), 1);
            const QString path = journal.filePathFor(workspace.connections().first());
            QTRY_VERIFY_WITH_TIMEOUT(readAll(path).contains(arrived), 10000);
            QVERIFY(decide(held.ids().first()));
        };
        decideAfterFlush(R"("text":"drop me")", [&](quint64 id) { return held.drop(id); });
        if (QTest::currentTestFailed())
            return;
        decideAfterFlush(R"("text":"edit me")", [&](quint64 id) { return held.forward(id, "edited"); });
        if (QTest::currentTestFailed())
            return;
        // Not waitForFinished(): the proxy relays on this thread's event loop.
        QTRY_VERIFY_WITH_TIMEOUT(client.state() == QProcess::NotRunning, 20000);
        const QByteArray got = client.readAllStandardOutput();
        QVERIFY2(
            got.contains("RECV edited") && got.contains("RECV bye") && !got.contains("RECV drop me"), got.constData());
        Connection *live = workspace.connections().first();
        QTRY_VERIFY_WITH_TIMEOUT(live->state() == Connection::State::Closed, 10000);
        const QString path = journal.filePathFor(live);
        journal.flush();
        // The drop came after its line: a mark line. The edit's row is written after the decision: marked inline.
        const QByteArray file = readAll(path);
        QCOMPARE(linesWith(file, "\"event\":\"proxy_mark\"").size(), 1);
        QCOMPARE(linesWith(file, R"("original_payload":"edit me","proxy_action":"edited")").size(), 1);

        auto reopened = SessionJournal::reopen(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(reopened.size(), size_t(1));
        const ConnectionLeg &clientLeg = *reopened.front()->leg(Facing::Client);
        const ConnectionLeg &serverLeg = *reopened.front()->leg(Facing::Server);
        const ProxyMark *drop = markOf(clientLeg, Direction::Incoming, "drop me");
        QVERIFY(drop);
        QCOMPARE(drop->action, ProxyMark::Action::Dropped);
        const ProxyMark *edit = markOf(serverLeg, Direction::Outgoing, "edited");
        QVERIFY(edit);
        QCOMPARE(edit->action, ProxyMark::Action::Edited);
        QCOMPARE(edit->original, QByteArray("edit me"));
        QCOMPARE(markOf(clientLeg, Direction::Incoming, "edit me"), nullptr);
        QCOMPARE(markOf(serverLeg, Direction::Outgoing, "drop me"), nullptr); // it never went upstream
        QCOMPARE(clientLeg.proxyMarks.size() + serverLeg.proxyMarks.size(), 2);
        QCOMPARE(withoutHeader(SessionExporter::sessionLog({ reopened.front().get() }, QStringLiteral("t"))),
            withoutHeader(SessionExporter::sessionLog({ live }, QStringLiteral("t"))));
    }
};

QTEST_GUILESS_MAIN(tst_ProxyLateMarks)
#include "tst_proxylatemarks.moc"
