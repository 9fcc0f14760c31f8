// SecretMasker: which parts of a request carry secrets, and how they look masked.
#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace wsi {

// Which parts of a request carry secrets, and how they look masked. The UI masks them by default (with a
// reveal toggle) and exports mask them unless the user asks otherwise; the stored events are never changed.
class SecretMasker
{
public:
    static constexpr char kMask[] = "••••••";

    // Authorization, Proxy-Authorization, Cookie, Set-Cookie, and any header whose name says token,
    // secret, api-key, password or session (X-Api-Key, X-Auth-Token, ...).
    static bool isSecretHeader(QByteArrayView name);
    // Query parameters such as token, access_token, api_key, apikey, key, password, secret, sig, signature,
    // auth, session, jwt, code.
    static bool isSecretQueryKey(QStringView key);

    // "Bearer abc.def" -> "Bearer ••••••" (the scheme stays visible: it tells the user what kind of
    // credential was sent); any other secret value -> "••••••". Empty stays empty.
    static QByteArray maskHeaderValue(QByteArrayView name, QByteArrayView value);
    // Secret query values and the userinfo password replaced by the mask; everything else verbatim.
    static QString maskUrl(const QString &url);
    // A raw HTTP head (request or response): each secret header's value masked, the request line's
    // target masked like a URL. Line endings and header order are kept.
    static QByteArray maskHttpHead(const QByteArray &head);
};

} // namespace wsi
