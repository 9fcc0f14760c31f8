// ExtensionHeader: the grammar of Sec-WebSocket-Extensions (RFC 6455 section 9.1), names and parameters.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace wsi {

struct ExtensionParam
{
    QByteArray name; // lowercased: parameter names are case-insensitive tokens
    QByteArray value; // a quoted-string already unquoted
    bool hasValue = false;
};

struct ExtensionEntry
{
    QByteArray name; // lowercased
    QList<ExtensionParam> params; // in wire order, duplicates kept (the extension decides what they mean)
};

// Parses the value (or the comma-joined values) of Sec-WebSocket-Extensions into its extensions, in order.
// Sans-IO: the extensions themselves (permessage-deflate) give the parameters their meaning.
class ExtensionHeader
{
public:
    // False with *error in plain words for text that is not an extension list (an empty name, a stray
    // character, an unterminated quoted string); *out then holds what came before the fault.
    static bool parse(QByteArrayView value, QList<ExtensionEntry> *out, QString *error = nullptr);
    // The entries written back in wire form: "permessage-deflate; client_max_window_bits=10".
    static QByteArray serialize(const QList<ExtensionEntry> &entries);
};

} // namespace wsi
