// The crash journal of a proxied connection holds both its legs: real clients (python3-websockets, node-ws)
// through a ReverseProxy with rules to a python3-websockets echo server, journaled and read back with the
// session reader; and a child process (this test binary, started again with --proxy-journal) proxying a live
// connection, killed with SIGKILL, whose journal still gives back both legs: events, handshakes and marks.
#include "clientprocess.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "files/legcursor.h"
#include "files/sessionexporter.h"
#include "files/sessionjournal.h"
#include "files/sessionlogreader.h"
#include "files/sessionlogwriter.h"
#include "journalfiles.h"
#include "peerprocess.h"
#include "proxiedrecord.h"
#include "proxy/proxyruleset.h"
#include "proxy/reverseproxy.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>

using namespace wsi;
using Facing = ConnectionLeg::Facing;

namespace {

const char kChildFlag[] = "--proxy-journal";

// The message rows of one leg in one direction, as text.
QStringList messagesOf(const ConnectionLeg &leg, Direction direction)
{
    QStringList texts;
    for (qsizetype i = 0; i < leg.events.size(); ++i) {
        if (leg.events.at(i).type == EventType::Message && leg.events.at(i).dir == direction)
            texts << leg.events.payloadText(i);
    }
    return texts;
}

QByteArray hostOf(const HttpHead &head)
{
    for (const HttpHeader &header : head.headers) {
        if (header.name.compare("Host", Qt::CaseInsensitive) == 0)
            return header.value;
    }
    return {};
}

// The child: a reverse proxy to argv[3] with one replace rule, journaled into argv[2]. It prints its port, then
// after each flush what the file holds and what the proxied connection recorded, until it is killed.
int proxyChild(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Workspace workspace;
    SessionJournal journal;
    journal.setFolder(QString::fromLocal8Bit(argv[2]));
    journal.setMaxTotalBytes(0);
    journal.attachWorkspace(&workspace);
    ProxyRuleSet rules;
    rules.addRule(*ProxyRule::textRegex(
        FrameHook::Toward::Server, ProxyRule::Action::Replace, QStringLiteral("^two$"), QStringLiteral("zwei")));
    ReverseProxy proxy(&workspace);
    proxy.setFrameHook(&rules);
    ReverseProxyOptions options;
    options.upstream.url = QUrl(QString::fromLocal8Bit(argv[3]));
    if (!proxy.start(options))
        return 2;
    std::printf("PORT %d\n", int(proxy.url().port()));
    std::fflush(stdout);
    QObject::connect(&journal, &SessionJournal::flushed, [](Connection *c, qsizetype lines) {
        const ConnectionLeg &client = *c->leg(Facing::Client);
        const ConnectionLeg &server = *c->leg(Facing::Server);
        std::printf("FLUSHED %lld OF %lld MESSAGES %llu %llu %llu %llu\n", static_cast<long long>(lines),
            static_cast<long long>(LegCursor::end(*c).lines()), client.counters.messagesIn, client.counters.messagesOut,
            server.counters.messagesOut, server.counters.messagesIn);
        std::fflush(stdout);
    });
    return app.exec();
}

} // namespace

