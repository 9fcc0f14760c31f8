// SecretMasker: which parts of a request carry secrets, and how they look masked.
#include "explain/secretmasker.h"

#include <QList>
#include <QUrlQuery>

namespace wsi {

namespace {

bool containsAny(const QByteArray &lower, std::initializer_list<const char *> words)
{
    for (const char *w : words) {
        if (lower.contains(w))
            return true;
    }
    return false;
}

} // namespace

bool SecretMasker::isSecretHeader(QByteArrayView name)
{
    const QByteArray lower = name.toByteArray().trimmed().toLower();
    if (lower == "authorization" || lower == "proxy-authorization" || lower == "cookie" || lower == "set-cookie")
        return true;
    return containsAny(lower, { "token", "secret", "api-key", "apikey", "api_key", "password", "session", "auth" });
}

bool SecretMasker::isSecretQueryKey(QStringView key)
{
    const QByteArray lower = key.toString().toLower().toUtf8();
    static const char *const exact[] = { "key", "sig", "code", "auth", "jwt", "pass", "pwd" };
    for (const char *e : exact) {
        if (lower == e)
            return true;
    }
    return containsAny(
        lower, { "token", "secret", "password", "apikey", "api_key", "api-key", "signature", "session", "credential" });
}

QByteArray SecretMasker::maskHeaderValue(QByteArrayView name, QByteArrayView value)
{
    if (value.isEmpty() || !isSecretHeader(name))
        return value.toByteArray();
    const QByteArray lowerName = name.toByteArray().trimmed().toLower();
    if (lowerName == "authorization" || lowerName == "proxy-authorization") {
        const QByteArray v = value.toByteArray().trimmed();
        const qsizetype space = v.indexOf(' ');
        if (space > 0)
            return v.left(space + 1) + kMask;
    }
    return QByteArray(kMask);
}

QString SecretMasker::maskUrl(const QString &url)
{
    const QString mask = QString::fromUtf8(kMask);
    // Work on the text itself rather than through QUrl so that everything not secret stays byte-for-byte.
    QString out = url;
    const qsizetype schemeEnd = out.indexOf(QLatin1String("://"));
    if (schemeEnd > 0) {
        const qsizetype authorityStart = schemeEnd + 3;
        qsizetype authorityEnd = out.indexOf(QLatin1Char('/'), authorityStart);
        const qsizetype q = out.indexOf(QLatin1Char('?'), authorityStart);
        if (authorityEnd < 0 || (q >= 0 && q < authorityEnd))
            authorityEnd = q;
        if (authorityEnd < 0)
            authorityEnd = out.size();
        const qsizetype at = out.lastIndexOf(QLatin1Char('@'), authorityEnd - 1);
        if (at >= authorityStart) {
            const qsizetype colon = out.indexOf(QLatin1Char(':'), authorityStart);
            if (colon >= 0 && colon < at)
                out.replace(colon + 1, at - colon - 1, mask);
        }
    }
    const qsizetype query = out.indexOf(QLatin1Char('?'));
    if (query < 0)
        return out;
    qsizetype fragment = out.indexOf(QLatin1Char('#'), query);
    if (fragment < 0)
        fragment = out.size();
    QStringList parts = out.mid(query + 1, fragment - query - 1).split(QLatin1Char('&'));
    for (QString &part : parts) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString key = QUrl::fromPercentEncoding(part.left(eq).toUtf8());
        if (isSecretQueryKey(key) && eq + 1 < part.size())
            part = part.left(eq + 1) + mask;
    }
    return out.left(query + 1) + parts.join(QLatin1Char('&')) + out.mid(fragment);
}

QByteArray SecretMasker::maskHttpHead(const QByteArray &head)
{
    QByteArray out;
    out.reserve(head.size());
    qsizetype pos = 0;
    bool first = true;
    while (pos < head.size()) {
        qsizetype end = head.indexOf('\n', pos);
        end = end < 0 ? head.size() : end + 1;
        QByteArray line = head.mid(pos, end - pos);
        pos = end;
        qsizetype contentEnd = line.size();
        while (contentEnd > 0 && (line.at(contentEnd - 1) == '\n' || line.at(contentEnd - 1) == '\r'))
            --contentEnd;
        const QByteArray eol = line.mid(contentEnd);
        const QByteArray content = line.left(contentEnd);
        if (first) {
            first = false;
            // "GET /path?token=x HTTP/1.1": mask the target's query.
            const qsizetype sp1 = content.indexOf(' ');
            const qsizetype sp2 = content.lastIndexOf(' ');
            if (sp1 > 0 && sp2 > sp1 && !content.startsWith("HTTP/")) {
                const QString target = QString::fromUtf8(content.mid(sp1 + 1, sp2 - sp1 - 1));
                out += content.left(sp1 + 1) + maskUrl(target).toUtf8() + content.mid(sp2) + eol;
                continue;
            }
            out += line;
            continue;
        }
        const qsizetype colon = content.indexOf(':');
        if (colon <= 0) {
            out += line;
            continue;
        }
        const QByteArray name = content.left(colon);
        if (!isSecretHeader(name)) {
            out += line;
            continue;
        }
        QByteArray value = content.mid(colon + 1);
        const qsizetype lead = value.startsWith(' ') ? 1 : 0; // keep the usual single space after the colon
        out += name + ':' + value.left(lead) + maskHeaderValue(name, value.mid(lead)) + eol;
    }
    return out;
}

} // namespace wsi
