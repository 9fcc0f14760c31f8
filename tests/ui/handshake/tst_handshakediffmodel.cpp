// HandshakeDiffModel under QAbstractItemModelTester: the first line then one row per header, each change
// shown by a symbol, its sides, a tooltip and a tint; per-attempt headers dimmed and untinted; secrets in the
// request target and header values masked until revealed; a new diff replaces the rows.
#include "common/theme.h"
#include "explain/handshakediff.h"
#include "handshake/handshakediffmodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QColor>
#include <QFont>
#include <QSignalSpy>
#include <QTest>

using namespace wsi;

using Change = HandshakeDiff::Change;

namespace {

HandshakeDiff::HeaderRow row(Change change, const QByteArray &name, const QByteArray &oldValue,
    const QByteArray &newValue, bool perAttempt = false)
{
    HandshakeDiff::HeaderRow r;
    r.change = change;
    r.name = name;
    r.oldValue = oldValue;
    r.newValue = newValue;
    r.perAttempt = perAttempt;
    return r;
}

} // namespace

class TestHandshakeDiffModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsEachChange();
    void masksSecretsUntilRevealed();
    void replacedByTheNextDiff();
    void columnTitlesAreNamed();

private:
    static QString cell(const HandshakeDiffModel &model, int row, int column);
    static void setRequestDiff(HandshakeDiffModel &model);
};

