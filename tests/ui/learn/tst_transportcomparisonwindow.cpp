// The transports comparison in its own window: opened from the Learn panel's comparison, it shows the model the
// dock fills turned on its side (a column per transport, a row per measure), every number whole, follows a run
// live, speaks the window's language and remembers its geometry.
#include "language/translations.h"
#include "learn/transportchart.h"
#include "learn/transportcomparisonview.h"
#include "learn/transportcomparisonwindow.h"
#include "learn/transportresultmodel.h"

#include <QHeaderView>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTransposeProxyModel>
#include <QtTest>

using namespace wsi;

class tst_TransportComparisonWindow : public QObject
{
    Q_OBJECT

private:
    // The view as the Learn dock holds it at the default window size: narrow.
    static void showNarrow(TransportComparisonView &view)
    {
        view.resize(440, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
    }

    static TransportComparisonWindow *openWindow(TransportComparisonView &view)
    {
        auto *button = view.findChild<QPushButton *>(QStringLiteral("openWindowButton"));
        if (!button)
            return nullptr;
        QTest::mouseClick(button, Qt::LeftButton);
        return view.comparisonWindow();
    }

    static TransportResult measured(TransportKind kind)
    {
        TransportResult result;
        result.kind = kind;
        result.tally.requests = 41;
        result.tally.connections = 3;
        result.tally.headerBytes = 123456;
        result.tally.payloadBytes = 789;
        result.expected = 20;
        result.delivered = 20;
        result.latencyP50Ms = 101.5;
        result.latencyP95Ms = 190.25;
        return result;
    }

    // Every cell of the shown measures says its whole text (the plain-words row wraps instead).
    static QString cutCells(QTableView *table)
    {
        QStringList cut;
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->isRowHidden(row) || row == TransportResultModel::ExplanationColumn)
                continue;
            for (int column = 0; column < table->model()->columnCount(); ++column) {
                const QString text = table->model()->index(row, column).data().toString();
                if (table->fontMetrics().horizontalAdvance(text) > table->columnWidth(column))
                    cut << text;
            }
        }
        return cut.join(QLatin1String(", "));
    }

    // Columns whose whole width the table shows without scrolling.
    static int fullyVisibleColumns(QTableView *table)
    {
        int visible = 0;
        const int width = table->viewport()->width();
        for (int column = 0; column < table->model()->columnCount(); ++column) {
            const int left = table->horizontalHeader()->sectionViewportPosition(column);
            if (left >= 0 && left + table->horizontalHeader()->sectionSize(column) <= width)
                ++visible;
        }
        return visible;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WSInspector"));
        QCoreApplication::setApplicationName(QStringLiteral("wsinspector-tst_transportcomparisonwindow"));
    }

    void init()
    {
        QSettings().clear();
        Translations::forApplication()->apply(QStringLiteral("en"));
    }

    void cleanup() { Translations::forApplication()->apply(QStringLiteral("en")); }

    void showsEveryColumnTheDockCannot()
    {
        TransportComparisonView view;
        showNarrow(view);
        QVERIFY(!view.comparisonWindow()); // made only when asked for
        auto *dockTable = view.findChild<QTableView *>(QStringLiteral("resultTable"));
        QVERIFY(dockTable);
        QVERIFY2(fullyVisibleColumns(dockTable) < TransportResultModel::NUM_COLUMNS,
            "the dock at its narrow width shows every column: this test no longer checks anything");

        TransportComparisonWindow *window = openWindow(view);
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QVERIFY(window->isWindow());
        QCOMPARE(window->windowTitle(), QStringLiteral("Transports Compared"));
        QTableView *table = window->table();
        QCOMPARE(table->objectName(), QStringLiteral("windowResultTable"));
        // The same numbers, measured once, on their side: a column per transport, a row per measure.
        auto *sideways = qobject_cast<QTransposeProxyModel *>(table->model());
        QVERIFY(sideways);
        QCOMPARE(sideways->sourceModel(), view.model());
        QCOMPARE(table->model()->columnCount(), 4);
        QCOMPARE(table->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Polling"));
        QCOMPARE(table->model()->headerData(3, Qt::Horizontal).toString(), QStringLiteral("WebSocket"));
        QCOMPARE(table->model()->headerData(TransportResultModel::LatencyP95Column, Qt::Vertical).toString(),
            QStringLiteral("Latency p95"));
        QVERIFY(table->isRowHidden(TransportResultModel::TransportColumn)); // the headers say it
        for (int row = TransportResultModel::RequestsColumn; row < TransportResultModel::NUM_COLUMNS; ++row)
            QVERIFY(!table->isRowHidden(row));
        QVERIFY(window->findChild<TransportChart *>(QStringLiteral("windowTransportChart")));
        QCOMPARE(fullyVisibleColumns(table), 4);
        QCOMPARE(cutCells(table), QString());

        // A second click brings the same window back rather than making another.
        window->hide();
        QCOMPARE(openWindow(view), window);
        QVERIFY(window->isVisible());
    }

    void followsTheRunAndKeepsItsColumnsReadable()
    {
        TransportComparisonView view;
        showNarrow(view);
        TransportComparisonWindow *window = openWindow(view);
        QVERIFY(window && QTest::qWaitForWindowExposed(window));
        QTableView *table = window->table();
        view.model()->setResult(measured(TransportKind::LongPolling));
        const QModelIndex bytes = table->model()->index(TransportResultModel::HeaderBytesColumn, 1);
        QCOMPARE(bytes.data().toString(), QLocale().toString(123456));
        QCOMPARE(table->model()->index(TransportResultModel::DeliveredColumn, 1).data().toString(),
            QStringLiteral("20 of 20"));
        // The columns grow to their numbers, so "123,456" is never cut to "12…".
        QCOMPARE(cutCells(table), QString());
        QCOMPARE(fullyVisibleColumns(table), 4);
    }

    void speaksTheWindowsLanguage()
    {
        TransportComparisonView view;
        showNarrow(view);
        auto *button = view.findChild<QPushButton *>(QStringLiteral("openWindowButton"));
        QVERIFY(button);
        QCOMPARE(button->text(), QStringLiteral("Open in Window"));
        TransportComparisonWindow *window = openWindow(view);
        QVERIFY(window && QTest::qWaitForWindowExposed(window));
        Translations::forApplication()->apply(QStringLiteral("ko"));
        QTRY_COMPARE(window->windowTitle(), QStringLiteral("전송 방식 비교"));
        QTRY_COMPARE(button->text(), QStringLiteral("창으로 열기"));
        QTableView *table = window->table();
        QTRY_COMPARE(table->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("폴링"));
        QCOMPARE(table->model()->headerData(TransportResultModel::RequestsColumn, Qt::Vertical).toString(),
            QStringLiteral("HTTP 요청"));
        // Korean words are other widths: every transport still shows whole, every number too.
        view.model()->setResult(measured(TransportKind::Streaming));
        QCOMPARE(fullyVisibleColumns(table), 4);
        QCOMPARE(cutCells(table), QString());
        Translations::forApplication()->apply(QStringLiteral("en"));
        QTRY_COMPARE(window->windowTitle(), QStringLiteral("Transports Compared"));
    }

    void remembersWhereTheUserLeftIt()
    {
        const QSize chosen(900, 520);
        {
            TransportComparisonView view;
            showNarrow(view);
            TransportComparisonWindow *window = openWindow(view);
            QVERIFY(window && QTest::qWaitForWindowExposed(window));
            window->resize(chosen);
            QTRY_COMPARE(window->size(), chosen);
            window->close();
        }
        TransportComparisonView again;
        showNarrow(again);
        TransportComparisonWindow *window = openWindow(again);
        QVERIFY(window && QTest::qWaitForWindowExposed(window));
        QCOMPARE(window->size(), chosen);
    }
};

QTEST_MAIN(tst_TransportComparisonWindow)
#include "tst_transportcomparisonwindow.moc"
