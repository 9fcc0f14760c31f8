// tst_jsonline: JsonLine writes strings byte for byte as QJsonDocument::toJson(Compact) does, wherever the escapes are.
#include "files/jsonline.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace wsi;

namespace {

// The same one-member object through Qt's writer: the oracle the session format was first written with.
QByteArray qtLine(const QByteArray &utf8)
{
    const QJsonObject object { { QStringLiteral("text"), QString::fromUtf8(utf8) } };
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray ourLine(const QByteArray &utf8)
{
    JsonLine line(16);
    line.utf8("text", utf8);
    return line.finish();
}

} // namespace

class TestJsonLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapesLikeQtAtEveryPositionOfAWord_data()
    {
        QTest::addColumn<QByteArray>("text");
        // Each character that is escaped, and its neighbours that are not, at every offset of the first three
        // eight-byte words (the writer skips whole words that need no escape), in a 24-byte text.
        const QList<QByteArray> specials { "\"", "\\", "\n", "\t", "\b", "\f", "\r", QByteArray(1, '\0'), "\x01",
            "\x1f", " ", "!", "#", "[", "]", "\x7f", "\xc3\xa9", "\xe2\x82\xac" };
        for (const QByteArray &special : specials) {
            for (int at = 0; at + special.size() <= 24; ++at) {
                QByteArray text(24 - special.size(), 'a');
                text.insert(at, special);
                QTest::newRow(qPrintable(
                    QStringLiteral("0x%1 at %2").arg(QString::fromLatin1(special.toHex()), QString::number(at))))
                    << text;
            }
        }
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("shorter than a word") << QByteArray("a\"b");
        QTest::newRow("only escapes") << QByteArray("\"\\\n\"\\\n\"\\\n\"\\\n");
        QByteArray large;
        for (int i = 0; i < 65535; ++i)
            large.append(i % 997 == 0 ? '"' : i % 1009 == 0 ? '\n' : char('a' + i % 26));
        QTest::newRow("64 KiB with escapes far apart") << large;
    }

    void escapesLikeQtAtEveryPositionOfAWord()
    {
        QFETCH(QByteArray, text);
        QCOMPARE(ourLine(text), qtLine(text));
    }

    void wordTestFindsEachByteThatNeedsAnEscape()
    {
        // Every byte value at every offset of a word of plain letters.
        for (int value = 0; value < 256; ++value) {
            const bool escaped = value < 0x20 || value == '"' || value == '\\';
            for (int at = 0; at < 8; ++at) {
                char word[8] = { 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h' };
                word[at] = char(value);
                QVERIFY2(JsonLine::needsEscape(word) == escaped,
                    qPrintable(QStringLiteral("0x%1 at %2").arg(value, 2, 16, QLatin1Char('0')).arg(at)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestJsonLine)
#include "tst_jsonline.moc"