QString TestHandshakeDiffModel::cell(const HandshakeDiffModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

void TestHandshakeDiffModel::setRequestDiff(HandshakeDiffModel &model)
{
    model.setDiff(QStringLiteral("Request line"),
        { "GET /chat?room=7&token=old HTTP/1.1", "GET /chat?room=7&token=new HTTP/1.1" },
        {
            row(Change::Same, "Host", "a.example", "a.example"),
            row(Change::Added, "Authorization", QByteArray(), "Bearer abc.def"),
            row(Change::Removed, "X-Debug", "1", QByteArray()),
            row(Change::Changed, "Origin", "https://old.example", "https://new.example"),
            row(Change::Changed, "Sec-WebSocket-Key", "AAAA", "BBBB", true),
        });
}

void TestHandshakeDiffModel::showsEachChange()
{
    HandshakeDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(HandshakeDiffModel::NUM_COLUMNS));
    setRequestDiff(model);
    QCOMPARE(model.rowCount(), 6);

    // Row 0: the request line, changed; bold monospace.
    QCOMPARE(cell(model, 0, HandshakeDiffModel::ChangeColumn), QStringLiteral("~"));
    QCOMPARE(cell(model, 0, HandshakeDiffModel::NameColumn), QStringLiteral("Request line"));
    QCOMPARE(model.index(0, 0).data(HandshakeDiffModel::ChangeRole).toInt(), int(Change::Changed));
    QVERIFY(model.index(0, HandshakeDiffModel::NameColumn).data(Qt::FontRole).value<QFont>().bold());

    // Same: no symbol, both sides, no tint, slightly dimmed.
    QCOMPARE(cell(model, 1, HandshakeDiffModel::ChangeColumn), QString());
    QCOMPARE(cell(model, 1, HandshakeDiffModel::NameColumn), QStringLiteral("Host"));
    QCOMPARE(cell(model, 1, HandshakeDiffModel::OlderColumn), QStringLiteral("a.example"));
    QCOMPARE(cell(model, 1, HandshakeDiffModel::NewerColumn), QStringLiteral("a.example"));
    QCOMPARE(model.index(1, 0).data(Qt::ToolTipRole).toString(), QStringLiteral("The same on both sides"));
    QVERIFY(!model.index(1, 0).data(Qt::BackgroundRole).isValid());
    QCOMPARE(model.index(1, 0).data(Qt::ForegroundRole).value<QColor>().alphaF(), 0.8f);
    QVERIFY(!model.index(1, HandshakeDiffModel::NameColumn).data(Qt::FontRole).isValid());
    QVERIFY(!model.index(1, HandshakeDiffModel::OlderColumn).data(Qt::FontRole).value<QFont>().bold());

    // Added: only the newer side, green.
    QCOMPARE(cell(model, 2, HandshakeDiffModel::ChangeColumn), QStringLiteral("+"));
    QCOMPARE(cell(model, 2, HandshakeDiffModel::OlderColumn), QString());
    QCOMPARE(model.index(2, 0).data(HandshakeDiffModel::ChangeRole).toInt(), int(Change::Added));
    QCOMPARE(model.index(2, 0).data(Qt::ToolTipRole).toString(), QStringLiteral("Only in the newer handshake"));
    const QPalette palette = QApplication::palette();
    QCOMPARE(
        model.index(2, 0).data(Qt::BackgroundRole).value<QColor>(), theme::toneTint(theme::Tone::Success, palette));
    QVERIFY(!model.index(2, 0).data(Qt::ForegroundRole).isValid());

    // Removed: only the older side, red, a minus sign.
    QCOMPARE(cell(model, 3, HandshakeDiffModel::ChangeColumn), QStringLiteral("\u2212"));
    QCOMPARE(cell(model, 3, HandshakeDiffModel::NameColumn), QStringLiteral("X-Debug"));
    QCOMPARE(cell(model, 3, HandshakeDiffModel::OlderColumn), QStringLiteral("1"));
    QCOMPARE(cell(model, 3, HandshakeDiffModel::NewerColumn), QString());
    QCOMPARE(model.index(3, 0).data(Qt::ToolTipRole).toString(), QStringLiteral("Only in the older handshake"));
    QCOMPARE(model.index(3, 0).data(Qt::BackgroundRole).value<QColor>(), theme::toneTint(theme::Tone::Error, palette));

    // Changed: both sides, amber, old -> new in the tooltip.
    QCOMPARE(cell(model, 4, HandshakeDiffModel::OlderColumn), QStringLiteral("https://old.example"));
    QCOMPARE(cell(model, 4, HandshakeDiffModel::NewerColumn), QStringLiteral("https://new.example"));
    QCOMPARE(model.index(4, 0).data(Qt::ToolTipRole).toString(),
        QStringLiteral("Changed: https://old.example \u2192 https://new.example"));
    QCOMPARE(
        model.index(4, 0).data(Qt::BackgroundRole).value<QColor>(), theme::toneTint(theme::Tone::Warning, palette));

    // Changed by design on every attempt: no tint, dimmed more.
    QCOMPARE(cell(model, 5, HandshakeDiffModel::ChangeColumn), QStringLiteral("~"));
    QCOMPARE(model.index(5, 0).data(Qt::ToolTipRole).toString(),
        QStringLiteral("Changed; this header differs on every attempt by design"));
    QVERIFY(!model.index(5, 0).data(Qt::BackgroundRole).isValid());
    QCOMPARE(model.index(5, 0).data(Qt::ForegroundRole).value<QColor>().alphaF(), 0.55f);

    QCOMPARE(
        model.index(2, HandshakeDiffModel::ChangeColumn).data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignCenter));
    QVERIFY(!model.index(2, HandshakeDiffModel::NameColumn).data(Qt::TextAlignmentRole).isValid());
}

void TestHandshakeDiffModel::masksSecretsUntilRevealed()
{
    HandshakeDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    setRequestDiff(model);
    // Only the target is masked: the method and version stay.
    QCOMPARE(cell(model, 0, HandshakeDiffModel::OlderColumn), QStringLiteral("GET /chat?room=7&token=•••••• HTTP/1.1"));
    QCOMPARE(cell(model, 0, HandshakeDiffModel::NewerColumn), QStringLiteral("GET /chat?room=7&token=•••••• HTTP/1.1"));
    QCOMPARE(cell(model, 2, HandshakeDiffModel::NewerColumn), QStringLiteral("Bearer ••••••"));
    QCOMPARE(model.index(0, 0).data(Qt::ToolTipRole).toString(),
        QStringLiteral(
            "Changed: GET /chat?room=7&token=•••••• HTTP/1.1 \u2192 GET /chat?room=7&token=•••••• HTTP/1.1"));

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setRevealSecrets(true);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(cell(model, 0, HandshakeDiffModel::OlderColumn), QStringLiteral("GET /chat?room=7&token=old HTTP/1.1"));
    QCOMPARE(cell(model, 0, HandshakeDiffModel::NewerColumn), QStringLiteral("GET /chat?room=7&token=new HTTP/1.1"));
    QCOMPARE(cell(model, 2, HandshakeDiffModel::NewerColumn), QStringLiteral("Bearer abc.def"));
    model.setRevealSecrets(true); // no change, no reset
    QCOMPARE(reset.size(), 1);
    model.setRevealSecrets(false);
    QCOMPARE(reset.size(), 2);
    QCOMPARE(cell(model, 2, HandshakeDiffModel::NewerColumn), QStringLiteral("Bearer ••••••"));

    // A status line is not a request: nothing in it is masked.
    model.setDiff(QStringLiteral("Status line"), { "HTTP/1.1 101 Switching Protocols", "HTTP/1.1 403 Forbidden" }, {});
    QCOMPARE(cell(model, 0, HandshakeDiffModel::OlderColumn), QStringLiteral("HTTP/1.1 101 Switching Protocols"));
    QCOMPARE(cell(model, 0, HandshakeDiffModel::NewerColumn), QStringLiteral("HTTP/1.1 403 Forbidden"));
}

