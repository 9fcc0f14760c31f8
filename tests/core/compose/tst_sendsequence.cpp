// SendSequence against a raw server on 127.0.0.1 that prints every frame it receives: order across kinds,
// rounds, steps built per round, failures, the tap's frame counts it waits on, and a connection that closes
// mid-sequence.
#include "compose/sendsequence.h"
#include "connection/connection.h"
#include "peerprocess.h"

#include <QSignalSpy>
#include <QTest>

using namespace wsi;

class tst_SendSequence : public QObject
{
    Q_OBJECT

private:
    PeerProcess m_raw;

    // "opcode payload-as-text fin" per frame the server saw, in order.
    QStringList framesSeen()
    {
        QStringList frames;
        for (const QByteArray &line : m_raw.readOutput().split('\n')) {
            if (!line.startsWith("FRAME "))
                continue;
            const QList<QByteArray> fields = line.mid(6).split(' ');
            QByteArray fin, opcode, payload;
            for (const QByteArray &field : fields) {
                if (field.startsWith("fin="))
                    fin = field.mid(4);
                else if (field.startsWith("opcode="))
                    opcode = field.mid(7);
                else if (field.startsWith("payload="))
                    payload = QByteArray::fromHex(field.mid(8));
            }
            frames << QStringLiteral("%1 %2 %3")
                          .arg(QString::fromLatin1(opcode), QString::fromUtf8(payload), QString::fromLatin1(fin));
        }
        return frames;
    }

    static SendStep text(const QString &t)
    {
        SendStep step;
        step.kind = SendStep::Kind::Text;
        step.text = t;
        return step;
    }

    static SendStep rawFrame(const QString &spec)
    {
        SendStep step;
        step.kind = SendStep::Kind::RawFrame;
        QString error;
        if (!parseRawFrameSpec(spec, &step.frame, &error))
            qFatal("bad raw frame spec in the test: %s", qPrintable(error));
        return step;
    }

    // "abcdefg" as a text message in frames of three bytes.
    static SendStep fragmented()
    {
        SendStep step;
        QString error;
        if (!SendStep::forPayload("abcdefg", true, 3, &step, &error))
            qFatal("%s", qPrintable(error));
        return step;
    }

    static SendStep ping(const QByteArray &payload)
    {
        SendStep step;
        step.kind = SendStep::Kind::Ping;
        step.bytes = payload;
        return step;
    }

