// MessagePackDecoder: a MessagePack message as a tree, sans-IO, bounded in depth and nodes.
#include "decode/messagepackdecoder.h"

#include <QDateTime>

#include <cstring>

namespace wsi {

namespace {

constexpr qsizetype kMaxShownBytes = 4096;

struct Reader
{
    QByteArrayView bytes;
    qsizetype at = 0;
    CodecTree &tree;

    qsizetype left() const { return bytes.size() - at; }

    bool truncated(const char *what)
    {
        tree.setNote(QStringLiteral("msgpack-truncated"),
            CodecTree::noteText(
                QT_TRANSLATE_NOOP("wsi::CodecTree", "MessagePack: %1 at byte %2 runs past the end of the message"))
                .arg(CodecTree::noteText(what))
                .arg(at));
        return false;
    }

    // Big-endian unsigned of n bytes (1, 2, 4 or 8).
    bool take(int n, quint64 &out, const char *what)
    {
        if (left() < n)
            return truncated(what);
        out = 0;
        for (int i = 0; i < n; ++i)
            out = (out << 8) | quint8(bytes[at + i]);
        at += n;
        return true;
    }

    bool takeSigned(int n, qint64 &out)
    {
        quint64 u = 0;
        if (!take(n, u, QT_TRANSLATE_NOOP("wsi::CodecTree", "an integer")))
            return false;
        const int shift = 64 - 8 * n;
        out = shift ? qint64(u << shift) >> shift : qint64(u);
        return true;
    }

    bool takeSpan(quint64 size, QByteArrayView &out, const char *what)
    {
        if (quint64(left()) < size)
            return truncated(what);
        out = bytes.sliced(at, qsizetype(size));
        at += qsizetype(size);
        return true;
    }

    static QString hex(QByteArrayView data)
    {
        return QString::fromLatin1(data.first(std::min(data.size(), kMaxShownBytes)).toByteArray().toHex(' '));
    }

    bool readExt(CodecNode &node, qint8 extType, QByteArrayView data)
    {
        node.type = QStringLiteral("ext %1").arg(extType);
        node.value = hex(data);
        if (extType != -1)
            return true;
        // The timestamp extension: 32-bit seconds, or 30-bit nanoseconds + 34-bit seconds, or 32 + 64.
        qint64 seconds = 0;
        quint32 nanos = 0;
        auto be = [&](qsizetype from, int n) {
            quint64 v = 0;
            for (int i = 0; i < n; ++i)
                v = (v << 8) | quint8(data[from + i]);
            return v;
        };
        if (data.size() == 4) {
            seconds = qint64(be(0, 4));
        } else if (data.size() == 8) {
            const quint64 v = be(0, 8);
            nanos = quint32(v >> 34);
            seconds = qint64(v & 0x3ffffffffULL);
        } else if (data.size() == 12) {
            nanos = quint32(be(0, 4));
            seconds = qint64(be(4, 8));
        } else {
            tree.setNote(QStringLiteral("msgpack-bad-timestamp"),
                CodecTree::noteText(
                    QT_TRANSLATE_NOOP("wsi::CodecTree", "MessagePack: a timestamp of %1 bytes (4, 8 or 12 expected)"))
                    .arg(data.size()));
            return false;
        }
        node.type = QStringLiteral("timestamp");
        // Seconds far outside what QDateTime shows are printed as the number they are.
        const bool shown = seconds > -62135596800LL && seconds < 253402300800LL;
        node.value = shown ? QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate)
                + QStringLiteral(" + %1 ns").arg(nanos)
                           : QStringLiteral("%1 s + %2 ns").arg(seconds).arg(nanos);
        return true;
    }

    bool readContainer(CodecNode &node, quint64 count, bool isMap, int depth)
    {
        node.type = isMap ? QStringLiteral("map") : QStringLiteral("array");
        node.value = isMap ? QStringLiteral("{%1 entries}").arg(count) : QStringLiteral("[%1 items]").arg(count);
        // Every value takes at least one byte: a count beyond the bytes left is a lie, caught before any work.
        if (count > quint64(left()) / (isMap ? 2 : 1))
            return truncated(
                isMap ? QT_TRANSLATE_NOOP("wsi::CodecTree", "a map") : QT_TRANSLATE_NOOP("wsi::CodecTree", "an array"));
        for (quint64 i = 0; i < count; ++i) {
            CodecNode child;
            if (isMap) {
                CodecNode key;
                const bool ok = read(key, depth + 1);
                if (key.children.isEmpty()) {
                    // A string key reads as a name, without the quotes its value has.
                    child.key = key.type == QLatin1String("str") ? key.value.mid(1, key.value.size() - 2) : key.value;
                } else {
                    child.key = QStringLiteral("(%1 key)").arg(key.type);
                    key.key = QStringLiteral("key");
                    child.children.append(key);
                }
                if (!ok) {
                    node.children.append(child);
                    return false;
                }
            } else {
                child.key = QString::number(i);
            }
            const bool ok = read(child, depth + 1);
            node.children.append(child);
            if (!ok)
                return false;
        }
        return true;
    }

