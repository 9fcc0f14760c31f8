// wsinspector-cli connect under a flood: thousands of frames written at once by a raw sender inside this test
// (text with escapes, multi-byte UTF-8, binary, a 16-bit length), and every line the CLI prints for them is the
// line written out below, in order, with and without frame lines: the printer gathers lines in blocks and
// formats times once per second, and none of that may change a byte of the public output
// (docs/session-format.md).
#include "clirun.h"
#include "wireframe.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace {

// One message the sender repeats, and the lines the CLI must print for it ("T": its times, checked apart).
struct FloodMessage
{
    QByteArray frame;
    QByteArray frameLine;
    QByteArray messageLine;
};

QList<FloodMessage> floodMessages()
{
    const QByteArray longText(200, 'x');
    return {
        { wireFrame(0x81, "flood-0123456789abcdefghijklmnop"),
            "{\"conn\":1,\"dir\":\"in\",\"event\":\"frame\",\"fin\":true,\"header_hex\":\"8120\",\"length\":32,"
            "\"masked\":false,"
            "\"opcode\":1,\"opcode_name\":\"TEXT\",\"rsv1\":false,\"rsv2\":false,\"rsv3\":false,T}",
            "{\"conn\":1,\"dir\":\"in\",\"event\":\"message\",\"size\":32,T,\"text\":\"flood-"
            "0123456789abcdefghijklmnop\","
            "\"type\":\"text\"}" },
        { wireFrame(0x81, "say \"hi\"\\\n\t"),
            "{\"conn\":1,\"dir\":\"in\",\"event\":\"frame\",\"fin\":true,\"header_hex\":\"810b\",\"length\":11,"
            "\"masked\":false,"
            "\"opcode\":1,\"opcode_name\":\"TEXT\",\"rsv1\":false,\"rsv2\":false,\"rsv3\":false,T}",
            "{\"conn\":1,\"dir\":\"in\",\"event\":\"message\",\"size\":11,T,\"text\":\"say "
            "\\\"hi\\\"\\\\\\n\\t\",\"type\":\"text\"}" },
        { wireFrame(0x81,
              "gr\xc3\xbc\xc3\x9f"
              "e \xe2\x82\xac"),
            "{\"conn\":1,\"dir\":\"in\",\"event\":\"frame\",\"fin\":true,\"header_hex\":\"810b\",\"length\":11,"
            "\"masked\":false,"
            "\"opcode\":1,\"opcode_name\":\"TEXT\",\"rsv1\":false,\"rsv2\":false,\"rsv3\":false,T}",
            "{\"conn\":1,\"dir\":\"in\",\"event\":\"message\",\"size\":11,T,\"text\":\"gr\xc3\xbc\xc3\x9f"
            "e \xe2\x82\xac\",\"type\":\"text\"}" },
        { wireFrame(0x82, QByteArray::fromHex("00ff10")),
            "{\"conn\":1,\"dir\":\"in\",\"event\":\"frame\",\"fin\":true,\"header_hex\":\"8203\",\"length\":3,"
            "\"masked\":false,"
            "\"opcode\":2,\"opcode_name\":\"BINARY\",\"rsv1\":false,\"rsv2\":false,\"rsv3\":false,T}",
            "{\"base64\":\"AP8Q\",\"conn\":1,\"dir\":\"in\",\"event\":\"message\",\"size\":3,T,\"type\":\"binary\"}" },
        { wireFrame(0x81, longText),
            "{\"conn\":1,\"dir\":\"in\",\"event\":\"frame\",\"fin\":true,\"header_hex\":\"817e00c8\",\"length\":200,"
            "\"masked\":false,"
            "\"opcode\":1,\"opcode_name\":\"TEXT\",\"rsv1\":false,\"rsv2\":false,\"rsv3\":false,T}",
            "{\"conn\":1,\"dir\":\"in\",\"event\":\"message\",\"size\":200,T,\"text\":\"" + longText
                + "\",\"type\":\"text\"}" },
    };
}

