// ExtensionHeader: the grammar of Sec-WebSocket-Extensions (RFC 6455 section 9.1), names and parameters.
#include "protocol/extensionheader.h"

#include "protocol/httptoken.h"

#include <QCoreApplication>

namespace wsi {

namespace {

class Reader
{
public:
    explicit Reader(QByteArrayView text)
        : m_text(text)
    { }
    void skipSpace()
    {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t'))
            ++m_pos;
    }
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return m_text[m_pos]; }
    void advance() { ++m_pos; }
    qsizetype pos() const { return m_pos; }
    QByteArray token()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && HttpToken::isTokenChar(m_text[m_pos]))
            ++m_pos;
        return m_text.sliced(start, m_pos - start).toByteArray();
    }
    // After the opening quote; false when the closing quote never comes.
    bool quoted(QByteArray *out)
    {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == '"')
                return true;
            if (c == '\\') {
                if (m_pos >= m_text.size())
                    return false;
                out->append(m_text[m_pos++]);
            } else {
                out->append(c);
            }
        }
        return false;
    }

private:
    QByteArrayView m_text;
    qsizetype m_pos = 0;
};

QString text(const char *source)
{
    return QCoreApplication::translate("wsi::ExtensionHeader", source);
}

} // namespace

bool ExtensionHeader::parse(QByteArrayView value, QList<ExtensionEntry> *out, QString *error)
{
    out->clear();
    Reader r(value);
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    for (;;) {
        r.skipSpace();
        if (r.atEnd())
            break;
        if (r.peek() == ',') { // empty list elements are allowed by the #rule (RFC 7230 section 7)
            r.advance();
            continue;
        }
        ExtensionEntry entry;
        entry.name = r.token().toLower();
        if (entry.name.isEmpty())
            return fail(text("Character %1 where an extension name was expected (at byte %2)")
                            .arg(QString::fromLatin1(QByteArray(1, r.peek()).toPercentEncoding()))
                            .arg(r.pos()));
        r.skipSpace();
        while (!r.atEnd() && r.peek() == ';') {
            r.advance();
            r.skipSpace();
            ExtensionParam param;
            param.name = r.token().toLower();
            if (param.name.isEmpty())
                return fail(text("Extension %1 has a parameter without a name (at byte %2)")
                                .arg(QString::fromLatin1(entry.name))
                                .arg(r.pos()));
            r.skipSpace();
            if (!r.atEnd() && r.peek() == '=') {
                r.advance();
                r.skipSpace();
                param.hasValue = true;
                if (!r.atEnd() && r.peek() == '"') {
                    r.advance();
                    if (!r.quoted(&param.value))
                        return fail(text("Parameter %1 of extension %2 has a quoted value that never ends")
                                        .arg(QString::fromLatin1(param.name), QString::fromLatin1(entry.name)));
                } else {
                    param.value = r.token();
                    if (param.value.isEmpty())
                        return fail(text("Parameter %1 of extension %2 has \"=\" but no value")
                                        .arg(QString::fromLatin1(param.name), QString::fromLatin1(entry.name)));
                }
                r.skipSpace();
            }
            entry.params.append(param);
        }
        out->append(entry);
        if (r.atEnd())
            break;
        if (r.peek() != ',')
            return fail(text("Character %1 after extension %2 where \",\" or \";\" was expected (at byte %3)")
                            .arg(QString::fromLatin1(QByteArray(1, r.peek()).toPercentEncoding()),
                                QString::fromLatin1(entry.name))
                            .arg(r.pos()));
        r.advance();
    }
    return true;
}

QByteArray ExtensionHeader::serialize(const QList<ExtensionEntry> &entries)
{
    QByteArray out;
    for (const ExtensionEntry &entry : entries) {
        if (!out.isEmpty())
            out += ", ";
        out += entry.name;
        for (const ExtensionParam &param : entry.params) {
            out += "; " + param.name;
            if (param.hasValue)
                out += '=' + param.value;
        }
    }
    return out;
}

} // namespace wsi
