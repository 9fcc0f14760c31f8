// SessionListModel under QAbstractItemModelTester: journal files listed with their start, URL, outcome (closed,
// failed, interrupted, recording now, unreadable), event count and size; a new list replaces the old one and an
// empty list clears it.
#include "models/sessionlistmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wsi;

namespace {

const QByteArray kHeader = "{\"event\":\"session\",\"format\":\"wsinspector-session/1\","
                           "\"t\":\"2026-03-04T05:06:07.000Z\",\"tool\":\"test\"}\n";
const QByteArray kRequest
    = "{\"conn\":1,\"dir\":\"out\",\"event\":\"handshake_request\",\"url\":\"ws://a.example/\"}\n";
const QByteArray kMessage = "{\"conn\":1,\"dir\":\"in\",\"event\":\"message\",\"text\":\"hi\"}\n";

} // namespace

class TestSessionListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsOutcomesCountsAndSizes();
    void replacedAndCleared();

private:
    SessionJournal::SessionInfo write(const QString &name, const QByteArray &lines, qint64 size = 0);
    static QString cell(const SessionListModel &model, int row, int column);

    QTemporaryDir m_dir;
};

void TestSessionListModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Event counts and sizes are shown in the user's locale; the expected text below is American English.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

SessionJournal::SessionInfo TestSessionListModel::write(const QString &name, const QByteArray &lines, qint64 size)
{
    SessionJournal::SessionInfo info;
    info.filePath = m_dir.filePath(name);
    QFile file(info.filePath);
    if (!file.open(QIODevice::WriteOnly) || file.write(lines) != lines.size())
        qFatal("cannot write %s", qPrintable(info.filePath));
    info.size = size ? size : lines.size();
    info.firstUrl = QStringLiteral("ws://a.example/");
    // Shown in local time: the expected text does not depend on the machine's zone.
    info.started = QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7), Qt::LocalTime).toUTC();
    return info;
}

