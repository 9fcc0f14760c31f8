// JsonPath: a small JSON path ($.a.b, $.a[0].b, $["odd key"]) that names one value inside a JSON document.
#include "decode/jsonpath.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace wsi {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("wsi::JsonPath", text);
}

// What may follow a dot without brackets: the names JavaScript would accept after a dot, plus '-'.
bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$') || c == QLatin1Char('-');
}

} // namespace

std::optional<JsonPath> JsonPath::parse(const QString &input, QString *error)
{
    auto failed = [error](const QString &why) -> std::optional<JsonPath> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString text = input.trimmed();
    if (text.isEmpty())
        return failed(tr("the path is empty"));
    if (!text.startsWith(QLatin1Char('$')))
        return failed(tr("a path starts with $, as in $.id"));
    JsonPath path;
    path.m_text = text;
    qsizetype i = 1;
    const qsizetype n = text.size();
    while (i < n) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('.')) {
            const qsizetype start = ++i;
            while (i < n && isNameChar(text.at(i)))
                ++i;
            if (i == start)
                return failed(tr("a name must follow the dot at position %1").arg(start));
            path.m_steps.append(Step { text.mid(start, i - start), -1 });
        } else if (c == QLatin1Char('[')) {
            ++i;
            if (i < n && (text.at(i) == QLatin1Char('"') || text.at(i) == QLatin1Char('\''))) {
                const QChar quote = text.at(i++);
                QString key;
                bool closed = false;
                while (i < n) {
                    const QChar k = text.at(i++);
                    if (k == quote) {
                        closed = true;
                        break;
                    }
                    if (k == QLatin1Char('\\') && i < n)
                        key += text.at(i++);
                    else
                        key += k;
                }
                if (!closed)
                    return failed(tr("the quoted name is not closed"));
                path.m_steps.append(Step { key, -1 });
            } else {
                const qsizetype start = i;
                while (i < n && text.at(i).isDigit())
                    ++i;
                bool ok = false;
                const int index = text.mid(start, i - start).toInt(&ok);
                if (i == start || !ok)
                    return failed(tr("a [ at position %1 needs an index (a number) or a quoted name").arg(start - 1));
                path.m_steps.append(Step { QString(), index });
            }
            if (i >= n || text.at(i) != QLatin1Char(']'))
                return failed(tr("a ] is missing at position %1").arg(i));
            ++i;
        } else {
            return failed(tr("unexpected \"%1\" at position %2; use .name, [0] or [\"name\"]").arg(c).arg(i));
        }
    }
    if (path.m_steps.isEmpty())
        return failed(tr("$ alone is the whole message; name a field, as in $.id"));
    return path;
}

std::optional<QJsonValue> JsonPath::valueIn(const QJsonValue &root) const
{
    QJsonValue value = root;
    for (const Step &step : m_steps) {
        if (step.index >= 0) {
            if (!value.isArray())
                return std::nullopt;
            const QJsonArray array = value.toArray();
            if (step.index >= array.size())
                return std::nullopt;
            value = array.at(step.index);
        } else {
            if (!value.isObject())
                return std::nullopt;
            const QJsonObject object = value.toObject();
            const auto it = object.constFind(step.key);
            if (it == object.constEnd())
                return std::nullopt;
            value = it.value();
        }
    }
    return value;
}

} // namespace wsi
