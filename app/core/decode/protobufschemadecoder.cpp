// ProtobufSchemaDecoder: a protobuf message read with its .proto schema: field names, types, enums, maps.
#include "decode/protobufschemadecoder.h"

#include "decode/protobufmessagetree.h"
#include "decode/protobufschema.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/message.h>
#include <google/protobuf/stubs/logging.h>

#include <climits>
#include <cstdint>
#include <vector>

namespace wsi {

namespace {

namespace gp = google::protobuf;

bool skipField(gp::io::CodedInputStream &in, quint32 tag, int depth)
{
    switch (tag & 7) {
    case 0: {
        std::uint64_t ignored = 0;
        return in.ReadVarint64(&ignored);
    }
    case 1:
        return in.Skip(8);
    case 2: {
        std::uint32_t size = 0;
        return in.ReadVarint32(&size) && size <= std::uint32_t(INT_MAX) && in.Skip(int(size));
    }
    case 3:
        if (depth >= ProtobufSchemaDecoder::kMaxDepth)
            return false;
        for (;;) {
            const quint32 inner = in.ReadTag();
            if (inner == 0)
                return false;
            if ((inner & 7) == 4)
                return (inner >> 3) == (tag >> 3);
            if (!skipField(in, inner, depth + 1))
                return false;
        }
    case 5:
        return in.Skip(4);
    default:
        return false;
    }
}

// Where each whole top-level field ends, as far as the wire's framing goes (types are not checked here).
std::vector<int> fieldEnds(const quint8 *data, int size)
{
    gp::io::CodedInputStream in(data, size);
    std::vector<int> ends;
    for (quint32 tag = in.ReadTag(); tag != 0 && skipField(in, tag, 0); tag = in.ReadTag())
        ends.push_back(in.CurrentPosition());
    return ends;
}

std::unique_ptr<gp::Message> parse(
    const ProtobufSchema &schema, const gp::Descriptor *type, const quint8 *data, int size)
{
    std::unique_ptr<gp::Message> message = schema.newMessage(type);
    gp::io::CodedInputStream input(data, size);
    input.SetRecursionLimit(ProtobufSchemaDecoder::kMaxDepth);
    // libprotobuf logs a string that is not UTF-8 to stderr: the note says it, where the user looks.
    const gp::LogSilencer quiet;
    if (!message->MergePartialFromCodedStream(&input) || !input.ConsumedEntireMessage())
        return nullptr;
    return message;
}

} // namespace

CodecTree ProtobufSchemaDecoder::decode(const ProtobufSchema &schema, const QString &messageType, QByteArrayView bytes)
{
    CodecTree tree;
    tree.format = QStringLiteral("protobuf-schema");
    if (!schema.isLoaded()) {
        tree.setNote(QStringLiteral("protobuf-schema-not-loaded"),
            schema.error().isEmpty()
                ? CodecTree::noteText(QT_TRANSLATE_NOOP("wsi::CodecTree", "protobuf schema: no .proto file is chosen"))
                : RecordedText::plain(schema.error()));
        return tree;
    }
    const gp::Descriptor *type = schema.messageType(messageType);
    if (!type) {
        tree.setNote(QStringLiteral("protobuf-schema-unknown-type"),
            CodecTree::noteText(QT_TRANSLATE_NOOP("wsi::CodecTree", "protobuf schema: %1 declares no message %2"))
                .arg(schema.path())
                .arg(messageType));
        return tree;
    }
    if (bytes.size() > INT_MAX) {
        tree.setNote(QStringLiteral("protobuf-schema-too-large"),
            CodecTree::noteText(
                QT_TRANSLATE_NOOP("wsi::CodecTree", "protobuf schema: %1 bytes are more than libprotobuf reads"))
                .arg(bytes.size()));
        return tree;
    }
    const auto *data = reinterpret_cast<const quint8 *>(bytes.data());
    const int size = int(bytes.size());
    const QString name = QString::fromStdString(type->full_name());
    std::unique_ptr<gp::Message> message = parse(schema, type, data, size);
    if (!message) {
        // What libprotobuf leaves in a message it gave up on is unspecified (a cut varint leaves a wrong
        // number): show instead the longest run of whole top-level fields that parses. Top-level fields are
        // independent, so a prefix parses iff each of its fields does, and a binary search finds it.
        const std::vector<int> ends = fieldEnds(data, size);
        std::size_t good = 0; // fields in the longest prefix known to parse
        std::size_t bad = ends.size() + 1; // fields in the shortest prefix known not to (all of them)
        message = schema.newMessage(type);
        while (bad - good > 1) {
            const std::size_t mid = good + (bad - good) / 2;
            if (auto prefix = parse(schema, type, data, ends[mid - 1])) {
                good = mid;
                message = std::move(prefix);
            } else {
                bad = mid;
            }
        }
        const int readTo = good == 0 ? 0 : ends[good - 1];
        tree.setNote(QStringLiteral("protobuf-schema-mismatch"),
            CodecTree::noteText(
                QT_TRANSLATE_NOOP("wsi::CodecTree",
                    "protobuf schema: the bytes are not a %1 from byte %2 on (a field cut off or malformed, a "
                    "string not UTF-8, or nesting deeper than %3); the fields before it are shown"))
                .arg(name)
                .arg(readTo)
                .arg(kMaxDepth));
    } else if (!message->IsInitialized()) {
        tree.setNote(QStringLiteral("protobuf-schema-missing-required"),
            CodecTree::noteText(
                QT_TRANSLATE_NOOP("wsi::CodecTree", "protobuf schema: the %1 lacks required fields: %2"))
                .arg(name)
                .arg(QString::fromStdString(message->InitializationErrorString())));
    }
    ProtobufMessageTree::write(*message, tree, kMaxNodes);
    return tree;
}

} // namespace wsi
