// The Handshake view's timings: named parts that add up to the total shown, the local tap's share included.

#include "connection/connection.h"
#include "connection/workspace.h"
#include "handshake/handshaketimingslabel.h"
#include "server/localserver.h"
#include "server/serveroptions.h"

#include <QtTest>

using namespace wsi;

namespace {

// "1.23 ms" -> 123 hundredths of a millisecond; -1 for the dash of an unmeasured step.
qint64 hundredths(const QString &shown)
{
    if (!shown.endsWith(QLatin1String(" ms")))
        return -1;
    return qRound64(shown.chopped(3).toDouble() * 100.0);
}

} // namespace

class TestHandshakeTimings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importedTimingsShowTheirRestAsOther();
    void liveConnectionNamesTheLocalTapAndAddsUp();
};

void TestHandshakeTimings::importedTimingsShowTheirRestAsOther()
{
    ConnectionOptions options;
    options.url = QUrl(QStringLiteral("ws://example.com/feed"));
    Connection connection(options);
    ConnectionTimings t;
    t.dnsUs = 1200;
    t.tcpUs = 300;
    t.upgradeUs = 2004;
    t.totalUs = 5000;
    connection.restoreImported(HandshakeRecord {}, t, Connection::State::Closed, {});

    HandshakeTimingsLabel label;
    label.showConnection(&connection);
    const QList<QPair<QString, QString>> expected {
        { QStringLiteral("DNS"), QStringLiteral("1.20 ms") },
        { QStringLiteral("TCP"), QStringLiteral("0.30 ms") },
        { QStringLiteral("Upgrade"), QStringLiteral("2.00 ms") },
        { QStringLiteral("Other"), QStringLiteral("1.50 ms") },
        { QStringLiteral("Total"), QStringLiteral("5.00 ms") },
    };
    QCOMPARE(label.shownParts(), expected);
    QVERIFY(label.text().contains(QLatin1String("Other <b>1.50 ms</b>")));
    QVERIFY(label.toolTip().contains(QLatin1String("Other: ")));

    label.showConnection(nullptr);
    QVERIFY(label.shownParts().isEmpty());
    QVERIFY(label.text().isEmpty());
}

void TestHandshakeTimings::liveConnectionNamesTheLocalTapAndAddsUp()
{
    Workspace workspace;
    LocalServer server(&workspace);
    QString error;
    QVERIFY2(server.start(ServerOptions {}, &error), qPrintable(error));
    ConnectionOptions options;
    options.url = server.url();
    Connection *client = workspace.openConnection(options);
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), Connection::State::Open, 10000);

    HandshakeTimingsLabel label;
    label.showConnection(client);
    const QList<QPair<QString, QString>> parts = label.shownParts();
    QStringList names;
    for (const auto &part : parts)
        names << part.first;
    // ws://: no TLS step; the socket's start and what the tap's own proxy exchange took are named and
    // measured, not left as a gap: there is no "Other".
    QCOMPARE(names,
        (QStringList { QStringLiteral("Socket start"), QStringLiteral("DNS"), QStringLiteral("TCP"),
            QStringLiteral("Upgrade"), QStringLiteral("Local tap"), QStringLiteral("Total") }));
    QVERIFY(client->timings().socketStartUs >= 0);
    QVERIFY(client->timings().localTapUs >= 0);
    qint64 sum = 0;
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        QVERIFY2(hundredths(parts.at(i).second) >= 0, qPrintable(parts.at(i).first + parts.at(i).second));
        sum += hundredths(parts.at(i).second);
    }
    const qint64 total = hundredths(parts.constLast().second);
    QVERIFY(total > 0);
    QCOMPARE(sum, total);
    QVERIFY(label.toolTip().contains(QLatin1String("Local tap: ")));
    QVERIFY(label.toolTip().contains(QLatin1String("Socket start: ")));
    QVERIFY(!label.toolTip().contains(QLatin1String("Other: ")));

    client->close();
    server.stop();
}

QTEST_MAIN(TestHandshakeTimings)
#include "tst_handshaketimings.moc"
