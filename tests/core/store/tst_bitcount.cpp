// bitCount (store/bitcount.h) counts like a bit-by-bit loop, edge patterns and a seeded sample alike.
#include "store/bitcount.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace wsi;

namespace {

int countOneByOne(quint64 v)
{
    int n = 0;
    for (int bit = 0; bit < 64; ++bit)
        n += int((v >> bit) & 1);
    return n;
}

} // namespace

class tst_BitCount : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void edgePatterns()
    {
        QCOMPARE(bitCount(0), 0);
        QCOMPARE(bitCount(~quint64(0)), 64);
        QCOMPARE(bitCount(quint64(1) << 63), 1);
        QCOMPARE(bitCount(0x5555555555555555ULL), 32);
        QCOMPARE(bitCount(0xAAAAAAAAAAAAAAAAULL), 32);
        QCOMPARE(bitCount(0x00FF00FF00FF00FFULL), 32);
        for (int bit = 0; bit < 64; ++bit) {
            QCOMPARE(bitCount(quint64(1) << bit), 1);
            QCOMPARE(bitCount((quint64(2) << bit) - 1), bit + 1); // the masks RowMap::at builds
        }
    }

    void aSeededSampleCountsLikeALoop()
    {
        QRandomGenerator random(12);
        for (int i = 0; i < 100000; ++i) {
            const quint64 v = random.generate64();
            QCOMPARE(bitCount(v), countOneByOne(v));
        }
    }
};

QTEST_GUILESS_MAIN(tst_BitCount)
#include "tst_bitcount.moc"
