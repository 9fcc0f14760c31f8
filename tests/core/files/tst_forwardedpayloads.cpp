// ForwardedPayloads: which recent `in` message of the other leg a proxied `out` message line names instead of
// repeating its payload (session format version 4), and when it writes the payload after all.
#include "files/forwardedpayloads.h"

#include <QTest>

using namespace wsi;

namespace {

EventRecord message(Direction dir, qsizetype size, bool text = true)
{
    EventRecord r;
    r.type = EventType::Message;
    r.dir = dir;
    r.value = quint64(size);
    r.sub = 1;
    if (text)
        r.flags |= FlagText;
    return r;
}

constexpr bool kClient = true;
constexpr bool kServer = false;

} // namespace

class tst_ForwardedPayloads : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anEchoNamesTheOtherLegsInLines()
    {
        ForwardedPayloads forwarded;
        const QByteArray sent(2000, 'a');
        const QByteArray echoed(3000, 'b');
        QCOMPARE(forwarded.nextLine(kClient, message(Direction::Incoming, sent.size()), sent, false), quint64(0));
        QCOMPARE(forwarded.nextLine(kServer, message(Direction::Outgoing, sent.size()), sent, false), quint64(1));
        QCOMPARE(forwarded.nextLine(kServer, message(Direction::Incoming, 5), "small", false), quint64(0));
        QCOMPARE(forwarded.nextLine(kServer, message(Direction::Incoming, echoed.size()), echoed, false), quint64(0));
        // The client leg's `out` line names the server leg's second `in` line: small ones count too.
        QCOMPARE(forwarded.nextLine(kClient, message(Direction::Outgoing, echoed.size()), echoed, false), quint64(2));
    }

    void writesThePayloadWhenItIsNotTheSame_data()
    {
        QTest::addColumn<QByteArray>("forwardedPayload");
        QTest::addColumn<qsizetype>("size");
        QTest::addColumn<bool>("text");
        QTest::addColumn<bool>("marked");
        const QByteArray payload(2000, 'a');
        QByteArray oneByteOff = payload;
        oneByteOff[1999] = 'b';
        QTest::newRow("one byte differs") << oneByteOff << qsizetype(2000) << true << false;
        QTest::newRow("binary, not text") << payload << qsizetype(2000) << false << false;
        QTest::newRow("another size, the same kept bytes") << payload << qsizetype(9000) << true << false;
        QTest::newRow("marked (replaced or edited)") << payload << qsizetype(2000) << true << true;
    }

    void writesThePayloadWhenItIsNotTheSame()
    {
        QFETCH(QByteArray, forwardedPayload);
        QFETCH(qsizetype, size);
        QFETCH(bool, text);
        QFETCH(bool, marked);
        ForwardedPayloads forwarded;
        const QByteArray payload(2000, 'a');
        forwarded.nextLine(kClient, message(Direction::Incoming, payload.size()), payload, false);
        QCOMPARE(forwarded.nextLine(kServer, message(Direction::Outgoing, size, text), forwardedPayload, marked),
            quint64(0));
        // The in line is still there to be named by the right line.
        QCOMPARE(forwarded.nextLine(kServer, message(Direction::Outgoing, payload.size()), payload, false), quint64(1));
    }

    void smallPayloadsAreWrittenInFull()
    {
        ForwardedPayloads forwarded;
        const QByteArray below(ForwardedPayloads::kMinBytes - 1, 'a');
        const QByteArray at(ForwardedPayloads::kMinBytes, 'a');
        forwarded.nextLine(kClient, message(Direction::Incoming, below.size()), below, false);
        QCOMPARE(forwarded.nextLine(kServer, message(Direction::Outgoing, below.size()), below, false), quint64(0));
        forwarded.nextLine(kClient, message(Direction::Incoming, at.size()), at, false);
        QCOMPARE(forwarded.nextLine(kServer, message(Direction::Outgoing, at.size()), at, false), quint64(2));
    }

    void namesOnlyTheLast16InLinesAndEachOnce()
    {
        ForwardedPayloads forwarded;
        const QByteArray first(2000, 'f');
        forwarded.nextLine(kClient, message(Direction::Incoming, first.size()), first, false);
        for (int i = 0; i < 15; ++i)
            forwarded.nextLine(kClient, message(Direction::Incoming, 1), "x", false);
        // Line 1 is the 16th last: still named.
        QCOMPARE(forwarded.nextLine(kServer, message(Direction::Outgoing, first.size()), first, false), quint64(1));
        // Named once: the same payload again is written in full.
        QCOMPARE(forwarded.nextLine(kServer, message(Direction::Outgoing, first.size()), first, false), quint64(0));

        ForwardedPayloads older;
        older.nextLine(kClient, message(Direction::Incoming, first.size()), first, false);
        for (int i = 0; i < 16; ++i)
            older.nextLine(kClient, message(Direction::Incoming, 1), "x", false);
        QCOMPARE(older.nextLine(kServer, message(Direction::Outgoing, first.size()), first, false), quint64(0));
    }

    void equalPayloadsInFlightAreNamedOldestFirst()
    {
        ForwardedPayloads forwarded;
        const QByteArray payload(2000, 'p');
        for (int i = 0; i < 3; ++i)
            forwarded.nextLine(kServer, message(Direction::Incoming, payload.size()), payload, false);
        for (quint64 expected = 1; expected <= 3; ++expected)
            QCOMPARE(
                forwarded.nextLine(kClient, message(Direction::Outgoing, payload.size()), payload, false), expected);
    }

    void aDroppedInLineIsNeverNamed()
    {
        ForwardedPayloads forwarded;
        const QByteArray payload(2000, 'd');
        forwarded.nextLine(kClient, message(Direction::Incoming, payload.size()), payload, true);
        QCOMPARE(forwarded.nextLine(kServer, message(Direction::Outgoing, payload.size()), payload, false), quint64(0));
    }
};

QTEST_GUILESS_MAIN(tst_ForwardedPayloads)
#include "tst_forwardedpayloads.moc"