void TestHandshakeDiffModel::replacedByTheNextDiff()
{
    HandshakeDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    setRequestDiff(model);
    QCOMPARE(reset.size(), 1);

    // Only the newer side has a status line (the older attempt got no response): the line is added.
    model.setDiff(QStringLiteral("Status line"), { QByteArray(), "HTTP/1.1 101 Switching Protocols" },
        { row(Change::Added, "Upgrade", QByteArray(), "websocket") });
    QCOMPARE(reset.size(), 2);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(cell(model, 0, HandshakeDiffModel::NameColumn), QStringLiteral("Status line"));
    QCOMPARE(model.index(0, 0).data(HandshakeDiffModel::ChangeRole).toInt(), int(Change::Added));
    QCOMPARE(cell(model, 0, HandshakeDiffModel::ChangeColumn), QStringLiteral("+"));
    QCOMPARE(cell(model, 1, HandshakeDiffModel::NameColumn), QStringLiteral("Upgrade"));

    // And the other way round.
    model.setDiff(QStringLiteral("Status line"), { "HTTP/1.1 101 Switching Protocols", QByteArray() }, {});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(HandshakeDiffModel::ChangeRole).toInt(), int(Change::Removed));

    // Identical lines and no headers: the first line alone, unchanged.
    model.setDiff(QStringLiteral("Status line"), { "HTTP/1.1 101 OK", "HTTP/1.1 101 OK" }, {});
    QCOMPARE(reset.size(), 4);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(HandshakeDiffModel::ChangeRole).toInt(), int(Change::Same));
    QCOMPARE(cell(model, 0, HandshakeDiffModel::ChangeColumn), QString());
    QVERIFY(!model.index(1, 0).isValid());
}

void TestHandshakeDiffModel::columnTitlesAreNamed()
{
    HandshakeDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.headerData(HandshakeDiffModel::ChangeColumn, Qt::Horizontal).toString(), QString());
    QCOMPARE(model.headerData(HandshakeDiffModel::NameColumn, Qt::Horizontal).toString(), QStringLiteral("Header"));
    QCOMPARE(model.headerData(HandshakeDiffModel::OlderColumn, Qt::Horizontal).toString(), QStringLiteral("Older"));
    QCOMPARE(model.headerData(HandshakeDiffModel::NewerColumn, Qt::Horizontal).toString(), QStringLiteral("Newer"));

    QSignalSpy changed(&model, &QAbstractItemModel::headerDataChanged);
    model.setColumnTitles(QStringLiteral("#3 (101)"), QStringLiteral("#4 (403)"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(1).toInt(), int(HandshakeDiffModel::OlderColumn));
    QCOMPARE(changed.at(0).at(2).toInt(), int(HandshakeDiffModel::NewerColumn));
    QCOMPARE(model.headerData(HandshakeDiffModel::OlderColumn, Qt::Horizontal).toString(), QStringLiteral("#3 (101)"));
    QCOMPARE(model.headerData(HandshakeDiffModel::NewerColumn, Qt::Horizontal).toString(), QStringLiteral("#4 (403)"));
}

QTEST_MAIN(TestHandshakeDiffModel)
#include "tst_handshakediffmodel.moc"
