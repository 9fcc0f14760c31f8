// CborTreeDecoder: a CBOR message (RFC 8949) as a tree, sans-IO, bounded in depth and nodes.
#include "decode/cbortreedecoder.h"

#include <QCborStreamReader>

namespace wsi {

namespace {

constexpr qsizetype kMaxShownBytes = 4096;

struct Walker
{
    QCborStreamReader &reader;
    CodecTree &tree;
    qsizetype base = 0; // where this reader's bytes start in the message, for the byte offsets of notes

    bool failed() const { return tree.isMalformed(); }

    bool checkReader()
    {
        const QCborError error = reader.lastError();
        if (error == QCborError::NoError)
            return true;
        QString id;
        switch (error.c) {
        case QCborError::EndOfFile:
            id = QStringLiteral("cbor-truncated");
            break;
        case QCborError::InvalidUtf8String:
            id = QStringLiteral("cbor-invalid-utf8");
            break;
        case QCborError::DataTooLarge:
            id = QStringLiteral("cbor-too-large");
            break;
        case QCborError::NestingTooDeep:
            id = QStringLiteral("cbor-depth");
            break;
        default:
            id = QStringLiteral("cbor-malformed");
            break;
        }
        tree.setNote(id,
            CodecTree::noteText(QT_TRANSLATE_NOOP("wsi::CodecTree", "CBOR: %1 at byte %2"))
                .arg(error.toString())
                .arg(base + reader.currentOffset()));
        return false;
    }

    bool countNode()
    {
        if (++tree.nodeCount <= CborTreeDecoder::kMaxNodes)
            return true;
        tree.setNote(QStringLiteral("cbor-too-many-nodes"),
            CodecTree::noteText(QT_TRANSLATE_NOOP("wsi::CodecTree", "CBOR: more than %1 values; the tree stops here"))
                .arg(CborTreeDecoder::kMaxNodes));
        return false;
    }

    void readBytes(CodecNode &node)
    {
        QByteArray all;
        auto r = reader.readByteArray();
        while (r.status == QCborStreamReader::Ok) {
            if (all.size() < kMaxShownBytes)
                all.append(r.data.left(kMaxShownBytes - all.size()));
            r = reader.readByteArray();
        }
        if (r.status == QCborStreamReader::Error)
            return;
        node.type = QStringLiteral("bytes");
        node.value = QString::fromLatin1(all.toHex(' '));
    }

    void readText(CodecNode &node)
    {
        QString all;
        auto r = reader.readString();
        while (r.status == QCborStreamReader::Ok) {
            if (all.size() < kMaxShownBytes)
                all.append(r.data.left(kMaxShownBytes - all.size()));
            r = reader.readString();
        }
        if (r.status == QCborStreamReader::Error)
            return;
        node.type = QStringLiteral("text");
        node.value = QLatin1Char('"') + all + QLatin1Char('"');
    }

    // Reads one item into node; false when the tree must stop (a note says why).
    bool read(CodecNode &node, int depth)
    {
        if (!countNode())
            return false;
        if (depth > CborTreeDecoder::kMaxDepth) {
            tree.setNote(QStringLiteral("cbor-depth"),
                CodecTree::noteText(QT_TRANSLATE_NOOP("wsi::CodecTree", "CBOR: nested deeper than %1 levels"))
                    .arg(CborTreeDecoder::kMaxDepth));
            return false;
        }
        switch (reader.type()) {
        case QCborStreamReader::UnsignedInteger:
            node.type = QStringLiteral("unsigned");
            node.value = QString::number(reader.toUnsignedInteger());
            reader.next();
            break;
        case QCborStreamReader::NegativeInteger: {
            // The wire holds n for the value -1 - n; n = 2^64 - 1 reads back as 0 here.
            const quint64 magnitude = quint64(reader.toNegativeInteger());
            node.type = QStringLiteral("negative");
            node.value = magnitude == 0 ? QStringLiteral("-18446744073709551616")
                                        : QLatin1Char('-') + QString::number(magnitude);
            reader.next();
            break;
        }
        case QCborStreamReader::ByteArray:
            readBytes(node);
            break;
        case QCborStreamReader::String:
            readText(node);
            break;
        case QCborStreamReader::Array:
        case QCborStreamReader::Map:
            return readContainer(node, depth);
        case QCborStreamReader::Tag: {
            const quint64 tag = quint64(reader.toTag());
            node.type = QStringLiteral("tag");
            node.value = QString::number(tag);
            reader.next();
            if (!checkReader())
                return false;
            CodecNode child;
            child.key = QStringLiteral("tagged");
            const bool ok = read(child, depth + 1);
            node.children.append(child);
            return ok;
        }
        case QCborStreamReader::SimpleType: {
            const QCborSimpleType simple = reader.toSimpleType();
            node.type = QStringLiteral("simple");
            if (simple == QCborSimpleType::False || simple == QCborSimpleType::True)
                node.type = QStringLiteral("boolean");
            node.value = simple == QCborSimpleType::False ? QStringLiteral("false")
                : simple == QCborSimpleType::True         ? QStringLiteral("true")
                : simple == QCborSimpleType::Null         ? QStringLiteral("null")
                : simple == QCborSimpleType::Undefined    ? QStringLiteral("undefined")
                                                          : QStringLiteral("simple(%1)").arg(int(simple));
            reader.next();
            break;
        }
        case QCborStreamReader::Float16:
            node.type = QStringLiteral("float16");
            node.value = QString::number(double(float(reader.toFloat16())), 'g', 8);
            reader.next();
            break;
        case QCborStreamReader::Float:
            node.type = QStringLiteral("float32");
            node.value = QString::number(double(reader.toFloat()), 'g', 9);
            reader.next();
            break;
        case QCborStreamReader::Double:
            node.type = QStringLiteral("float64");
            node.value = QString::number(reader.toDouble(), 'g', 17);
            reader.next();
            break;
        case QCborStreamReader::Invalid:
            if (checkReader())
                tree.setNote(QStringLiteral("cbor-malformed"),
                    CodecTree::noteText(QT_TRANSLATE_NOOP("wsi::CodecTree", "CBOR: an invalid item")));
            return false;
        }
        return checkReader();
    }

