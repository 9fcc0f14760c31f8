// ProtobufWireDecoder: a protobuf message without its schema: field numbers and wire types, as a tree.
#include "decode/protobufwiredecoder.h"

#include <QStringDecoder>

#include <cstring>
#include <limits>

namespace wsi {

namespace {

constexpr qsizetype kMaxShownBytes = 4096;

struct Failure
{
    QString id;
    RecordedText text;
};

bool readVarint(QByteArrayView bytes, qsizetype &at, quint64 &out)
{
    out = 0;
    for (int shift = 0; shift < 64 && at < bytes.size(); shift += 7) {
        const quint8 b = quint8(bytes[at++]);
        out |= quint64(b & 0x7f) << shift;
        if (!(b & 0x80))
            return true;
    }
    return false;
}

bool printableUtf8(QByteArrayView data)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(data);
    if (decoder.hasError())
        return false;
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control && c != QLatin1Char('\n') && c != QLatin1Char('\r')
            && c != QLatin1Char('\t'))
            return false;
    }
    return true;
}

QString hex(QByteArrayView data)
{
    return QString::fromLatin1(data.first(std::min(data.size(), kMaxShownBytes)).toByteArray().toHex(' '));
}

struct Parser
{
    int &nodeCount;

    // Parses a whole message into nodes; on failure, nodes holds the fields before it and failure says why.
    bool parse(QByteArrayView bytes, int depth, QList<CodecNode> &nodes, Failure &failure)
    {
        qsizetype at = 0;
        while (at < bytes.size()) {
            if (++nodeCount > ProtobufWireDecoder::kMaxNodes) {
                failure = { QStringLiteral("protobuf-too-many-nodes"),
                    CodecTree::noteText(
                        QT_TRANSLATE_NOOP("wsi::CodecTree", "protobuf: more than %1 fields; the tree stops here"))
                        .arg(ProtobufWireDecoder::kMaxNodes) };
                return false;
            }
            const qsizetype start = at;
            quint64 tag = 0;
            if (!readVarint(bytes, at, tag)) {
                failure = { QStringLiteral("protobuf-truncated-varint"),
                    CodecTree::noteText(QT_TRANSLATE_NOOP("wsi::CodecTree",
                                            "protobuf: a field tag at byte %1 is cut off or longer than 10 bytes"))
                        .arg(start) };
                return false;
            }
            const quint64 field = tag >> 3;
            const int wireType = int(tag & 7);
            if (field == 0 || field > 0x1fffffff) {
                failure = { QStringLiteral("protobuf-bad-field-number"),
                    CodecTree::noteText(QT_TRANSLATE_NOOP("wsi::CodecTree", "protobuf: field number %1 at byte %2"))
                        .arg(QString::number(field))
                        .arg(start) };
                return false;
            }
            CodecNode node;
            node.key = QString::number(field);
            switch (wireType) {
            case 0: {
                quint64 v = 0;
                if (!readVarint(bytes, at, v)) {
                    failure = { QStringLiteral("protobuf-truncated-varint"),
                        CodecTree::noteText(
                            QT_TRANSLATE_NOOP("wsi::CodecTree", "protobuf: the varint of field %1 is cut off"))
                            .arg(QString::number(field)) };
                    return false;
                }
                node.type = QStringLiteral("varint");
                node.value = QString::number(v);
                if (v > quint64(std::numeric_limits<qint64>::max()))
                    node.value += QStringLiteral(" (int64 %1)").arg(qint64(v));
                break;
            }
            case 1:
            case 5: {
                const int size = wireType == 1 ? 8 : 4;
                if (bytes.size() - at < size) {
                    failure = { QStringLiteral("protobuf-truncated-field"),
                        CodecTree::noteText(
                            QT_TRANSLATE_NOOP("wsi::CodecTree", "protobuf: field %1 needs %2 bytes, %3 are left"))
                            .arg(QString::number(field))
                            .arg(QString::number(size))
                            .arg(bytes.size() - at) };
                    return false;
                }
                quint64 v = 0;
                for (int i = size - 1; i >= 0; --i)
                    v = (v << 8) | quint8(bytes[at + i]); // little-endian
                at += size;
                if (size == 8) {
                    double d = 0;
                    std::memcpy(&d, &v, sizeof d);
                    node.type = QStringLiteral("i64");
                    node.value = QStringLiteral("%1 (double %2)").arg(v).arg(d, 0, 'g', 17);
                } else {
                    const quint32 bits = quint32(v);
                    float f = 0;
                    std::memcpy(&f, &bits, sizeof f);
                    node.type = QStringLiteral("i32");
                    node.value = QStringLiteral("%1 (float %2)").arg(bits).arg(double(f), 0, 'g', 9);
                }
                break;
            }
            case 2: {
                quint64 size = 0;
                if (!readVarint(bytes, at, size)) {
                    failure = { QStringLiteral("protobuf-truncated-varint"),
                        CodecTree::noteText(
                            QT_TRANSLATE_NOOP("wsi::CodecTree", "protobuf: the length of field %1 is cut off"))
                            .arg(QString::number(field)) };
                    return false;
                }
                if (size > quint64(bytes.size() - at)) {
                    failure = { QStringLiteral("protobuf-truncated-field"),
                        CodecTree::noteText(
                            QT_TRANSLATE_NOOP("wsi::CodecTree", "protobuf: field %1 declares %2 bytes, %3 are left"))
                            .arg(QString::number(field))
                            .arg(QString::number(size))
                            .arg(bytes.size() - at) };
                    return false;
                }
                const QByteArrayView data = bytes.sliced(at, qsizetype(size));
                at += qsizetype(size);
                guessLen(node, data, depth);
                break;
            }
            default:
                failure = { QStringLiteral("protobuf-bad-wire-type"),
                    CodecTree::noteText(
                        QT_TRANSLATE_NOOP("wsi::CodecTree",
                            "protobuf: wire type %1 of field %2 at byte %3 (groups and types 6, 7 are not "
                            "read)"))
                        .arg(wireType)
                        .arg(QString::number(field))
                        .arg(start) };
                return false;
            }
            nodes.append(node);
        }
        return true;
    }

    void guessLen(CodecNode &node, QByteArrayView data, int depth)
    {
        if (data.isEmpty()) {
            node.type = QStringLiteral("len");
            node.value = QStringLiteral("(empty)");
            return;
        }
        if (printableUtf8(data)) {
            node.type = QStringLiteral("string");
            node.value = QLatin1Char('"') + QString::fromUtf8(data.first(std::min(data.size(), kMaxShownBytes)))
                + QLatin1Char('"');
            return;
        }
        if (depth < ProtobufWireDecoder::kMaxDepth) {
            QList<CodecNode> children;
            Failure failure;
            const int before = nodeCount;
            if (parse(data, depth + 1, children, failure)) {
                node.type = QStringLiteral("message");
                node.value = QStringLiteral("{%1 fields}").arg(children.size());
                node.children = children;
                return;
            }
            // Not a message after all: the nodes it made are not shown, so they do not count.
            nodeCount = before;
        }
        node.type = QStringLiteral("bytes");
        node.value = hex(data);
    }
};

} // namespace

CodecTree ProtobufWireDecoder::decode(QByteArrayView bytes)
{
    CodecTree tree;
    tree.format = QStringLiteral("protobuf");
    if (bytes.isEmpty()) {
        // An empty message is a valid protobuf message with every field at its default.
        return tree;
    }
    Parser parser { tree.nodeCount };
    Failure failure;
    if (!parser.parse(bytes, 0, tree.nodes, failure))
        tree.setNote(failure.id, failure.text);
    return tree;
}

} // namespace wsi