class tst_ProxiedJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The rows a proxied connection has when it is attached, and those recorded later on either leg, are
    // written as the export writes them: both legs merged by time, every line with its leg and marks.
    void bothLegsAreJournaledAsExported()
    {
        QTemporaryDir dir;
        SessionJournal journal;
        journal.setFolder(dir.path());
        const std::unique_ptr<Connection> proxied(proxiedRecord("hello secret", "hello public"));
        ProxyMark replaced;
        replaced.action = ProxyMark::Action::Replaced;
        replaced.original = "hello secret";
        proxied->proxied()->markMessage(Facing::Server, Direction::Outgoing, 1, replaced);
        const QString path = journal.attach(proxied.get());
        QVERIFY2(!path.isEmpty(), qPrintable(journal.errorString()));
        const QByteArray atAttach = withoutHeader(fileBytes(path));
        QCOMPARE(atAttach, withoutHeader(SessionExporter::sessionLog({ proxied.get() }, QStringLiteral("t"))));
        QVERIFY(atAttach.contains("\"leg\":\"client\""));
        QVERIFY(atAttach.contains(
            "\"leg\":\"server\",\"original_payload\":\"hello secret\",\"proxy_action\":\"replaced\""));

        // Later rows, on both legs, go through the writer thread: the same lines.
        ProxiedTransport *legs = proxied->proxied();
        QSignalSpy flushed(&journal, &SessionJournal::flushed);
        legs->recordLeg(Facing::Client, Direction::Incoming, 3000, wireFrame(0x81, "drop me", 0x01020304u));
        ProxyMark dropped;
        dropped.action = ProxyMark::Action::Dropped;
        legs->markMessage(Facing::Client, Direction::Incoming, 2, dropped);
        legs->recordLeg(Facing::Server, Direction::Incoming, 3100, wireFrame(0x81, "later"));
        legs->recordLeg(Facing::Client, Direction::Outgoing, 3200, wireFrame(0x81, "later"));
        const qsizetype lines = LegCursor::end(*proxied).lines();
        QTRY_VERIFY_WITH_TIMEOUT(!flushed.isEmpty() && flushed.last().at(1).value<qsizetype>() == lines, 5000);
        const QByteArray file = withoutHeader(fileBytes(path));
        QCOMPARE(file, withoutHeader(SessionExporter::sessionLog({ proxied.get() }, QStringLiteral("t"))));
        QVERIFY(file.contains("\"leg\":\"client\",\"proxy_action\":\"dropped\""));
        QCOMPARE(file.count('\n'), lines);
    }

    // A large message forwarded unchanged is journaled once, the other leg's line naming it (format version 4),
    // both from the lines attach() writes and from the writer thread's; reopened, both legs have their payloads.
    void aForwardedPayloadIsJournaledOnceAndReopenedOnBothLegs()
    {
        QTemporaryDir dir;
        SessionJournal journal;
        journal.setFolder(dir.path());
        const QByteArray sent = QByteArray(3000, 's') + "ent";
        const std::unique_ptr<Connection> proxied(proxiedRecord(sent, sent));
        const QString path = journal.attach(proxied.get());
        QVERIFY2(!path.isEmpty(), qPrintable(journal.errorString()));
        ProxiedTransport *legs = proxied->proxied();
        QSignalSpy flushed(&journal, &SessionJournal::flushed);
        const QByteArray echoed = QByteArray(5000, 'e') + "cho";
        legs->recordLeg(Facing::Server, Direction::Incoming, 3000, wireFrame(0x81, echoed));
        legs->recordLeg(Facing::Client, Direction::Outgoing, 3100, wireFrame(0x81, echoed));
        const qsizetype lines = LegCursor::end(*proxied).lines();
        QTRY_VERIFY_WITH_TIMEOUT(!flushed.isEmpty() && flushed.last().at(1).value<qsizetype>() == lines, 5000);

        const QByteArray file = fileBytes(path);
        QCOMPARE(file.count(sent), 1);
        QCOMPARE(file.count(echoed), 1);
        QVERIFY(file.contains("\"leg\":\"server\",\"payload_of\":1,\"size\":3003,"));
        // The server leg's second `in` message ("echo" was the first).
        QVERIFY(file.contains("\"leg\":\"client\",\"payload_of\":2,\"size\":5003,"));
        QCOMPARE(
            withoutHeader(file), withoutHeader(SessionExporter::sessionLog({ proxied.get() }, QStringLiteral("t"))));

        QString error;
        const std::vector<std::unique_ptr<Connection>> reopened = SessionJournal::reopen(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(reopened.size(), size_t(1));
        const Connection &read = *reopened.front();
        QCOMPARE(messagesOf(*read.leg(Facing::Client), Direction::Incoming), QStringList { QString::fromLatin1(sent) });
        QCOMPARE(messagesOf(*read.leg(Facing::Server), Direction::Outgoing), QStringList { QString::fromLatin1(sent) });
        const QStringList echoes { QStringLiteral("echo"), QString::fromLatin1(echoed) };
        QCOMPARE(messagesOf(*read.leg(Facing::Server), Direction::Incoming), echoes);
        QCOMPARE(messagesOf(*read.leg(Facing::Client), Direction::Outgoing), echoes);
        // Written again, the same references.
        const QByteArray again = withoutHeader(SessionExporter::sessionLog({ &read }, QStringLiteral("t")));
        QCOMPARE(QString::fromUtf8(again).remove(QRegularExpression(QStringLiteral("\"conn\":\\d+,"))),
            QString::fromUtf8(withoutHeader(file)).remove(QRegularExpression(QStringLiteral("\"conn\":\\d+,"))));
    }

    void bothLegsOfRealTrafficReachTheJournal_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("script");
        QTest::newRow("python3-websockets client")
            << QStringLiteral(WSI_SYSTEM_PYTHON) << QStringLiteral("ws_client.py");
        QTest::newRow("node-ws client") << QStringLiteral("node") << QStringLiteral("ws_client.js");
    }

    void bothLegsOfRealTrafficReachTheJournal()
    {
        QFETCH(QString, program);
        QFETCH(QString, script);
        PeerProcess python;
        QVERIFY(python.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
        QTemporaryDir dir;
        SessionJournal journal;
        journal.setFolder(dir.path());
        Workspace workspace;
        journal.attachWorkspace(&workspace);
        ProxyRuleSet rules;
        rules.addRule(*ProxyRule::textRegex(
            FrameHook::Toward::Server, ProxyRule::Action::Replace, QStringLiteral("secret"), QStringLiteral("public")));
        rules.addRule(
            *ProxyRule::textRegex(FrameHook::Toward::Server, ProxyRule::Action::Drop, QStringLiteral("^drop")));
        ReverseProxy proxy(&workspace);
        proxy.setFrameHook(&rules);
        ReverseProxyOptions options;
        options.upstream.url = QUrl(python.url(QStringLiteral("/echo")));
        QString error;
        QVERIFY2(proxy.start(options, &error), qPrintable(error));

        const QStringList got = runClient(program, script,
            { proxy.url().toString() + QStringLiteral("echo"), QStringLiteral("--send"), QStringLiteral("hello secret"),
                QStringLiteral("--send"), QStringLiteral("drop me"), QStringLiteral("--send"), QStringLiteral("bye"),
                QStringLiteral("--expect"), QStringLiteral("2") });
        QVERIFY2(got.contains(QStringLiteral("RECV hello public")) && got.contains(QStringLiteral("RECV bye")),
            qPrintable(got.join(QLatin1Char('\n'))));
        QCOMPARE(workspace.connections().size(), 1);
        Connection *live = workspace.connections().first();
        QTRY_VERIFY_WITH_TIMEOUT(live->state() == Connection::State::Closed, 10000);
        const QString path = journal.filePathFor(live);
        QVERIFY(!path.isEmpty());
        journal.flush();

        // Every line of each leg, as the writer formats that leg's rows (marks included), and nothing else.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = file.readAll().split('\n');
        lines.removeFirst(); // the header
        lines.removeAll(QByteArray());
        QByteArray clientLines, serverLines;
        for (const QByteArray &line : std::as_const(lines)) {
            QVERIFY2(line.contains("\"leg\":\"client\"") != line.contains("\"leg\":\"server\""), line.constData());
            (line.contains("\"leg\":\"client\"") ? clientLines : serverLines) += line + '\n';
        }
        QByteArray expectedClient, expectedServer;
        for (qsizetype i = 0; i < live->leg(Facing::Client)->events.size(); ++i)
            expectedClient += SessionLogWriter::eventLine(*live, Facing::Client, i);
        for (qsizetype i = 0; i < live->leg(Facing::Server)->events.size(); ++i)
            expectedServer += SessionLogWriter::eventLine(*live, Facing::Server, i);
        QCOMPARE(clientLines, expectedClient);
        QCOMPARE(serverLines, expectedServer);

        SessionLogReader reader;
        QVERIFY2(reader.readFile(path), qPrintable(reader.errorString()));
        QCOMPARE(reader.connections().size(), size_t(1));
        const Connection &read = *reader.connections().front();
        QCOMPARE(read.kind(), Connection::Kind::Proxied);
        QVERIFY(read.hasTwoLegs());
        QCOMPARE(read.url(), live->url());
        const ConnectionLeg &client = *read.leg(Facing::Client);
        const ConnectionLeg &server = *read.leg(Facing::Server);
        QCOMPARE(client.events.size(), live->leg(Facing::Client)->events.size());
        QCOMPARE(server.events.size(), live->leg(Facing::Server)->events.size());
        // Each leg's own handshake: the client's Host named the proxy, the upstream's the server.
        QCOMPARE(hostOf(client.handshake.request), QByteArray::number(proxy.url().port()).prepend("127.0.0.1:"));
        QCOMPARE(hostOf(server.handshake.request), QByteArray::number(python.port()).prepend("127.0.0.1:"));
        QCOMPARE(client.handshake.response.status, 101);
        QCOMPARE(server.handshake.response.status, 101);
        QVERIFY(server.handshake.accept.valid);
        // What the client sent, what the server got (replaced, the dropped one never), and the echoes back.
        const QStringList sent { QStringLiteral("hello secret"), QStringLiteral("drop me"), QStringLiteral("bye") };
        const QStringList relayed { QStringLiteral("hello public"), QStringLiteral("bye") };
        QCOMPARE(messagesOf(client, Direction::Incoming), sent);
        QCOMPARE(messagesOf(server, Direction::Outgoing), relayed);
        QCOMPARE(messagesOf(server, Direction::Incoming), relayed);
        QCOMPARE(messagesOf(client, Direction::Outgoing), relayed);
        // The proxy's marks, each on the leg it belongs to.
        const ProxyMark *dropped = markOf(client, Direction::Incoming, QByteArray("drop me"));
        QVERIFY(dropped);
        QCOMPARE(dropped->action, ProxyMark::Action::Dropped);
        const ProxyMark *replaced = markOf(server, Direction::Outgoing, QByteArray("hello public"));
        QVERIFY(replaced);
        QCOMPARE(replaced->action, ProxyMark::Action::Replaced);
        QCOMPARE(replaced->original, QByteArray("hello secret"));
        QCOMPARE(markOf(client, Direction::Incoming, QByteArray("hello secret")), nullptr);
        QCOMPARE(client.proxyMarks.size() + server.proxyMarks.size(), 2);
    }

    void survivesSigkillWhileProxying()
    {
        PeerProcess python;
        QVERIFY(python.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("ws_server.py")));
        QTemporaryDir dir;
        QProcess child;
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start(QCoreApplication::applicationFilePath(),
            { QString::fromLatin1(kChildFlag), dir.path(), python.url(QStringLiteral("/echo")) });
        QVERIFY(child.waitForStarted(5000));
        QByteArray pending;
        auto nextLine = [&](int timeoutMs) -> QByteArray {
            QElapsedTimer timer;
            timer.start();
            while (!pending.contains('\n') && timer.elapsed() < timeoutMs && child.state() == QProcess::Running) {
                child.waitForReadyRead(50);
                pending += child.readAllStandardOutput();
            }
            const qsizetype newline = pending.indexOf('\n');
            if (newline < 0)
                return {};
            const QByteArray line = pending.left(newline);
            pending.remove(0, newline + 1);
            return line;
        };
        const QByteArray portLine = nextLine(10000);
        QVERIFY2(portLine.startsWith("PORT "), qPrintable(child.readAllStandardError()));
        const QString proxyUrl = QStringLiteral("ws://127.0.0.1:%1/echo").arg(portLine.mid(5).toInt());

        // A client that stays connected: the child is killed mid-connection, not after it ended.
        QProcess client;
        client.start(QStringLiteral(WSI_SYSTEM_PYTHON),
            { QStringLiteral(WSI_TEST_PEERS_DIR "/ws_client.py"), proxyUrl, QStringLiteral("--send"),
                QStringLiteral("one"), QStringLiteral("--send"), QStringLiteral("two"), QStringLiteral("--expect"),
                QStringLiteral("2"), QStringLiteral("--stay-ms"), QStringLiteral("15000") });
        QVERIFY(client.waitForStarted(5000));
        // Until a flush put in the file every row recorded so far, with both messages and their echoes on both legs.
        qsizetype lastFlushed = 0;
        bool complete = false;
        QElapsedTimer timer;
        timer.start();
        while (!complete && timer.elapsed() < 15000) {
            const QList<QByteArray> f = nextLine(500).split(' ');
            if (f.size() != 9 || f.at(0) != "FLUSHED")
                continue;
            lastFlushed = f.at(1).toLongLong();
            complete = f.at(1) == f.at(3) && f.at(5) == "2" && f.at(6) == "2" && f.at(7) == "2" && f.at(8) == "2";
        }
        QVERIFY2(complete, qPrintable(child.readAllStandardError() + client.readAllStandardOutput()));
        QCOMPARE(child.state(), QProcess::Running);
        child.kill(); // SIGKILL: no destructor, no final flush, the connection never finished
        QVERIFY(child.waitForFinished(5000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        client.kill();
        client.waitForFinished(5000);

        const QStringList files = QDir(dir.path()).entryList({ QStringLiteral("*.jsonl") }, QDir::Files);
        QCOMPARE(files.size(), 1);
        QString error;
        QStringList notes;
        auto connections = SessionJournal::reopen(dir.filePath(files.first()), &error, &notes);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(connections.size(), size_t(1));
        const Connection &read = *connections.front();
        QCOMPARE(read.kind(), Connection::Kind::Proxied);
        const ConnectionLeg &clientLeg = *read.leg(Facing::Client);
        const ConnectionLeg &serverLeg = *read.leg(Facing::Server);
        QCOMPARE(clientLeg.events.size() + serverLeg.events.size(), lastFlushed);
        QCOMPARE(clientLeg.handshake.response.status, 101);
        QCOMPARE(serverLeg.handshake.response.status, 101);
        QCOMPARE(hostOf(serverLeg.handshake.request), QByteArray::number(python.port()).prepend("127.0.0.1:"));
        QCOMPARE(hostOf(clientLeg.handshake.request), QByteArray::number(QUrl(proxyUrl).port()).prepend("127.0.0.1:"));
        const QStringList sent { QStringLiteral("one"), QStringLiteral("two") };
        const QStringList relayed { QStringLiteral("one"), QStringLiteral("zwei") };
        QCOMPARE(messagesOf(clientLeg, Direction::Incoming), sent);
        QCOMPARE(messagesOf(serverLeg, Direction::Outgoing), relayed);
        QCOMPARE(messagesOf(serverLeg, Direction::Incoming), relayed);
        QCOMPARE(messagesOf(clientLeg, Direction::Outgoing), relayed);
        const ProxyMark *replaced = markOf(serverLeg, Direction::Outgoing, QByteArray("zwei"));
        QVERIFY(replaced);
        QCOMPARE(replaced->action, ProxyMark::Action::Replaced);
        QCOMPARE(replaced->original, QByteArray("two"));
        qInfo() << "killed while proxying:" << clientLeg.events.size() << "client leg and" << serverLeg.events.size()
                << "server leg events reopened; notes:" << notes;
    }
};

int main(int argc, char **argv)
{
    if (argc >= 4 && qstrcmp(argv[1], kChildFlag) == 0)
        return proxyChild(argc, argv);
    QCoreApplication app(argc, argv);
    tst_ProxiedJournal test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_proxiedjournal.moc"
