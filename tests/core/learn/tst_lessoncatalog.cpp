// The lessons as data: seven, in teaching order, every step with a text, the handshake lesson pointing at the
// headers it explains; and the process footprint read from /proc.

#include "learn/lessoncatalog.h"
#include "learn/processfootprint.h"

#include <QtTest>

using namespace wsi;

class TestLessonCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsTheSevenLessonsInTeachingOrder();
    void everyLessonHasATitleWhatToLookAtAndSteps();
    void handshakeLessonPointsAtEachHeaderInWireOrder();
    void actingLessonsStartTheServerBeforeConnecting();
    void manyConnectionsMeasuresAroundTheIdleClients();
    void readsResidentMemoryFromStatus_data();
    void readsResidentMemoryFromStatus();
    void measuresThisProcess();
};

void TestLessonCatalog::listsTheSevenLessonsInTeachingOrder()
{
    QStringList ids;
    for (const Lesson &lesson : LessonCatalog::lessons())
        ids << lesson.id;
    QCOMPARE(ids,
        QStringList({ QStringLiteral("why"), QStringLiteral("handshake"), QStringLiteral("wss"),
            QStringLiteral("events"), QStringLiteral("drop"), QStringLiteral("reconnect"), QStringLiteral("many") }));
    QVERIFY(LessonCatalog::find(QStringLiteral("drop")));
    QCOMPARE(LessonCatalog::find(QStringLiteral("drop"))->id, QStringLiteral("drop"));
    QVERIFY(!LessonCatalog::find(QStringLiteral("nope")));
}

void TestLessonCatalog::everyLessonHasATitleWhatToLookAtAndSteps()
{
    for (const Lesson &lesson : LessonCatalog::lessons()) {
        QVERIFY2(lesson.title && *lesson.title, qPrintable(lesson.id));
        QVERIFY2(lesson.lookAt && *lesson.lookAt, qPrintable(lesson.id));
        QVERIFY2(lesson.steps.size() >= 4, qPrintable(lesson.id));
        for (const LessonStep &step : lesson.steps)
            QVERIFY2(step.text && *step.text, qPrintable(lesson.id));
    }
    // Without a translator the source text comes back as it is.
    QCOMPARE(
        LessonCatalog::text(LessonCatalog::find(QStringLiteral("events"))->title), QStringLiteral("The four events"));
}

void TestLessonCatalog::handshakeLessonPointsAtEachHeaderInWireOrder()
{
    QList<QByteArray> headers;
    for (const LessonStep &step : LessonCatalog::find(QStringLiteral("handshake"))->steps) {
        if (step.action == LessonStep::Action::HighlightHeader)
            headers << step.header;
    }
    QCOMPARE(headers,
        QList<QByteArray>({ "Origin", "Connection", "Upgrade", "Sec-WebSocket-Key", "Sec-WebSocket-Version",
            "Sec-WebSocket-Accept" }));
}

void TestLessonCatalog::actingLessonsStartTheServerBeforeConnecting()
{
    for (const Lesson &lesson : LessonCatalog::lessons()) {
        bool started = false;
        for (const LessonStep &step : lesson.steps) {
            if (step.action == LessonStep::Action::StartServer || step.action == LessonStep::Action::StartTlsServer)
                started = true;
            if (step.action == LessonStep::Action::Connect || step.action == LessonStep::Action::ConnectWithReconnect
                || step.action == LessonStep::Action::OpenIdleClients)
                QVERIFY2(started, qPrintable(lesson.id));
        }
    }
    // The first lesson is reading only: it needs no server.
    for (const LessonStep &step : LessonCatalog::find(QStringLiteral("why"))->steps)
        QCOMPARE(step.action, LessonStep::Action::Explain);
}

void TestLessonCatalog::manyConnectionsMeasuresAroundTheIdleClients()
{
    QList<LessonStep::Action> actions;
    int count = 0;
    for (const LessonStep &step : LessonCatalog::find(QStringLiteral("many"))->steps) {
        actions << step.action;
        count = qMax(count, step.count);
    }
    QCOMPARE(actions,
        QList<LessonStep::Action>(
            { LessonStep::Action::StartServer, LessonStep::Action::MeasureBefore, LessonStep::Action::OpenIdleClients,
                LessonStep::Action::MeasureAfter, LessonStep::Action::CloseIdleClients }));
    QCOMPARE(count, 50);
}

void TestLessonCatalog::readsResidentMemoryFromStatus_data()
{
    QTest::addColumn<QByteArray>("status");
    QTest::addColumn<qint64>("kb");
    QTest::newRow("linux status") << QByteArray("Name:\tx\nVmPeak:\t  300 kB\nVmRSS:\t   12345 kB\nThreads:\t4\n")
                                  << qint64(12345);
    QTest::newRow("no VmRSS (a kernel thread)") << QByteArray("Name:\tkthreadd\nThreads:\t1\n") << qint64(-1);
    QTest::newRow("garbled value") << QByteArray("VmRSS:\t abc kB\n") << qint64(-1);
}

void TestLessonCatalog::readsResidentMemoryFromStatus()
{
    QFETCH(QByteArray, status);
    QFETCH(qint64, kb);
    QCOMPARE(ProcessFootprint::residentKbFromStatus(status), kb);
}

void TestLessonCatalog::measuresThisProcess()
{
    const ProcessFootprint before = ProcessFootprint::current();
    QVERIFY(before.isKnown());
    QVERIFY(before.residentKb > 0);
    QVERIFY(before.openDescriptors >= 3); // stdin, stdout, stderr
    QFile extra(QStringLiteral("/proc/self/status"));
    QVERIFY(extra.open(QIODevice::ReadOnly));
    QCOMPARE(ProcessFootprint::current().openDescriptors, before.openDescriptors + 1);
}

QTEST_GUILESS_MAIN(TestLessonCatalog)
#include "tst_lessoncatalog.moc"