// Answers one client's upgrade, then writes every frame at once and a Close (1000).
class RawFloodSender : public QObject
{
public:
    explicit RawFloodSender(QByteArray frames)
        : m_frames(std::move(frames))
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = m_server.nextPendingConnection();
            QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QString url() const { return QStringLiteral("ws://127.0.0.1:%1/flood").arg(m_server.serverPort()); }

private:
    void onReadyRead(QTcpSocket *socket)
    {
        m_head += socket->readAll();
        if (m_answered || !m_head.contains("\r\n\r\n"))
            return;
        m_answered = true;
        const QRegularExpression keyLine(
            QStringLiteral("Sec-WebSocket-Key: *([^\\r]+)\\r\\n"), QRegularExpression::CaseInsensitiveOption);
        const QByteArray key = keyLine.match(QString::fromLatin1(m_head)).captured(1).toLatin1();
        const QByteArray accept
            = QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", QCryptographicHash::Sha1)
                  .toBase64();
        socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      "Sec-WebSocket-Accept: "
            + accept + "\r\n\r\n");
        socket->write(m_frames);
        socket->write(wireFrame(0x88, QByteArray::fromHex("03e8")));
    }

    QTcpServer m_server;
    QByteArray m_frames;
    QByteArray m_head;
    bool m_answered = false;
};

// The line with its "t" and "t_us" replaced by T, once "t" was found to be the millisecond of "t_us" (as
// QDateTime writes it, not as the CLI's own writer does); the line itself with a note when it was not.
QByteArray withTimesChecked(const QByteArray &line)
{
    static const QRegularExpression times(QStringLiteral("\"t\":\"([^\"]*)\",\"t_us\":(\\d+)"));
    const QString text = QString::fromUtf8(line);
    const QRegularExpressionMatch match = times.match(text);
    if (!match.hasMatch())
        return line + " (no times)";
    const qint64 ms = match.captured(2).toLongLong() / 1000;
    const QString expected
        = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    if (match.captured(1) != expected)
        return line + " (t is not " + expected.toLatin1() + ")";
    QString replaced = text;
    replaced.replace(match.capturedStart(0), match.capturedLength(0), QStringLiteral("T"));
    return replaced.toUtf8();
}

} // namespace

class tst_CliFlood : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyLineOfAFloodIsAsWrittenOut_data()
    {
        QTest::addColumn<bool>("frames");
        QTest::newRow("with frame lines") << true;
        QTest::newRow("--no-frames") << false;
    }

    void everyLineOfAFloodIsAsWrittenOut()
    {
        QFETCH(bool, frames);
        // 4,000 messages: a few MB of lines, many blocks of the printer's buffer.
        constexpr int kRepeats = 800;
        const QList<FloodMessage> messages = floodMessages();
        QByteArray wire;
        QList<QByteArray> expected;
        for (int i = 0; i < kRepeats; ++i) {
            for (const FloodMessage &message : messages) {
                wire += message.frame;
                if (frames)
                    expected << message.frameLine;
                expected << message.messageLine;
            }
        }
        RawFloodSender sender(wire);
        QVERIFY(sender.listen());
        QStringList args { sender.url(), QStringLiteral("--wait-ms"), QStringLiteral("30000") };
        if (!frames)
            args << QStringLiteral("--no-frames");
        const CliRun run = runCli(args, 60000);
        QVERIFY2(run.exited, qPrintable(run.describe().left(3000)));
        QVERIFY2(run.problems.isEmpty(), qPrintable(run.problems.join(QLatin1Char('\n')).left(3000)));
        QCOMPARE(run.exitCode, kCleanClose);

        const QList<QByteArray> lines = run.out.split('\n');
        qsizetype first = 0;
        while (first < lines.size() && !lines.at(first).contains("\"event\":\"open\""))
            ++first;
        ++first;
        QVERIFY2(lines.size() >= first + expected.size() + 2, qPrintable(run.describe().left(3000)));
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QByteArray actual = withTimesChecked(lines.at(first + i));
            if (actual != expected.at(i))
                QFAIL(qPrintable(QStringLiteral("line %1 of the flood:\n  %2\nexpected\n  %3")
                                     .arg(i)
                                     .arg(QString::fromUtf8(actual), QString::fromUtf8(expected.at(i)))));
        }
        // Then the server's Close, as a frame line or the close event.
        const QByteArray after = lines.at(first + expected.size());
        QVERIFY2(after.contains(frames ? "\"event\":\"frame\"" : "\"event\":\"close\""), after.constData());
        QVERIFY2(after.contains("\"dir\":\"in\""), after.constData());
    }
};

QTEST_GUILESS_MAIN(tst_CliFlood)
#include "tst_cli_flood.moc"
