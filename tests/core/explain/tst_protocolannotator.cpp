// ProtocolAnnotator over recorded rows: the subprotocol from the Open row, detection from the first messages,
// pairs with latencies from the rows' times, messages kept only in part left undecoded, "none" and giving up.
#include "explain/protocolannotator.h"
#include "store/eventstore.h"

#include <QTest>

using namespace wsi;

namespace {

EventRecord row(EventType type, Direction dir, qint64 timeUs, QByteArrayView payload, bool text = true)
{
    EventRecord r;
    r.type = type;
    r.dir = dir;
    r.timeUs = timeUs;
    r.flags = text ? FlagText : 0;
    r.value = quint64(payload.size());
    r.payloadSize = quint32(payload.size());
    return r;
}

} // namespace

class tst_ProtocolAnnotator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theOpenRowsSubprotocolPicksTheDecoder()
    {
        ProtocolAnnotator annotator(QStringLiteral("auto"));
        QVERIFY(annotator.next(row(EventType::Open, Direction::None, 1, "v12.stomp"), "v12.stomp").messages.isEmpty());
        const QByteArray connect("CONNECT\naccept-version:1.2\nhost:example\n\n\0", 41);
        const ProtocolAnnotator::Annotation a
            = annotator.next(row(EventType::Message, Direction::Outgoing, 2, connect), connect);
        QCOMPARE(annotator.protocol(), QStringLiteral("stomp"));
        QCOMPARE(a.messages.size(), 1);
        QCOMPARE(a.messages.first().kind, QStringLiteral("CONNECT"));
        QVERIFY(annotator.reason().contains(QLatin1String("v12.stomp")));
    }

    void jsonRpcPairsByIdWithTheRowsTimes()
    {
        ProtocolAnnotator annotator(QStringLiteral("auto"));
        const QByteArray call(R"({"jsonrpc":"2.0","id":7,"method":"add","params":[1,2]})");
        const QByteArray other(R"({"jsonrpc":"2.0","id":8,"method":"add","params":[3,4]})");
        const QByteArray reply8(R"({"jsonrpc":"2.0","id":8,"result":7})");
        const QByteArray reply7(R"({"jsonrpc":"2.0","id":7,"result":3})");
        QVERIFY(!annotator.next(row(EventType::Message, Direction::Outgoing, 1000, call), call).requestTimeUs);
        annotator.next(row(EventType::Message, Direction::Outgoing, 2000, other), other);
        const ProtocolAnnotator::Annotation a8
            = annotator.next(row(EventType::Message, Direction::Incoming, 9500, reply8), reply8);
        QCOMPARE(a8.requestTimeUs.value_or(-1), qint64(2000));
        QCOMPARE(a8.latencyMs, 7.5);
        const ProtocolAnnotator::Annotation a7
            = annotator.next(row(EventType::Message, Direction::Incoming, 12000, reply7), reply7);
        QCOMPARE(a7.requestTimeUs.value_or(-1), qint64(1000));
        QCOMPARE(a7.latencyMs, 11.0);
        // A reply going the same way as the request is not its answer.
        ProtocolAnnotator other2(QStringLiteral("jsonrpc"));
        other2.next(row(EventType::Message, Direction::Outgoing, 1, call), call);
        QVERIFY(!other2.next(row(EventType::Message, Direction::Outgoing, 2, reply7), reply7).requestTimeUs);
    }

    void aRequestPastTheTimeoutNoLongerPairs()
    {
        ProtocolAnnotator annotator(QStringLiteral("jsonrpc"));
        const QByteArray call(R"({"jsonrpc":"2.0","id":1,"method":"slow"})");
        const QByteArray other(R"({"jsonrpc":"2.0","method":"tick"})");
        const QByteArray reply(R"({"jsonrpc":"2.0","id":1,"result":true})");
        annotator.next(row(EventType::Message, Direction::Outgoing, 1, call), call);
        const qint64 late = ProtocolAnnotator::kPairTimeoutUs + ProtocolAnnotator::kExpiryStepUs + 10;
        annotator.next(row(EventType::Message, Direction::Outgoing, late, other), other);
        QVERIFY(!annotator.next(row(EventType::Message, Direction::Incoming, late + 1, reply), reply).requestTimeUs);
        // Within the timeout the same exchange pairs.
        ProtocolAnnotator prompt(QStringLiteral("jsonrpc"));
        prompt.next(row(EventType::Message, Direction::Outgoing, 1, call), call);
        prompt.next(row(EventType::Message, Direction::Outgoing, 30000000, other), other);
        QCOMPARE(prompt.next(row(EventType::Message, Direction::Incoming, 30000001, reply), reply)
                     .requestTimeUs.value_or(-1),
            qint64(1));
    }

    void theTestServersClientsSpeakInTheOtherDirection()
    {
        // For a served client the client's messages are the Incoming rows.
        ProtocolAnnotator annotator(QStringLiteral("jsonrpc"), Direction::Incoming);
        const QByteArray call(R"({"jsonrpc":"2.0","id":1,"method":"ping"})");
        const QByteArray reply(R"({"jsonrpc":"2.0","id":1,"result":"pong"})");
        annotator.next(row(EventType::Message, Direction::Incoming, 100, call), call);
        QCOMPARE(
            annotator.next(row(EventType::Message, Direction::Outgoing, 300, reply), reply).requestTimeUs.value_or(-1),
            qint64(100));
    }

    void aMessageKeptInPartIsNotDecoded()
    {
        ProtocolAnnotator annotator(QStringLiteral("jsonrpc"));
        const QByteArray call(R"({"jsonrpc":"2.0","id":1,"method":"ping"})");
        EventRecord cut = row(EventType::Message, Direction::Outgoing, 1, call.first(10));
        cut.value = quint64(call.size());
        QVERIFY(annotator.next(cut, call.first(10)).messages.isEmpty());
        QCOMPARE(annotator.next(row(EventType::Message, Direction::Outgoing, 2, call), call).messages.size(), 1);
    }

    void noneAndUndetectedDecodeNothing()
    {
        const QByteArray call(R"({"jsonrpc":"2.0","id":1,"method":"ping"})");
        ProtocolAnnotator none(QStringLiteral("none"));
        QVERIFY(none.next(row(EventType::Message, Direction::Outgoing, 1, call), call).messages.isEmpty());
        QVERIFY(none.protocol().isEmpty());
        // Detection looks at the first few messages; a protocol message after them is not taken for one.
        ProtocolAnnotator late(QStringLiteral("auto"));
        for (int i = 0; i < 10; ++i)
            late.next(row(EventType::Message, Direction::Outgoing, i, "hello"), "hello");
        QVERIFY(late.next(row(EventType::Message, Direction::Outgoing, 11, call), call).messages.isEmpty());
        QVERIFY(late.protocol().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_ProtocolAnnotator)
#include "tst_protocolannotator.moc"