QString TestSessionListModel::cell(const SessionListModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

void TestSessionListModel::listsOutcomesCountsAndSizes()
{
    QList<SessionJournal::SessionInfo> sessions;
    sessions << write(QStringLiteral("closed.jsonl"),
        kHeader + kRequest + kMessage
            + "{\"code\":1000,\"code_name\":\"Normal Closure\",\"conn\":1,\"event\":\"close\",\"reason\":\"bye\"}\n",
        2048);
    sessions << write(QStringLiteral("failed.jsonl"),
        kHeader + "{\"conn\":1,\"event\":\"error\",\"layer\":\"tcp\",\"message\":\"Connection refused\"}\n", 512);
    SessionJournal::SessionInfo interrupted
        = write(QStringLiteral("interrupted.jsonl"), kHeader + kRequest + kMessage.repeated(1499));
    interrupted.firstUrl.clear();
    sessions << interrupted;
    SessionJournal::SessionInfo live
        = write(QStringLiteral("live.jsonl"), kHeader + kRequest + "{\"conn\":1,\"event\":\"close\"}\n");
    live.active = true;
    sessions << live;
    sessions << write(QStringLiteral("nocode.jsonl"), kHeader + kRequest + "{\"conn\":1,\"event\":\"close\"}\n");
    SessionJournal::SessionInfo missing;
    missing.filePath = m_dir.filePath(QStringLiteral("missing.jsonl"));
    missing.started = QDateTime(QDate(2026, 1, 2), QTime(23, 59, 1), Qt::LocalTime).toUTC();
    sessions << missing;

    SessionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(SessionListModel::NUM_COLUMNS));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setSessions(sessions);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 6);

    QCOMPARE(cell(model, 0, SessionListModel::StartedColumn), QStringLiteral("2026-03-04 05:06:07"));
    QCOMPARE(cell(model, 0, SessionListModel::UrlColumn), QStringLiteral("ws://a.example/"));
    QCOMPARE(
        cell(model, 0, SessionListModel::OutcomeColumn), QStringLiteral("closed 1000 Normal Closure \u201cbye\u201d"));
    QCOMPARE(cell(model, 0, SessionListModel::EventsColumn), QStringLiteral("3"));
    QCOMPARE(cell(model, 0, SessionListModel::SizeColumn), QStringLiteral("2.00 KiB"));
    QCOMPARE(model.entry(0).events, 3);

    QCOMPARE(cell(model, 1, SessionListModel::OutcomeColumn), QStringLiteral("failed (tcp): Connection refused"));
    QCOMPARE(cell(model, 1, SessionListModel::EventsColumn), QStringLiteral("1"));
    QCOMPARE(cell(model, 1, SessionListModel::SizeColumn), QStringLiteral("512 bytes"));

    QCOMPARE(cell(model, 2, SessionListModel::UrlColumn), QStringLiteral("(no handshake)"));
    QCOMPARE(cell(model, 2, SessionListModel::OutcomeColumn), QStringLiteral("ended without a close (interrupted?)"));
    QCOMPARE(cell(model, 2, SessionListModel::EventsColumn), QStringLiteral("1,500"));

    QCOMPARE(cell(model, 3, SessionListModel::OutcomeColumn), QStringLiteral("recording now"));
    QCOMPARE(model.index(3, 0).data(SessionListModel::ActiveRole).toBool(), true);
    QCOMPARE(model.index(2, 0).data(SessionListModel::ActiveRole).toBool(), false);

    QCOMPARE(cell(model, 4, SessionListModel::OutcomeColumn), QStringLiteral("closed without a code"));
    QCOMPARE(cell(model, 4, SessionListModel::EventsColumn), QStringLiteral("2"));

    QCOMPARE(cell(model, 5, SessionListModel::StartedColumn), QStringLiteral("2026-01-02 23:59:01"));
    QCOMPARE(cell(model, 5, SessionListModel::OutcomeColumn), QStringLiteral("unreadable: No such file or directory"));
    QCOMPARE(cell(model, 5, SessionListModel::EventsColumn), QStringLiteral("0"));
    QCOMPARE(cell(model, 5, SessionListModel::SizeColumn), QStringLiteral("0 bytes"));

    // Roles beyond the text.
    const QString closedPath = m_dir.filePath(QStringLiteral("closed.jsonl"));
    QCOMPARE(model.index(0, SessionListModel::SizeColumn).data(SessionListModel::FilePathRole).toString(), closedPath);
    QCOMPARE(model.index(0, SessionListModel::UrlColumn).data(Qt::ToolTipRole).toString(), closedPath);
    QCOMPARE(model.index(0, SessionListModel::EventsColumn).data(Qt::TextAlignmentRole).toInt(),
        int(Qt::AlignRight | Qt::AlignVCenter));
    QCOMPARE(model.index(0, SessionListModel::SizeColumn).data(Qt::TextAlignmentRole).toInt(),
        int(Qt::AlignRight | Qt::AlignVCenter));
    QVERIFY(!model.index(0, SessionListModel::UrlColumn).data(Qt::TextAlignmentRole).isValid());

    QCOMPARE(model.headerData(SessionListModel::StartedColumn, Qt::Horizontal).toString(), QStringLiteral("Started"));
    QCOMPARE(model.headerData(SessionListModel::UrlColumn, Qt::Horizontal).toString(), QStringLiteral("URL"));
    QCOMPARE(model.headerData(SessionListModel::OutcomeColumn, Qt::Horizontal).toString(), QStringLiteral("Outcome"));
    QCOMPARE(model.headerData(SessionListModel::EventsColumn, Qt::Horizontal).toString(), QStringLiteral("Events"));
    QCOMPARE(model.headerData(SessionListModel::SizeColumn, Qt::Horizontal).toString(), QStringLiteral("Size"));
}

void TestSessionListModel::replacedAndCleared()
{
    SessionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const SessionJournal::SessionInfo first = write(QStringLiteral("first.jsonl"), kHeader + kRequest);
    const SessionJournal::SessionInfo second = write(QStringLiteral("second.jsonl"), kHeader + kRequest + kMessage);
    model.setSessions({ first, second });
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, 0).data(SessionListModel::FilePathRole).toString(),
        m_dir.filePath(QStringLiteral("second.jsonl")));

    // The list is read again after a deletion: only what it is given is shown.
    model.setSessions({ second });
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(SessionListModel::FilePathRole).toString(),
        m_dir.filePath(QStringLiteral("second.jsonl")));
    QCOMPARE(cell(model, 0, SessionListModel::EventsColumn), QStringLiteral("2"));

    model.setSessions({});
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.index(0, 0).isValid());
}

QTEST_GUILESS_MAIN(TestSessionListModel)
#include "tst_sessionlistmodel.moc"