    std::unique_ptr<Connection> openReportConnection()
    {
        m_raw.clearOutput();
        ConnectionOptions options;
        options.url = QUrl(m_raw.url(QStringLiteral("/report")));
        auto c = std::make_unique<Connection>(options);
        c->open();
        if (!QTest::qWaitFor([&] { return c->state() == Connection::State::Open; }, 10000))
            return nullptr;
        return c;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_raw.start(QStringLiteral(WSI_SYSTEM_PYTHON), QStringLiteral("raw_server.py"))); }

    void payloadStepsFollowTheFrameSize()
    {
        SendStep step;
        QString error;
        QVERIFY(SendStep::forPayload("hello", true, 0, &step, &error));
        QCOMPARE(step.kind, SendStep::Kind::Text);
        QVERIFY(step.literal); // the composer resolved its variables already
        QCOMPARE(step.text, QStringLiteral("hello"));
        QVERIFY(SendStep::forPayload("hello", false, 5, &step, &error));
        QCOMPARE(step.kind, SendStep::Kind::Binary); // fits one frame: QWebSocket sends it
        QVERIFY(SendStep::forPayload("hello", true, 2, &step, &error));
        QCOMPARE(step.kind, SendStep::Kind::Framed);
        QCOMPARE(step.framedCount(), qint64(3));
        QVERIFY(step.framedText);
        QVERIFY(!SendStep::forPayload(QByteArray(SendStep::kMaxFragments + 1, 'x'), false, 1, &step, &error));
        QVERIFY2(error.contains(QLatin1String("10001 frames")), qPrintable(error));
    }

    void stepsGoOutInOrderAcrossKindsEveryRound()
    {
        auto c = openReportConnection();
        QVERIFY(c);
        SendSequence sequence(c.get());
        sequence.setSteps(
            { text(QStringLiteral("first {{name}}")), rawFrame(QStringLiteral("opcode=0x9,payload=text:raw")),
                fragmented(), ping("p"), text(QStringLiteral("last")) });
        sequence.setVariables({ { QStringLiteral("name"), QStringLiteral("ada") } });
        sequence.setRounds(2, 0);
        QSignalSpy rounds(&sequence, &SendSequence::roundSent);
        QSignalSpy finished(&sequence, &SendSequence::finished);
        sequence.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY(sequence.completed());
        QCOMPARE(rounds.count(), 2);
        QCOMPARE(rounds.at(1).at(0).toInt(), 2);
        const QStringList round = { QStringLiteral("1 first ada 1"), QStringLiteral("9 raw 1"),
            QStringLiteral("1 abc 0"), QStringLiteral("0 def 0"), QStringLiteral("0 g 1"), QStringLiteral("9 p 1"),
            QStringLiteral("1 last 1") };
        QTRY_COMPARE_WITH_TIMEOUT(framesSeen().size(), 2 * round.size(), 10000);
        QCOMPARE(framesSeen(), round + round);
        c->abort();
    }

    // The sequence waits on the tap's counts (ConnectionLeg::Counters), not on a walk over every row: they must
    // say what the rows say. Pongs are no frames of a sequence; pings, raw and fragmented frames are.
    void theTapCountsTheFramesTheRowsHold()
    {
        auto c = openReportConnection();
        QVERIFY(c);
        SendSequence sequence(c.get());
        sequence.setSteps({ text(QStringLiteral("one")), rawFrame(QStringLiteral("opcode=0xA,payload=text:unasked")),
            fragmented(), ping("p"), text(QStringLiteral("two")) });
        sequence.setRounds(3, 0);
        QSignalSpy finished(&sequence, &SendSequence::finished);
        sequence.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY(sequence.completed());
        // one, abc, def, g, p, two: six frames a round, the pong aside.
        QTRY_COMPARE_WITH_TIMEOUT(framesSeen().size(), 3 * 7, 10000);
        // The server may see the last frames before the tap's batch with them reaches this thread.
        QTRY_COMPARE(c->counters().framesOut, quint64(3 * 6));
        qsizetype frameRows = 0;
        for (qsizetype row = 0; row < c->events().size(); ++row) {
            const EventRecord r = c->events().at(row);
            if (r.type == EventType::Frame && r.dir == Direction::Outgoing && r.sub != 0xA)
                ++frameRows;
        }
        QCOMPARE(frameRows, qsizetype(3 * 6));
        QCOMPARE(c->counters().framesOut, quint64(3 * 6));
        QCOMPARE(c->counters().violationsOut, quint64(0));
        c->abort();
    }

    // A frame the tap names as a protocol violation (a reserved opcode) leaves it unable to place more: the next
    // injected step fails with why, rather than waiting forever.
    void anInjectedStepAfterABrokenFrameFails()
    {
        auto c = openReportConnection();
        QVERIFY(c);
        SendSequence sequence(c.get());
        sequence.setSteps({ rawFrame(QStringLiteral("opcode=0x3,payload=text:bad")),
            rawFrame(QStringLiteral("opcode=0x9,payload=text:next")) });
        QSignalSpy failed(&sequence, &SendSequence::failed);
        sequence.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QCOMPARE(failed.at(0).at(0).toInt(), 1);
        QVERIFY2(failed.at(0).at(1).toString().contains(QLatin1String("broke the protocol")),
            qPrintable(failed.at(0).at(1).toString()));
        QVERIFY(sequence.clientStreamBroken());
        QVERIFY(c->counters().violationsOut >= 1);
        // The broken frame did reach the server (the tap on its thread wrote it before its batch came back here):
        // wait for its line, so that it does not land in the next test's output.
        QTRY_VERIFY(framesSeen().contains(QStringLiteral("3 bad 1")));
        c->abort();
    }

    void aSourceBuildsEachRoundAndItsFailureStops()
    {
        auto c = openReportConnection();
        QVERIFY(c);
        SendSequence sequence(c.get());
        int built = 0;
        sequence.setStepSource([&built](SendStep *step, QString *error) {
            if (++built == 3) {
                *error = QStringLiteral("no third message");
                return false;
            }
            return SendStep::forPayload(QByteArray("n=") + QByteArray::number(built), true, 0, step, error);
        });
        sequence.setRounds(5, 0);
        QSignalSpy finished(&sequence, &SendSequence::finished);
        QSignalSpy failed(&sequence, &SendSequence::failed);
        sequence.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("no third message"));
        QCOMPARE(sequence.roundsSent(), 2);
        QVERIFY(!sequence.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(framesSeen().size(), 2, 10000);
        QCOMPARE(framesSeen(), QStringList({ QStringLiteral("1 n=1 1"), QStringLiteral("1 n=2 1") }));
        QCOMPARE(finished.count(), 0); // failed() ends it alone
        c->abort();
    }

    void aClosedConnectionEndsTheSequenceAtOnce()
    {
        auto c = openReportConnection();
        QVERIFY(c);
        SendSequence sequence(c.get());
        sequence.setSteps({ text(QStringLiteral("tick")) });
        sequence.setRounds(1000, 60000); // a minute between rounds: only the close can end it in time
        QSignalSpy finished(&sequence, &SendSequence::finished);
        sequence.start();
        QCOMPARE(sequence.roundsSent(), 1);
        QVERIFY(sequence.isRunning());
        c->abort();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QVERIFY(!sequence.completed());
        QCOMPARE(sequence.roundsSent(), 1);
    }

    void stopEndsWithoutFinished()
    {
        auto c = openReportConnection();
        QVERIFY(c);
        SendSequence sequence(c.get());
        sequence.setSteps({ text(QStringLiteral("tick")) });
        sequence.setRounds(10, 50);
        QSignalSpy finished(&sequence, &SendSequence::finished);
        sequence.start();
        sequence.stop();
        QVERIFY(!sequence.isRunning());
        QTest::qWait(200); // longer than several intervals: nothing more may go out
        QCOMPARE(sequence.roundsSent(), 1);
        QCOMPARE(finished.count(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(framesSeen().size(), 1, 5000);
        c->abort();
    }
};

QTEST_GUILESS_MAIN(tst_SendSequence)
#include "tst_sendsequence.moc"
