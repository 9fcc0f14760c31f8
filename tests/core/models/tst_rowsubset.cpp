// RowSubset: the shown rows as a bit per source row: at(), indexOf() and countBelow() agree with a plain sorted
// vector on random subsets, and it holds a quarter byte per source row, not four bytes per shown row.
#include "models/rowsubset.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <vector>

using namespace wsi;

class tst_RowSubset : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void agreesWithASortedVector_data()
    {
        QTest::addColumn<int>("percentShown");
        QTest::newRow("every row") << 100;
        QTest::newRow("half the rows") << 50;
        QTest::newRow("one row in a hundred (long gaps)") << 1;
    }
    void agreesWithASortedVector()
    {
        QFETCH(int, percentShown);
        QRandomGenerator random(quint32(percentShown) * 7919u);
        const qsizetype sourceRows = 200000;
        std::vector<qsizetype> expected;
        RowSubset subset;
        for (qsizetype row = 0; row < sourceRows; ++row) {
            if (int(random.bounded(100)) < percentShown) {
                expected.push_back(row);
                subset.append(row);
            }
        }
        QCOMPARE(subset.size(), qsizetype(expected.size()));
        for (size_t k = 0; k < expected.size(); k += 1 + k % 7)
            QCOMPARE(subset.at(qsizetype(k)), expected[k]);
        QCOMPARE(subset.at(subset.size() - 1), expected.back());
        QCOMPARE(subset.at(subset.size()), -1);
        QCOMPARE(subset.at(-1), -1);
        for (qsizetype row = 0; row < sourceRows + 100; row += 1 + row % 5) {
            const auto it = std::lower_bound(expected.begin(), expected.end(), row);
            const qsizetype below = qsizetype(it - expected.begin());
            QCOMPARE(subset.countBelow(row), below);
            QCOMPARE(subset.indexOf(row), it != expected.end() && *it == row ? below : -1);
        }
    }

    // The structure the log's two models hold per row: it must stay about a quarter byte per source row (a
    // vector of rows was 4 bytes per shown row, plus its doubling).
    void holdsAQuarterBytePerSourceRow()
    {
        RowSubset subset;
        const qsizetype sourceRows = 4000000;
        for (qsizetype row = 0; row < sourceRows; row += 2)
            subset.append(row);
        QCOMPARE(subset.size(), sourceRows / 2);
        QVERIFY2(subset.bytesReserved() <= sourceRows / 2, qPrintable(QString::number(subset.bytesReserved())));
        subset.clear();
        QCOMPARE(subset.size(), 0);
        QCOMPARE(subset.bytesReserved(), 0);
    }

    // Growing never copies what is there: the memory held grows by at most one block per append (a vector doubled
    // and copied itself in one append, 12.5 ms at 16 M source rows inside one turn of the window, issue 12), and
    // every row still reads back.
    void growsWithoutCopyingWhatIsThere()
    {
        RowSubset subset;
        qsizetype largestStep = 0;
        qsizetype before = subset.bytesReserved();
        const qsizetype sourceRows = 2000000;
        for (qsizetype row = 1; row < sourceRows; row += 2) {
            subset.append(row);
            const qsizetype now = subset.bytesReserved();
            largestStep = qMax(largestStep, now - before);
            before = now;
        }
        QVERIFY2(largestStep <= 1024, qPrintable(QString::number(largestStep)));
        QCOMPARE(subset.at(0), 1);
        QCOMPARE(subset.at(subset.size() - 1), sourceRows - 1);
        QCOMPARE(subset.indexOf(sourceRows / 2 + 1), sourceRows / 4);
    }
};

QTEST_GUILESS_MAIN(tst_RowSubset)
#include "tst_rowsubset.moc"
