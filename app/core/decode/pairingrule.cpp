// PairingRule: how the user's own protocol pairs a request with its reply, by a JSON path in each.
#include "decode/pairingrule.h"

#include "decode/jsonpath.h"

#include <QCoreApplication>

namespace wsi {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("wsi::PairingRule", text);
}

} // namespace

QString PairingRule::validate() const
{
    if (!isSet())
        return {};
    if (requestPath.trimmed().isEmpty())
        return tr("pairing rule: the request path is missing (e.g. $.id).");
    if (replyPath.trimmed().isEmpty())
        return tr("pairing rule: the reply path is missing (e.g. $.inReplyTo).");
    const struct
    {
        const char *which;
        const QString &path;
    } paths[] = { { QT_TRANSLATE_NOOP("wsi::PairingRule", "request path"), requestPath },
        { QT_TRANSLATE_NOOP("wsi::PairingRule", "reply path"), replyPath },
        { QT_TRANSLATE_NOOP("wsi::PairingRule", "name path"), namePath } };
    for (const auto &p : paths) {
        if (p.path.trimmed().isEmpty())
            continue; // only the name path may be empty, checked above for the others
        QString why;
        if (!JsonPath::parse(p.path, &why))
            return tr("pairing rule: the %1 \"%2\" is not a JSON path: %3.").arg(tr(p.which), p.path, why);
    }
    return {};
}

} // namespace wsi
