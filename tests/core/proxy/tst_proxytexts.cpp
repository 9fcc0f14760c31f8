// The reverse proxy's own words (a refusal, an unreachable upstream, who closed TCP) are recorded in English on
// the leg they concern, whatever the window's language, and shown in the window's language on either leg; the
// bodies it answers a client with are English on the wire.

#include "connection/connection.h"
#include "connection/workspace.h"
#include "files/sessionlogwriter.h"
#include "language/translations.h"
#include "models/eventlogmodel.h"
#include "proxy/reverseproxy.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>
#include <QtTest>

using namespace wsi;

namespace {

using Facing = ConnectionLeg::Facing;

bool hasHangul(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3)
            return true;
    }
    return false;
}

quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 0;
    return probe.serverPort(); // closed when probe goes: nothing accepts on the port then
}

// The rows of one type on a leg, by index.
QList<qsizetype> rowsOf(const Connection &c, Facing facing, EventType type)
{
    QList<qsizetype> rows;
    const EventStore &events = c.leg(facing)->events;
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (events.at(i).type == type)
            rows << i;
    }
    return rows;
}

// The "message" of the row's session-log line: what files and journals hold.
QString recordedMessage(const Connection &c, Facing facing, qsizetype row)
{
    const QByteArray line = SessionLogWriter::eventLine(c, facing, row);
    return QJsonDocument::fromJson(line).object().value(QStringLiteral("message")).toString();
}

// The row of that type on the leg whose recorded message is english; -1 if none.
qsizetype rowRecorded(const Connection &c, Facing facing, EventType type, const QString &english)
{
    for (const qsizetype row : rowsOf(c, facing, type)) {
        if (recordedMessage(c, facing, row) == english)
            return row;
    }
    return -1;
}

QByteArray upgradeRequest(const QByteArray &target)
{
    return "GET " + target
        + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
}

// Sends request to the proxy and reads its whole answer (it closes after a refusal); the proxy runs on this
// thread, so the wait turns the event loop.
QByteArray answerTo(const QUrl &proxy, const QByteArray &request)
{
    QTcpSocket socket;
    QByteArray answer;
    QObject::connect(&socket, &QTcpSocket::connected, &socket, [&] { socket.write(request); });
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] { answer += socket.readAll(); });
    socket.connectToHost(proxy.host(), quint16(proxy.port()));
    QDeadlineTimer deadline(15000);
    while (socket.state() != QAbstractSocket::UnconnectedState && !deadline.hasExpired())
        QTest::qWait(10);
    return answer + socket.readAll();
}

} // namespace

class TestProxyTexts : public QObject
{
    Q_OBJECT

private slots:
    void init() { Translations::forApplication()->apply(QStringLiteral("ko")); }
    void cleanup() { Translations::forApplication()->apply(QStringLiteral("en")); }

    // A Korean window, an upstream nothing listens on: the 502 body and the server leg's error row are English,
    // the row as shown is Korean, and English again after a switch.
    void unreachableUpstreamIsRecordedInEnglish()
    {
        Workspace workspace;
        ReverseProxy proxy(&workspace);
        ReverseProxyOptions options;
        options.upstream.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(closedPort()));
        QString error;
        QVERIFY2(proxy.start(options, &error), qPrintable(error));

        const QByteArray answer = answerTo(proxy.url(), upgradeRequest("/chat"));
        QVERIFY2(answer.startsWith("HTTP/1.1 502"), answer.constData());
        QVERIFY2(answer.contains("Bad gateway: TCP failure reaching the upstream ws://127.0.0.1:"), answer.constData());
        QVERIFY(!hasHangul(QString::fromUtf8(answer)));

        QCOMPARE(workspace.connections().size(), 1);
        const Connection &c = *workspace.connections().constFirst();
        const QList<qsizetype> errors = rowsOf(c, Facing::Server, EventType::Error);
        QCOMPARE(errors.size(), 1);
        const QString recorded = recordedMessage(c, Facing::Server, errors.constFirst());
        QVERIFY2(recorded.startsWith(QStringLiteral("TCP failure reaching the upstream ws://127.0.0.1:")),
            qPrintable(recorded));
        QVERIFY(!hasHangul(recorded));
        const QString shown = c.rowText(Facing::Server, errors.constFirst());
        QVERIFY2(hasHangul(shown), qPrintable(shown));
        QCOMPARE(c.rowText(errors.constFirst()), shown); // the server leg is the connection's own
        QVERIFY2(hasHangul(c.statusText()), qPrintable(c.statusText()));
        QVERIFY(!hasHangul(c.recordedStatusText()));

