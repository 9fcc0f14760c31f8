// BinaryCodec: picks the binary codec for a message (CBOR, MessagePack, protobuf) and runs it.
#pragma once

#include "decode/codectree.h"

#include <QByteArrayView>
#include <QStringList>

namespace wsi {

class ProtobufSchema;

// The formats a binary message can be shown as, and the auto-detection between them. Sans-IO, stateless.
class BinaryCodec
{
public:
    enum class Format { Auto, Cbor, MessagePack, ProtobufWire, ProtobufSchema };

    // Decodes as the format; Auto tries each and keeps the first that explains every byte (see detect()).
    // ProtobufSchema reads the bytes as messageType of schema (a note when there is none); auto-detection never
    // picks it: a schema is a user's statement about the bytes, not a guess.
    static CodecTree decode(
        Format format, QByteArrayView bytes, const ProtobufSchema *schema = nullptr, const QString &messageType = {});

    // The format whose decoder reads the whole message without a note, most telling first: CBOR with its
    // self-describe tag, then a CBOR or MessagePack container, then a protobuf message, then a lone CBOR or
    // MessagePack value (a single byte is a valid value in both). Format::Auto when none fits.
    static Format detect(QByteArrayView bytes);

    // "auto", "cbor", "msgpack", "protobuf", "protobuf-schema": what QSettings and the command line spell.
    static QString formatId(Format format);
    static Format formatFromId(const QString &id);
};

} // namespace wsi