    bool readContainer(CodecNode &node, int depth)
    {
        const bool isMap = reader.isMap();
        node.type = isMap ? QStringLiteral("map") : QStringLiteral("array");
        if (!reader.enterContainer())
            return checkReader() && false;
        int count = 0;
        while (reader.lastError() == QCborError::NoError && reader.hasNext()) {
            CodecNode child;
            if (isMap) {
                // Keys of any type: a simple key names the entry, a container key is shown as a child.
                CodecNode key;
                if (!read(key, depth + 1)) {
                    node.children.append(key);
                    break;
                }
                if (key.children.isEmpty()) {
                    // A string key reads as a name, without the quotes its value has.
                    child.key = key.type == QLatin1String("text") ? key.value.mid(1, key.value.size() - 2) : key.value;
                } else {
                    child.key = QStringLiteral("(%1 key)").arg(key.type);
                    key.key = QStringLiteral("key");
                    child.children.append(key);
                }
                if (!reader.hasNext()) {
                    tree.setNote(QStringLiteral("cbor-malformed"),
                        CodecTree::noteText(QT_TRANSLATE_NOOP("wsi::CodecTree", "CBOR: a map key without its value")));
                    node.children.append(child);
                    break;
                }
            } else {
                child.key = QString::number(count);
            }
            const bool ok = read(child, depth + 1);
            node.children.append(child);
            ++count;
            if (!ok)
                break;
        }
        node.value = isMap ? QStringLiteral("{%1 entries}").arg(count) : QStringLiteral("[%1 items]").arg(count);
        if (failed())
            return false;
        if (!checkReader())
            return false;
        reader.leaveContainer();
        return checkReader();
    }
};

} // namespace

CodecTree CborTreeDecoder::decode(QByteArrayView bytes)
{
    CodecTree tree;
    tree.format = QStringLiteral("cbor");
    if (bytes.isEmpty()) {
        tree.setNote(QStringLiteral("cbor-empty"),
            CodecTree::noteText(QT_TRANSLATE_NOOP("wsi::CodecTree", "CBOR: the message is empty")));
        return tree;
    }
    // QCborStreamReader reads one top-level item; a CBOR sequence (RFC 8742) gets one reader per item.
    qsizetype at = 0;
    int index = 0;
    while (at < bytes.size() && !tree.isMalformed()) {
        QCborStreamReader reader(bytes.data() + at, bytes.size() - at);
        Walker walker { reader, tree, at };
        CodecNode node;
        node.key = QString::number(index++);
        const bool ok = walker.read(node, 0) && walker.checkReader();
        tree.nodes.append(node);
        if (!ok)
            break;
        if (reader.currentOffset() <= 0) {
            // Nothing consumed: a stray break byte (0xff) or the like; never loop on it.
            tree.setNote(QStringLiteral("cbor-malformed"),
                CodecTree::noteText(QT_TRANSLATE_NOOP("wsi::CodecTree", "CBOR: unexpected byte 0x%1 at byte %2"))
                    .arg(QStringLiteral("%1").arg(quint8(bytes[at]), 2, 16, QLatin1Char('0')))
                    .arg(at));
            break;
        }
        at += reader.currentOffset();
    }
    return tree;
}

} // namespace wsi
