// tst_eventlinetimes: the "t" and "t_us" of event lines, which the writer formats once per second and patches per
// event, read exactly as each time says, whatever came before (the same second, the next one, an earlier one,
// times it cannot cache); and lines appended into one reused buffer are the lines written one by one.
#include "files/sessionlogwriter.h"

#include <QTest>

using namespace wsi;

namespace {

EventRecord textMessage(qint64 timeUs)
{
    EventRecord r;
    r.type = EventType::Message;
    r.dir = Direction::Incoming;
    r.flags = FlagText;
    r.timeUs = timeUs;
    r.value = 5;
    return r;
}

EventRecord textFrame(qint64 timeUs)
{
    EventRecord r;
    r.type = EventType::Frame;
    r.dir = Direction::Incoming;
    r.flags = FlagFin;
    r.sub = 1;
    r.timeUs = timeUs;
    r.value = 5;
    return r;
}

SessionLogWriter::LineContext firstConnection()
{
    SessionLogWriter::LineContext context;
    context.connectionId = 1;
    return context;
}

QByteArray messageLine(qint64 timeUs)
{
    return SessionLogWriter::recordLine(firstConnection(), textMessage(timeUs), "hello");
}

} // namespace

class TestEventLineTimes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachLineCarriesItsOwnTime_data()
    {
        QTest::addColumn<qint64>("timeUs");
        QTest::addColumn<QByteArray>("times");
        // In this order: each row follows the one before it in the same thread, so the rows also check what
        // a line leaves behind for the next one.
        QTest::newRow("a time") << qint64(1796480262123456)
                                << QByteArray("\"t\":\"2026-12-05T14:17:42.123Z\",\"t_us\":1796480262123456");
        QTest::newRow("same second") << qint64(1796480262000007)
                                     << QByteArray("\"t\":\"2026-12-05T14:17:42.000Z\",\"t_us\":1796480262000007");
        QTest::newRow("last microsecond of it")
            << qint64(1796480262999999) << QByteArray("\"t\":\"2026-12-05T14:17:42.999Z\",\"t_us\":1796480262999999");
        QTest::newRow("next second") << qint64(1796480263000000)
                                     << QByteArray("\"t\":\"2026-12-05T14:17:43.000Z\",\"t_us\":1796480263000000");
        QTest::newRow("an earlier second")
            << qint64(1796480202500001) << QByteArray("\"t\":\"2026-12-05T14:16:42.500Z\",\"t_us\":1796480202500001");
        QTest::newRow("a year later") << qint64(1828016262000001)
                                      << QByteArray("\"t\":\"2027-12-05T14:17:42.000Z\",\"t_us\":1828016262000001");
        QTest::newRow("the first second")
            << qint64(1000000) << QByteArray("\"t\":\"1970-01-01T00:00:01.000Z\",\"t_us\":1000000");
        QTest::newRow("under a second") << qint64(999999)
                                        << QByteArray("\"t\":\"1970-01-01T00:00:00.999Z\",\"t_us\":999999");
        QTest::newRow("zero") << qint64(0) << QByteArray("\"t\":\"1970-01-01T00:00:00.000Z\",\"t_us\":0");
        QTest::newRow("before the epoch")
            << qint64(-1500) << QByteArray("\"t\":\"1969-12-31T23:59:59.999Z\",\"t_us\":-1500");
        QTest::newRow("back to a cached second")
            << qint64(1828016262999000) << QByteArray("\"t\":\"2027-12-05T14:17:42.999Z\",\"t_us\":1828016262999000");
        // Past 2^53 microseconds t_us is written as the double it once was (as main at b4ef425 wrote it).
        QTest::newRow("the last millisecond of 9999") << qint64(
            253402300799999000) << QByteArray("\"t\":\"9999-12-31T23:59:59.999Z\",\"t_us\":253402300799999000");
        QTest::newRow("after it") << qint64(1796480263000999)
                                  << QByteArray("\"t\":\"2026-12-05T14:17:43.000Z\",\"t_us\":1796480263000999");
    }

    void eachLineCarriesItsOwnTime()
    {
        QFETCH(qint64, timeUs);
        QFETCH(QByteArray, times);
        QCOMPARE(messageLine(timeUs),
            QByteArray("{\"conn\":1,\"dir\":\"in\",\"event\":\"message\",\"size\":5," + times
                + ",\"text\":\"hello\",\"type\":\"text\"}"
                  "\n"));
    }

    void linesAppendedToOneBufferAreTheLinesWrittenOneByOne()
    {
        const SessionLogWriter::LineContext context = firstConnection();
        QByteArray separate;
        QByteArray appended;
        // Enough lines for the buffer to grow several times, then emptied and reused as a printer does.
        for (int round = 0; round < 2; ++round) {
            appended.resize(0);
            separate.clear();
            for (int i = 0; i < 2000; ++i) {
                const qint64 timeUs = 1796480262000000 + qint64(i) * 1777;
                const QByteArray text = QByteArray("message \"") + QByteArray::number(i) + "\"\n";
                EventRecord message = textMessage(timeUs);
                message.value = quint64(text.size());
                separate += SessionLogWriter::recordLine(context, textFrame(timeUs), "\x81\x05");
                separate += SessionLogWriter::recordLine(context, message, text);
                SessionLogWriter::appendRecordLine(appended, context, textFrame(timeUs), "\x81\x05");
                SessionLogWriter::appendRecordLine(appended, context, message, text);
            }
            QCOMPARE(appended, separate);
        }
        QCOMPARE(separate.left(separate.indexOf('\n') + 1),
            QByteArray(
                "{\"conn\":1,\"dir\":\"in\",\"event\":\"frame\",\"fin\":true,\"header_hex\":\"8105\",\"length\":5,"
                "\"masked\":false,\"opcode\":1,\"opcode_name\":\"TEXT\",\"rsv1\":false,\"rsv2\":false,\"rsv3\":false,"
                "\"t\":\"2026-12-05T14:17:42.000Z\",\"t_us\":1796480262000000}"
                "\n"));
        QVERIFY(separate.endsWith("{\"conn\":1,\"dir\":\"in\",\"event\":\"message\",\"size\":15,\"t\":\"2026-12-05T14:"
                                  "17:45.552Z\",\"t_us\":1796480265552223,"
                                  "\"text\":\"message \\\"1999\\\"\\n\",\"type\":\"text\"}"
                                  "\n"));
    }
};

QTEST_GUILESS_MAIN(TestEventLineTimes)
#include "tst_eventlinetimes.moc"