        Translations::forApplication()->apply(QStringLiteral("en"));
        QCOMPARE(c.rowText(Facing::Server, errors.constFirst()), recorded);
    }

    // A target the reverse proxy does not follow: refused on the client leg, English in the 400 and the record,
    // Korean as shown.
    void refusedTargetIsRecordedInEnglishOnTheClientLeg()
    {
        Workspace workspace;
        ReverseProxy proxy(&workspace);
        ReverseProxyOptions options;
        options.upstream.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(closedPort()));
        QVERIFY(proxy.start(options));

        const QByteArray answer = answerTo(proxy.url(), upgradeRequest("http://elsewhere.example/"));
        QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
        QVERIFY2(answer.contains("the request target \"http://elsewhere.example/\" is not a path"), answer.constData());

        QCOMPARE(workspace.connections().size(), 1);
        const Connection &c = *workspace.connections().constFirst();
        // The client leg also explains the 400 it saw (a refused upgrade); the proxy's own row names the target.
        const QString refusal = QStringLiteral("the request target \"http://elsewhere.example/\" is not a path: this "
                                               "reverse proxy relays to its one upstream only, never to a target a "
                                               "client names");
        const qsizetype row = rowRecorded(c, Facing::Client, EventType::Error, refusal);
        QVERIFY(row >= 0);
        const QString shown = c.rowText(Facing::Client, row);
        QVERIFY2(hasHangul(shown) && shown.contains(QStringLiteral("http://elsewhere.example/")), qPrintable(shown));
    }

    // Relayed, then the client drops TCP: each leg notes in English what happened on it, shown in Korean; a
    // switch to English shows the recorded words.
    void closingNotesFollowTheLanguage()
    {
        QWebSocketServer upstream(QStringLiteral("upstream"), QWebSocketServer::NonSecureMode);
        QVERIFY(upstream.listen(QHostAddress::LocalHost));
        QList<QWebSocket *> accepted;
        connect(
            &upstream, &QWebSocketServer::newConnection, this, [&] { accepted << upstream.nextPendingConnection(); });

        Workspace workspace;
        ReverseProxy proxy(&workspace);
        ReverseProxyOptions options;
        options.upstream.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(upstream.serverPort()));
        QVERIFY(proxy.start(options));

        QWebSocket client;
        client.open(proxy.url());
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 10000);
        QCOMPARE(workspace.connections().size(), 1);
        Connection &c = *workspace.connections().constFirst();
        QTRY_COMPARE(c.state(), Connection::State::Open);
        QSignalSpy finished(&c, &Connection::finished);
        client.abort();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);

        const QString clientLeft = QStringLiteral("The client closed its TCP connection.");
        const QString serverClosed
            = QStringLiteral("The proxy closed the TCP connection to the server: the client's closed.");
        const qsizetype clientNote = rowRecorded(c, Facing::Client, EventType::Info, clientLeft);
        const qsizetype serverNote = rowRecorded(c, Facing::Server, EventType::Info, serverClosed);
        QVERIFY(clientNote >= 0);
        QVERIFY(serverNote >= 0);
        const QString clientShown = c.rowText(Facing::Client, clientNote);
        const QString serverShown = c.rowText(Facing::Server, serverNote);
        QVERIFY2(hasHangul(clientShown), qPrintable(clientShown));
        QVERIFY2(hasHangul(serverShown), qPrintable(serverShown));

        // The log shows the client leg's note as the window's language has it too.
        EventLogModel log;
        log.setConnection(&c);
        log.setLegFilter(LegRows::Filter::Client);
        log.flush();
        QStringList clientInfoRows;
        for (int row = 0; row < log.rowCount(); ++row) {
            const QModelIndex preview = log.index(row, EventLogModel::PreviewColumn);
            if (preview.data(EventLogModel::EventTypeRole).toInt() == int(EventType::Info))
                clientInfoRows << preview.data().toString();
        }
        QVERIFY2(clientInfoRows.contains(clientShown), qPrintable(clientInfoRows.join(QLatin1Char('|'))));

        Translations::forApplication()->apply(QStringLiteral("en"));
        QCOMPARE(c.rowText(Facing::Client, clientNote), clientLeft);
        QCOMPARE(c.rowText(Facing::Server, serverNote), serverClosed);
        qDeleteAll(accepted);
    }
};

QTEST_GUILESS_MAIN(TestProxyTexts)
#include "tst_proxytexts.moc"
