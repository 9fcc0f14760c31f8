// HttpHead: an HTTP/1.1 request or response head exactly as it crossed the wire (order, case, repeats).
#include "protocol/httphead.h"

#include <QRegularExpression>

#include <algorithm>

namespace wsi {

QStringList splitTokenList(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

QString printableExcerpt(QByteArrayView v)
{
    // Error messages quote peer bytes; keep them short and free of control characters.
    QString out;
    for (char c : v.first(std::min<qsizetype>(v.size(), 60)))
        out += (c >= 0x20 && c < 0x7F) ? QChar::fromLatin1(c) : QChar(u'?');
    if (v.size() > 60)
        out += QStringLiteral("...");
    return out;
}

QByteArrayView trimmedOws(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

namespace {

bool sameName(const QByteArray &a, QByteArrayView b)
{
    return QByteArrayView(a).compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

bool HttpHead::has(QByteArrayView name) const
{
    for (const HttpHeader &header : headers) {
        if (sameName(header.name, name))
            return true;
    }
    return false;
}

QByteArray HttpHead::value(QByteArrayView name) const
{
    for (const HttpHeader &header : headers) {
        if (sameName(header.name, name))
            return header.value;
    }
    return {};
}

QList<QByteArray> HttpHead::values(QByteArrayView name) const
{
    QList<QByteArray> result;
    for (const HttpHeader &header : headers) {
        if (sameName(header.name, name))
            result.append(header.value);
    }
    return result;
}

} // namespace wsi
