// libFuzzer target: ProtobufSchemaDecoder (protobuf with a .proto schema) on arbitrary bytes, with a small schema
// compiled in that has what libprotobuf parses differently: required fields, a group, an enum, a map, packed
// numbers, bytes and a type that nests itself. Besides crashes and sanitizer reports it checks the decoder's
// promises: a note has its id and text, the tree stays within the depth and node limits.
#include "decode/protobufschema.h"
#include "decode/protobufschemadecoder.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstdlib>

using namespace wsi;

namespace {

const char kSchema[] = R"(
syntax = "proto2";
package fuzz;
message Node {
  enum Kind { LEAF = 0; BRANCH = 1; }
  required string name = 1;
  optional Kind kind = 2;
  repeated Node children = 3;
  map<int64, Node> byId = 4;
  repeated sint64 weights = 5 [packed = true];
  optional bytes blob = 6;
  optional group Extra = 7 { optional double ratio = 8; optional fixed32 crc = 9; }
  map<string, float> scores = 10;
  optional bool flag = 11;
}
)";

// The schema is parsed once; a file is what ProtobufSchema reads, as the app does.
const ProtobufSchema &schema()
{
    static QTemporaryDir dir;
    static ProtobufSchema loaded;
    if (!loaded.isLoaded()) {
        QFile file(dir.filePath(QStringLiteral("fuzz.proto")));
        if (!file.open(QIODevice::WriteOnly) || file.write(kSchema) < 0)
            std::abort();
        file.close();
        if (!loaded.load(file.fileName()))
            std::abort();
    }
    return loaded;
}

int depthOf(const QList<CodecNode> &nodes)
{
    int deepest = 0;
    for (const CodecNode &n : nodes)
        deepest = std::max(deepest, 1 + depthOf(n.children));
    return deepest;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const CodecTree tree = ProtobufSchemaDecoder::decode(schema(), QStringLiteral("fuzz.Node"), bytes);
    if (tree.format != QLatin1String("protobuf-schema"))
        std::abort();
    if (tree.isMalformed() == tree.note.isEmpty())
        std::abort();
    if (tree.nodeCount > ProtobufSchemaDecoder::kMaxNodes + 1)
        std::abort();
    // A message level shows as two tree levels at most (a repeated field or map, then its item).
    if (depthOf(tree.nodes) > 2 * (ProtobufSchemaDecoder::kMaxDepth + 1) + 1)
        std::abort();
    return 0;
}
