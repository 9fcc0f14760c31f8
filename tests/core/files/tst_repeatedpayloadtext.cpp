// RepeatedPayloadText: a line that repeats the last large payload gets exactly the member it would have written itself,
// whatever came before (another payload, another field, the other encoding, bytes that are not UTF-8).
#include "files/jsonline.h"
#include "files/repeatedpayloadtext.h"

#include <QTest>

using namespace wsi;

namespace {

enum class Writer { Direct, Repeated };

// {"a":1,<name>:<payload>,"z":2}\n, the payload written directly or through RepeatedPayloadText.
QByteArray lineWith(Writer writer, const char *name, QByteArrayView payload, bool base64)
{
    JsonLine line(64);
    line.integer("a", 1);
    if (writer == Writer::Direct)
        base64 ? line.base64(name, payload) : line.bytes(name, payload);
    else
        base64 ? RepeatedPayloadText::base64(line, name, payload) : RepeatedPayloadText::bytes(line, name, payload);
    line.integer("z", 2);
    return line.finish();
}

// The same, as the first member of its line (no separating comma before it).
QByteArray firstMember(Writer writer, const char *name, QByteArrayView payload)
{
    JsonLine line(64);
    if (writer == Writer::Direct)
        line.bytes(name, payload);
    else
        RepeatedPayloadText::bytes(line, name, payload);
    return line.finish();
}

QByteArray large(char fill, qsizetype size = 64 * 1024)
{
    QByteArray bytes(size, fill);
    bytes[10] = '"'; // something to escape
    bytes[20] = '\n';
    return bytes;
}

} // namespace

class tst_RepeatedPayloadText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void repeatsAreWrittenAsTheFirstOne()
    {
        const QByteArray a = large('a');
        const QByteArray b = large('b');
        QByteArray notUtf8 = large('c');
        notUtf8[30] = char(0xff);
        struct Step
        {
            const char *name;
            QByteArray payload;
            bool base64;
        };
        // Every kind of change from one line to the next, and repeats of each.
        const Step steps[] = { { "text", a, false }, { "text", a, false }, { "text", a, false }, { "text", b, false },
            { "text", b, false }, { "base64", b, true }, { "base64", b, true }, { "text", b, false },
            { "original_payload", b, false }, { "text", notUtf8, false }, { "text", notUtf8, false },
            { "text", a.left(5000), false }, { "text", a.left(5000), false }, { "text", a.left(100), false } };
        for (const Step &step : steps) {
            QCOMPARE(lineWith(Writer::Repeated, step.name, step.payload, step.base64),
                lineWith(Writer::Direct, step.name, step.payload, step.base64));
        }
        QVERIFY(lineWith(Writer::Repeated, "text", notUtf8, false).contains("\"text_base64\":\""));
        QCOMPARE(firstMember(Writer::Repeated, "text", a), firstMember(Writer::Direct, "text", a));
        QCOMPARE(firstMember(Writer::Repeated, "text", a), firstMember(Writer::Direct, "text", a));
    }

    // One byte apart, at the start, the middle or the end: never taken for the last payload.
    void aChangedByteIsSeen()
    {
        const QByteArray base = large('x');
        for (const qsizetype at : { qsizetype(0), base.size() / 2, base.size() - 1 }) {
            QByteArray changed = base;
            changed[at] = 'y';
            QCOMPARE(lineWith(Writer::Repeated, "text", base, false), lineWith(Writer::Direct, "text", base, false));
            QCOMPARE(
                lineWith(Writer::Repeated, "text", changed, false), lineWith(Writer::Direct, "text", changed, false));
        }
    }

    // Payloads past the largest one kept are written directly, and still right.
    void hugePayloadsAreWrittenDirectly()
    {
        const QByteArray huge = large('h', RepeatedPayloadText::kMaxBytes + 1);
        QCOMPARE(lineWith(Writer::Repeated, "text", huge, false), lineWith(Writer::Direct, "text", huge, false));
        QCOMPARE(lineWith(Writer::Repeated, "text", huge, false), lineWith(Writer::Direct, "text", huge, false));
    }
};

QTEST_GUILESS_MAIN(tst_RepeatedPayloadText)
#include "tst_repeatedpayloadtext.moc"
