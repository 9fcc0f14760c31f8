// The window under a flood (issue 12): after 200,000 messages with a payload budget far below their size, a row
// from the start of the flood still opens its payload (read back from the spill file) in the detail pane.

#include "common/hexview.h"
#include "connection/connection.h"
#include "connection/workspace.h"
#include "detail/eventdetailview.h"
#include "log/eventlogtable.h"
#include "log/eventlogview.h"
#include "models/eventlogmodel.h"
#include "preferences/preferencesdialog.h"
#include "shell/mainwindow.h"
#include "store/payloadcache.h"

#include <QCryptographicHash>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace wsi;

namespace {

constexpr int kMessages = 200000;
constexpr int kPayloadSize = 200; // 40 MB in all: well past the smallest budget the Preferences allow (16 MiB)

// Every message different, so that a payload read back from the wrong place cannot pass for the right one.
QByteArray payloadOf(int n)
{
    QByteArray payload = QByteArray("flood message ") + QByteArray::number(n).rightJustified(8, '0') + ' ';
    while (payload.size() < kPayloadSize)
        payload += char('a' + (n + payload.size()) % 26);
    return payload;
}

// A WebSocket server on plain sockets: answers the upgrade, writes every frame at once, then a Close.
class FloodServer : public QTcpServer
{
public:
    FloodServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        });
    }

private:
    void onReadyRead(QTcpSocket *socket)
    {
        if (m_answered) {
            socket->readAll(); // the client's Close
            socket->disconnectFromHost();
            return;
        }
        m_request += socket->readAll();
        if (!m_request.contains("\r\n\r\n"))
            return;
        QByteArray key;
        for (const QByteArray &line : m_request.split('\n')) {
            if (line.toLower().startsWith("sec-websocket-key:"))
                key = line.mid(18).trimmed();
        }
        const QByteArray accept
            = QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", QCryptographicHash::Sha1)
                  .toBase64();
        QByteArray out = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         "Sec-WebSocket-Accept: "
            + accept + "\r\n\r\n";
        out.reserve(out.size() + kMessages * (kPayloadSize + 4) + 4);
        for (int n = 0; n < kMessages; ++n) {
            out += char(0x81);
            out += char(126);
            out += char(kPayloadSize >> 8);
            out += char(kPayloadSize & 0xff);
            out += payloadOf(n);
        }
        out += QByteArray("\x88\x02\x03\xe8", 4);
        socket->write(out);
        m_answered = true;
    }

    QByteArray m_request;
    bool m_answered = false;
};

} // namespace

class TestWindowFlood : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
        QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_windowflood"));
        QVERIFY(m_sessions.isValid());
        qputenv("WSI_SESSIONS_DIR", m_sessions.path().toLocal8Bit()); // the journal of 200k messages goes here
    }

    void rowFromTheStartOpensItsPayloadAfterTheFlood()
    {
        QSettings().clear();
        QSettings().setValue(QStringLiteral("memory/payloadMiB"), 16); // the smallest the Preferences allow
        PreferencesDialog::applyPayloadMemory();
        QCOMPARE(PayloadCache::instance().budget(), qint64(16) << 20);

        FloodServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.connectTo(QStringLiteral("ws://127.0.0.1:%1/").arg(server.serverPort()));
        QCOMPARE(window.workspace()->connections().size(), 1);
        Connection *connection = window.workspace()->connections().constFirst();
        QSignalSpy finished(connection, &Connection::finished);
        QTRY_COMPARE_WITH_TIMEOUT(connection->counters().messagesIn, quint64(kMessages), 120000);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);

        // The flood's payloads did not fit: the oldest went to the spill file.
        PayloadCache::instance().trim();
        QVERIFY2(PayloadCache::instance().evictions() > 0, "nothing was evicted: the budget did not bite");
        QVERIFY(PayloadCache::instance().residentBytes() <= PayloadCache::instance().budget());

        // Every message is a row of the log.
        EventLogTable *table = window.eventLogView()->tableView();
        const QAbstractItemModel *log = table->model();
        QTRY_VERIFY_WITH_TIMEOUT(log->rowCount() >= kMessages, 30000);
        int first = -1;
        int incoming = 0;
        for (int row = 0; row < log->rowCount(); ++row) {
            const QModelIndex index = log->index(row, EventLogModel::PreviewColumn);
            if (index.data(EventLogModel::EventTypeRole).toInt() == int(EventType::Message)
                && index.data(EventLogModel::DirectionRole).toInt() == int(Direction::Incoming)) {
                if (first < 0)
                    first = row;
                ++incoming;
            }
        }
        QCOMPARE(incoming, kMessages);

        // The first message of the flood, chosen with the mouse, shows its own bytes, read back from disk.
        const qint64 readBacksBefore = PayloadCache::instance().readBacks();
        const QModelIndex index = log->index(first, EventLogModel::PreviewColumn);
        table->scrollTo(index);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
        QCOMPARE(table->currentIndex().row(), first);
        QCOMPARE(window.detailView()->eventIndex(), index.data(EventLogModel::EventIndexRole).toInt());
        QVERIFY2(PayloadCache::instance().readBacks() > readBacksBefore, "the payload was not read back");
        QCOMPARE(window.detailView()->text(), QString::fromLatin1(payloadOf(0)));
        QCOMPARE(window.detailView()->hexView()->data(), payloadOf(0));
    }

private:
    QTemporaryDir m_sessions;
};

QTEST_MAIN(TestWindowFlood)
#include "tst_windowflood.moc"
