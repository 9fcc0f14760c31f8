// ProtobufSchema: a .proto file the user chose, parsed at run time, and the message types it declares.
#include "decode/protobufschema.h"

#include <QFileInfo>

#include <google/protobuf/compiler/importer.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/dynamic_message.h>

namespace wsi {

namespace {

namespace gp = google::protobuf;

// The parser reports zero-based positions; editors and protoc count from one.
class ErrorLines : public gp::compiler::MultiFileErrorCollector
{
public:
    void AddError(const std::string &filename, int line, int column, const std::string &message) override
    {
        const QString file = QString::fromStdString(filename);
        const QString what = QString::fromStdString(message);
        if (line < 0)
            lines << QStringLiteral("protobuf schema: %1: %2").arg(file, what);
        else
            lines << QStringLiteral("protobuf schema: %1:%2:%3: %4").arg(file).arg(line + 1).arg(column + 1).arg(what);
    }

    QStringList lines;
};

void collectTypes(const gp::Descriptor *type, QStringList &out)
{
    if (type->options().map_entry())
        return;
    out << QString::fromStdString(type->full_name());
    for (int i = 0; i < type->nested_type_count(); ++i)
        collectTypes(type->nested_type(i), out);
}

} // namespace

// Declared in this order so that they are destroyed in the reverse one: the factory's prototypes refer to
// the importer's pool, which refers to the source tree and the error collector.
struct ProtobufSchema::Parsed
{
    gp::compiler::DiskSourceTree sourceTree;
    ErrorLines errors;
    gp::compiler::Importer importer { &sourceTree, &errors };
    gp::DynamicMessageFactory factory { importer.pool() };
    const gp::FileDescriptor *file = nullptr;
};

ProtobufSchema::ProtobufSchema() = default;
ProtobufSchema::~ProtobufSchema() = default;

bool ProtobufSchema::load(const QString &path)
{
    m_parsed.reset();
    m_path = path;
    m_error.clear();
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        m_error = QStringLiteral("protobuf schema: %1: cannot read the file").arg(path);
        return false;
    }
    auto parsed = std::make_unique<Parsed>();
    // The file's folder is the import root, as protoc -I<folder> would make it.
    parsed->sourceTree.MapPath("", info.absolutePath().toStdString());
    parsed->file = parsed->importer.Import(info.fileName().toStdString());
    if (!parsed->file || !parsed->errors.lines.isEmpty()) {
        m_error = parsed->errors.lines.isEmpty() ? QStringLiteral("protobuf schema: %1: not parsed").arg(path)
                                                 : parsed->errors.lines.join(QLatin1Char('\n'));
        return false;
    }
    m_parsed = std::move(parsed);
    return true;
}

bool ProtobufSchema::isLoaded() const
{
    return m_parsed != nullptr;
}

QString ProtobufSchema::path() const
{
    return m_path;
}

QString ProtobufSchema::error() const
{
    return m_error;
}

QStringList ProtobufSchema::messageTypes() const
{
    QStringList types;
    if (!m_parsed)
        return types;
    for (int i = 0; i < m_parsed->file->message_type_count(); ++i)
        collectTypes(m_parsed->file->message_type(i), types);
    return types;
}

const gp::Descriptor *ProtobufSchema::messageType(const QString &fullName) const
{
    if (!m_parsed)
        return nullptr;
    return m_parsed->importer.pool()->FindMessageTypeByName(fullName.toStdString());
}

std::unique_ptr<gp::Message> ProtobufSchema::newMessage(const gp::Descriptor *type) const
{
    if (!m_parsed || !type)
        return nullptr;
    const gp::Message *prototype = m_parsed->factory.GetPrototype(type);
    return std::unique_ptr<gp::Message>(prototype ? prototype->New() : nullptr);
}

} // namespace wsi
