// ProtobufSchema: a .proto file the user chose, parsed at run time, and the message types it declares.
#pragma once

#include <QString>
#include <QStringList>

#include <memory>

namespace google::protobuf {
class Descriptor;
class Message;
} // namespace google::protobuf

namespace wsi {

// Parsed with libprotobuf's own parser (Importer over a DiskSourceTree rooted at the file's folder, so its
// imports resolve the way protoc -I<folder> resolves them); messages are built by a DynamicMessageFactory,
// so no code is generated. Not copyable: the descriptors and prototypes it hands out live as long as it does.
class ProtobufSchema
{
public:
    ProtobufSchema();
    ~ProtobufSchema();
    ProtobufSchema(const ProtobufSchema &) = delete;
    ProtobufSchema &operator=(const ProtobufSchema &) = delete;

    // Parses the file (and what it imports), replacing what was loaded. On failure error() says why, one
    // "protobuf schema: file:line:column: what" line per problem the parser found.
    bool load(const QString &path);
    bool isLoaded() const;
    QString path() const;
    QString error() const;

    // The full names ("shop.Order", "shop.Order.Line") of the messages the file itself declares, nested ones
    // after their parent, in the order the file declares them; map entries (compiler-made) are left out.
    QStringList messageTypes() const;

    // The descriptor of a message type by full name, from the file or anything it imports; nullptr if none.
    const google::protobuf::Descriptor *messageType(const QString &fullName) const;
    // An empty message of that type, owned by the caller; nullptr if none.
    std::unique_ptr<google::protobuf::Message> newMessage(const google::protobuf::Descriptor *type) const;

private:
    struct Parsed;
    std::unique_ptr<Parsed> m_parsed;
    QString m_path;
    QString m_error;
};

} // namespace wsi