    bool read(CodecNode &node, int depth)
    {
        if (++tree.nodeCount > MessagePackDecoder::kMaxNodes) {
            tree.setNote(QStringLiteral("msgpack-too-many-nodes"),
                CodecTree::noteText(
                    QT_TRANSLATE_NOOP("wsi::CodecTree", "MessagePack: more than %1 values; the tree stops here"))
                    .arg(MessagePackDecoder::kMaxNodes));
            return false;
        }
        if (depth > MessagePackDecoder::kMaxDepth) {
            tree.setNote(QStringLiteral("msgpack-depth"),
                CodecTree::noteText(QT_TRANSLATE_NOOP("wsi::CodecTree", "MessagePack: nested deeper than %1 levels"))
                    .arg(MessagePackDecoder::kMaxDepth));
            return false;
        }
        if (left() < 1)
            return truncated(QT_TRANSLATE_NOOP("wsi::CodecTree", "a value"));
        const quint8 b = quint8(bytes[at++]);
        quint64 u = 0;
        qint64 s = 0;
        QByteArrayView span;
        auto integer = [&](bool ok, const QString &value, const char *type) {
            node.type = QLatin1String(type);
            node.value = value;
            return ok;
        };
        auto str = [&](quint64 size) {
            if (!takeSpan(size, span, QT_TRANSLATE_NOOP("wsi::CodecTree", "a string")))
                return false;
            node.type = QStringLiteral("str");
            node.value = QLatin1Char('"') + QString::fromUtf8(span.first(std::min(span.size(), kMaxShownBytes)))
                + QLatin1Char('"');
            return true;
        };
        auto bin = [&](quint64 size) {
            if (!takeSpan(size, span, QT_TRANSLATE_NOOP("wsi::CodecTree", "a bin")))
                return false;
            node.type = QStringLiteral("bin");
            node.value = hex(span);
            return true;
        };
        auto ext = [&](quint64 size) {
            quint64 type = 0;
            if (!take(1, type, QT_TRANSLATE_NOOP("wsi::CodecTree", "an ext type"))
                || !takeSpan(size, span, QT_TRANSLATE_NOOP("wsi::CodecTree", "an ext")))
                return false;
            return readExt(node, qint8(quint8(type)), span);
        };
        if (b <= 0x7f)
            return integer(true, QString::number(b), "int");
        if (b >= 0xe0)
            return integer(true, QString::number(qint8(b)), "int");
        if (b <= 0x8f)
            return readContainer(node, b & 0x0f, true, depth);
        if (b <= 0x9f)
            return readContainer(node, b & 0x0f, false, depth);
        if (b <= 0xbf)
            return str(b & 0x1f);
        switch (b) {
        case 0xc0:
            node.type = QStringLiteral("nil");
            node.value = QStringLiteral("nil");
            return true;
        case 0xc2:
        case 0xc3:
            node.type = QStringLiteral("bool");
            node.value = b == 0xc3 ? QStringLiteral("true") : QStringLiteral("false");
            return true;
        case 0xc4:
        case 0xc5:
        case 0xc6:
            return take(1 << (b - 0xc4), u, QT_TRANSLATE_NOOP("wsi::CodecTree", "a bin length")) && bin(u);
        case 0xc7:
        case 0xc8:
        case 0xc9:
            return take(1 << (b - 0xc7), u, QT_TRANSLATE_NOOP("wsi::CodecTree", "an ext length")) && ext(u);
        case 0xca: {
            if (!take(4, u, QT_TRANSLATE_NOOP("wsi::CodecTree", "a float 32")))
                return false;
            const quint32 bits = quint32(u);
            float f = 0;
            std::memcpy(&f, &bits, sizeof f);
            return integer(true, QString::number(double(f), 'g', 9), "float32");
        }
        case 0xcb: {
            if (!take(8, u, QT_TRANSLATE_NOOP("wsi::CodecTree", "a float 64")))
                return false;
            double d = 0;
            std::memcpy(&d, &u, sizeof d);
            return integer(true, QString::number(d, 'g', 17), "float64");
        }
        case 0xcc:
        case 0xcd:
        case 0xce:
        case 0xcf: {
            const bool ok = take(1 << (b - 0xcc), u, QT_TRANSLATE_NOOP("wsi::CodecTree", "an unsigned integer"));
            return integer(ok, QString::number(u), "uint");
        }
        case 0xd0:
        case 0xd1:
        case 0xd2:
        case 0xd3: {
            const bool ok = takeSigned(1 << (b - 0xd0), s);
            return integer(ok, QString::number(s), "int");
        }
        case 0xd4:
        case 0xd5:
        case 0xd6:
        case 0xd7:
        case 0xd8:
            return ext(quint64(1) << (b - 0xd4));
        case 0xd9:
        case 0xda:
        case 0xdb:
            return take(1 << (b - 0xd9), u, QT_TRANSLATE_NOOP("wsi::CodecTree", "a string length")) && str(u);
        case 0xdc:
        case 0xdd:
            return take(b == 0xdc ? 2 : 4, u, QT_TRANSLATE_NOOP("wsi::CodecTree", "an array length"))
                && readContainer(node, u, false, depth);
        case 0xde:
        case 0xdf:
            return take(b == 0xde ? 2 : 4, u, QT_TRANSLATE_NOOP("wsi::CodecTree", "a map length"))
                && readContainer(node, u, true, depth);
        default: // 0xc1: never used
            tree.setNote(QStringLiteral("msgpack-reserved-byte"),
                CodecTree::noteText(
                    QT_TRANSLATE_NOOP("wsi::CodecTree", "MessagePack: the reserved byte 0xc1 at byte %1"))
                    .arg(at - 1));
            return false;
        }
    }
};

} // namespace

CodecTree MessagePackDecoder::decode(QByteArrayView bytes)
{
    CodecTree tree;
    tree.format = QStringLiteral("msgpack");
    if (bytes.isEmpty()) {
        tree.setNote(QStringLiteral("msgpack-empty"),
            CodecTree::noteText(QT_TRANSLATE_NOOP("wsi::CodecTree", "MessagePack: the message is empty")));
        return tree;
    }
    Reader reader { bytes, 0, tree };
    int index = 0;
    while (reader.left() > 0) {
        CodecNode node;
        node.key = QString::number(index++);
        const bool ok = reader.read(node, 0);
        tree.nodes.append(node);
        if (!ok)
            break;
    }
    return tree;
}

} // namespace wsi
