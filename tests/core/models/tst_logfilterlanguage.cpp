// The log filter finds rows by the words the window shows (issue 15): in a Korean window a Korean word of a
// translated decoded summary, decode note or preview finds its row, by text, by regex and by find; the recorded
// English finds it too, and in an English window the English words find the same rows.
#include "connection/connection.h"
#include "languageswitch.h"
#include "models/eventlogmodel.h"
#include "models/logfiltermodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace wsi;

namespace {

void add(Connection &c, EventType type, Direction dir, const QByteArray &payload, quint8 flags = 0, quint8 sub = 0)
{
    EventRecord r;
    r.type = type;
    r.dir = dir;
    r.flags = flags;
    r.sub = sub;
    r.value = type == EventType::Message ? quint64(payload.size()) : 0;
    r.timeUs = 1700000000000000 + c.events().size();
    c.appendEvent(r, payload);
}

// An MQTT connection's log with a row of each kind that has the app's own words.
void fill(Connection &c)
{
    add(c, EventType::Open, Direction::None, {}); // 0
    add(c, EventType::Message, Direction::Outgoing, QByteArray("\x30\x0a\x00", 3), 0, 2); // 1: part of a packet
    add(c, EventType::Message, Direction::Outgoing, "hello", FlagText, 1); // 2: MQTT in a text message
    add(c, EventType::Ping, Direction::Outgoing, {}); // 3: no payload
    c.reportInfo(RecordedText("wsi::Connection", "Injected raw frame (for testing servers): %1")
                     .arg(QStringLiteral("81 05"))); // 4
    add(c, EventType::Message, Direction::Incoming, QByteArray("\xd0\x00", 2), 0, 2); // 5: PINGRESP, no words
}

QList<int> visibleEvents(const LogFilterModel &model)
{
    QList<int> rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows << model.index(row, 0).data(EventLogModel::EventIndexRole).toInt();
    return rows;
}

} // namespace

class tst_LogFilterLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { useEnglish(); }
    void cleanupTestCase() { useEnglish(); }

    void findsRowsByTheWordsTheWindowShows_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("regex");
        QTest::addColumn<QList<int>>("expected");
        const QString ko = QStringLiteral("ko");
        const QString en = QStringLiteral("en");
        QTest::newRow("a translated summary") << ko << QStringLiteral("버퍼링") << false << QList<int> { 1 };
        QTest::newRow("a translated malformed summary")
            << ko << QStringLiteral("형식 오류") << false << QList<int> { 2 };
        QTest::newRow("a translated note") << ko << QStringLiteral("바이너리 메시지로") << false << QList<int> { 2 };
        QTest::newRow("a translated preview") << ko << QStringLiteral("페이로드 없음") << false << QList<int> { 3 };
        QTest::newRow("a translated info row") << ko << QStringLiteral("서버 테스트용") << false << QList<int> { 4 };
        QTest::newRow("an open row") << ko << QStringLiteral("연결 열림") << false << QList<int> { 0 };
        QTest::newRow("regex over the words")
            << ko << QStringLiteral("^패킷의 일부, \\d+바이트") << true << QList<int> { 1 };
        QTest::newRow("the record's English in a Korean window")
            << ko << QStringLiteral("part of a packet") << false << QList<int> { 1 };
        QTest::newRow("English words in an English window")
            << en << QStringLiteral("no payload") << false << QList<int> { 3 };
        QTest::newRow("an English note") << en << QStringLiteral("binary messages") << false << QList<int> { 2 };
        QTest::newRow("Korean in an English window") << en << QStringLiteral("버퍼링") << false << QList<int> {};
    }

    void findsRowsByTheWordsTheWindowShows()
    {
        QFETCH(QString, language);
        QFETCH(QString, text);
        QFETCH(bool, regex);
        QFETCH(QList<int>, expected);
        ConnectionOptions options;
        options.url = QUrl(QStringLiteral("ws://127.0.0.1:9/mqtt"));
        options.protocol = QStringLiteral("mqtt");
        Connection c(options);
        fill(c);
        EventLogModel source;
        source.setConnection(&c);
        source.flush();
        LogFilterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setSourceModel(&source);
        Translations::forApplication()->apply(language);
        model.setFilterText(text, regex);
        QVERIFY2(model.errorString().isEmpty(), qPrintable(model.errorString()));
        QCOMPARE(visibleEvents(model), expected);
        // Find within all rows says the same.
        model.setFilterText({});
        model.setFindText(text, regex);
        const int found = model.findNext(-1);
        QCOMPARE(found < 0 ? -1 : model.mapToSource(found), expected.isEmpty() ? -1 : expected.first());
    }

    // Rows that arrive while a Korean filter is set are tested by their words too; a switch of language
    // filters again.
    void appendedRowsAreFoundByTheirWords()
    {
        ConnectionOptions options;
        options.protocol = QStringLiteral("mqtt");
        Connection c(options);
        EventLogModel source;
        source.setConnection(&c);
        LogFilterModel model;
        model.setSourceModel(&source);
        useKorean();
        model.setFilterText(QStringLiteral("버퍼링"));
        QCOMPARE(model.rowCount(), 0);
        fill(c);
        source.flush();
        QCOMPARE(visibleEvents(model), QList<int> { 1 });
        QCOMPARE(model.index(0, EventLogModel::DecodedColumn).data().toString(),
            QStringLiteral("패킷의 일부, 3바이트 버퍼링됨"));
        QCOMPARE(model.index(0, EventLogModel::DirectionColumn).data().toString(), QStringLiteral("↑ 보냄"));
        // A switch of language runs the filter again: the Korean word is no longer shown.
        useEnglish();
        model.retranslate();
        QCOMPARE(model.rowCount(), 0);
        model.setFilterText(QStringLiteral("part of a packet"));
        QCOMPARE(visibleEvents(model), QList<int> { 1 });
    }
};

QTEST_GUILESS_MAIN(tst_LogFilterLanguage)
#include "tst_logfilterlanguage.moc"
