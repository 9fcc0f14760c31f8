// BinaryCodec: picks the binary codec for a message (CBOR, MessagePack, protobuf) and runs it.
#include "decode/binarycodec.h"

#include "decode/cbortreedecoder.h"
#include "decode/messagepackdecoder.h"
#include "decode/protobufschema.h"
#include "decode/protobufschemadecoder.h"
#include "decode/protobufwiredecoder.h"

namespace wsi {

namespace {

bool isContainer(const CodecTree &tree)
{
    if (tree.nodes.size() != 1)
        return false;
    const QString &type = tree.nodes.first().type;
    return type == QLatin1String("map") || type == QLatin1String("array") || type == QLatin1String("tag");
}

bool fits(const CodecTree &tree)
{
    return !tree.isMalformed() && !tree.nodes.isEmpty();
}

} // namespace

CodecTree BinaryCodec::decode(
    Format format, QByteArrayView bytes, const ProtobufSchema *schema, const QString &messageType)
{
    switch (format) {
    case Format::Cbor:
        return CborTreeDecoder::decode(bytes);
    case Format::MessagePack:
        return MessagePackDecoder::decode(bytes);
    case Format::ProtobufWire:
        return ProtobufWireDecoder::decode(bytes);
    case Format::ProtobufSchema: {
        const ProtobufSchema none;
        return ProtobufSchemaDecoder::decode(schema ? *schema : none, messageType, bytes);
    }
    case Format::Auto:
        break;
    }
    const Format found = detect(bytes);
    if (found != Format::Auto)
        return decode(found, bytes);
    CodecTree none;
    none.format = QStringLiteral("auto");
    none.setNote(QStringLiteral("no-format-fits"),
        CodecTree::noteText(QT_TRANSLATE_NOOP("wsi::CodecTree",
            "Neither CBOR, MessagePack nor protobuf reads this message to its end; choose a format to "
            "see how far each gets")));
    return none;
}

BinaryCodec::Format BinaryCodec::detect(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return Format::Auto;
    const CodecTree cbor = CborTreeDecoder::decode(bytes);
    // 0xd9d9f7: CBOR's self-describe tag (RFC 8949 section 3.4.6), put there so that readers can tell.
    if (bytes.size() >= 3 && bytes.first(3) == QByteArrayView("\xd9\xd9\xf7", 3) && fits(cbor))
        return Format::Cbor;
    const bool cborFits = fits(cbor) && cbor.nodes.size() == 1;
    if (cborFits && isContainer(cbor))
        return Format::Cbor;
    const CodecTree msgpack = MessagePackDecoder::decode(bytes);
    const bool msgpackFits = fits(msgpack) && msgpack.nodes.size() == 1;
    if (msgpackFits && isContainer(msgpack))
        return Format::MessagePack;
    if (fits(ProtobufWireDecoder::decode(bytes)))
        return Format::ProtobufWire;
    if (cborFits)
        return Format::Cbor;
    if (msgpackFits)
        return Format::MessagePack;
    return Format::Auto;
}

QString BinaryCodec::formatId(Format format)
{
    switch (format) {
    case Format::Cbor:
        return QStringLiteral("cbor");
    case Format::MessagePack:
        return QStringLiteral("msgpack");
    case Format::ProtobufWire:
        return QStringLiteral("protobuf");
    case Format::ProtobufSchema:
        return QStringLiteral("protobuf-schema");
    case Format::Auto:
        break;
    }
    return QStringLiteral("auto");
}

BinaryCodec::Format BinaryCodec::formatFromId(const QString &id)
{
    if (id == QLatin1String("cbor"))
        return Format::Cbor;
    if (id == QLatin1String("msgpack"))
        return Format::MessagePack;
    if (id == QLatin1String("protobuf"))
        return Format::ProtobufWire;
    if (id == QLatin1String("protobuf-schema"))
        return Format::ProtobufSchema;
    return Format::Auto;
}

} // namespace wsi
