// The transport comparison view runs a tiny comparison without blocking and shows the four transports.
#include "language/translations.h"
#include "learn/transportchart.h"
#include "learn/transportcomparisonview.h"
#include "learn/transportresultmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QtTest>

using namespace wsi;

class tst_TransportComparisonView : public QObject
{
    Q_OBJECT

private:
    static void makeTiny(TransportComparisonView &view)
    {
        view.findChild<QSpinBox *>(QStringLiteral("messagesSpin"))->setValue(4);
        view.findChild<QSpinBox *>(QStringLiteral("clientMessagesSpin"))->setValue(2);
        view.findChild<QSpinBox *>(QStringLiteral("durationSpin"))->setValue(300);
        view.findChild<QSpinBox *>(QStringLiteral("pollIntervalSpin"))->setValue(100);
    }

private Q_SLOTS:
    void init() { Translations::forApplication()->apply(QStringLiteral("en")); }

    void runsATinyComparisonAndShowsFourRows()
    {
        TransportComparisonView view;
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        makeTiny(view);
        auto *table = view.findChild<QTableView *>(QStringLiteral("resultTable"));
        auto *run = view.findChild<QPushButton *>(QStringLiteral("runButton"));
        auto *progress = view.findChild<QProgressBar *>(QStringLiteral("progressBar"));
        QVERIFY(table && run && progress && view.findChild<TransportChart *>());
        QCOMPARE(table->model()->rowCount(), 4);
        QVERIFY(view.findChild<QPlainTextEdit *>(QStringLiteral("headersEdit"))
                    ->toPlainText()
                    .contains(QLatin1String("User-Agent: Mozilla/5.0")));
        // Not measured yet: dashes.
        QCOMPARE(
            table->model()->index(0, TransportResultModel::RequestsColumn).data().toString(), QStringLiteral("\u2014"));

        QSignalSpy finished(&view, &TransportComparisonView::finished);
        QTest::mouseClick(run, Qt::LeftButton);
        // Asynchronous: the click returned while the comparison runs, and the button now cancels.
        QVERIFY(view.isRunning());
        QCOMPARE(run->text(), QStringLiteral("Cancel"));
        QVERIFY(!view.findChild<QSpinBox *>(QStringLiteral("messagesSpin"))->isEnabled());
        QVERIFY(finished.wait(60000));
        QCOMPARE(run->text(), QStringLiteral("Measure"));
        QCOMPARE(progress->value(), 100);

        const QStringList names = { QStringLiteral("Polling"), QStringLiteral("Long polling"),
            QStringLiteral("Streaming"), QStringLiteral("WebSocket") };
        for (int row = 0; row < 4; ++row) {
            QCOMPARE(
                table->model()->index(row, TransportResultModel::TransportColumn).data().toString(), names.at(row));
            QCOMPARE(table->model()->index(row, TransportResultModel::DeliveredColumn).data().toString(),
                QStringLiteral("4 of 4"));
            QVERIFY(table->model()->index(row, TransportResultModel::RequestsColumn).data().toString().toInt() >= 1);
            QVERIFY(!table->model()->index(row, TransportResultModel::ExplanationColumn).data().toString().isEmpty());
        }
        // The WebSocket row: one upgrade request on one connection.
        QCOMPARE(table->model()->index(3, TransportResultModel::RequestsColumn).data().toString(), QStringLiteral("1"));
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("statusLabel"))->text(),
            QStringLiteral("Done: every transport delivered every message."));
    }

    void cancelStopsTheRun()
    {
        TransportComparisonView view;
        makeTiny(view);
        view.findChild<QSpinBox *>(QStringLiteral("durationSpin"))->setValue(10000);
        QSignalSpy finished(&view, &TransportComparisonView::finished);
        view.run();
        QVERIFY(view.isRunning());
        view.cancel();
        QCOMPARE(finished.count(), 1);
        QVERIFY(!view.isRunning());
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("statusLabel"))->text(), QStringLiteral("Cancelled."));
    }

    void retranslatesLiveToKorean()
    {
        TransportComparisonView view;
        auto *table = view.findChild<QTableView *>(QStringLiteral("resultTable"));
        auto *run = view.findChild<QPushButton *>(QStringLiteral("runButton"));
        QCOMPARE(run->text(), QStringLiteral("Measure"));
        Translations::forApplication()->apply(QStringLiteral("ko"));
        // QApplication posts the LanguageChange to every window.
        QTRY_COMPARE(run->text(), QStringLiteral("측정"));
        QCOMPARE(table->model()->index(1, TransportResultModel::TransportColumn).data().toString(),
            QStringLiteral("롱 폴링"));
        QCOMPARE(table->model()->headerData(TransportResultModel::RequestsColumn, Qt::Horizontal).toString(),
            QStringLiteral("HTTP 요청"));
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("messagesLabel"))->text(), QStringLiteral("서버 메시지:"));
        Translations::forApplication()->apply(QStringLiteral("en"));
        QTRY_COMPARE(run->text(), QStringLiteral("Measure"));
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("messagesLabel"))->text(), QStringLiteral("Server messages:"));
    }
};

QTEST_MAIN(tst_TransportComparisonView)
#include "tst_transportcomparisonview.moc"
