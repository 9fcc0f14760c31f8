// JsonPath: a small JSON path ($.a.b, $.a[0].b, $["odd key"]) that names one value inside a JSON document.
#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace wsi {

// The subset a pairing rule needs: member names after a dot, array indexes and quoted member names in
// brackets. No wildcards, filters or recursive descent: a rule names one value per message.
class JsonPath
{
public:
    JsonPath() = default;

    // The path, or nullopt with a plain sentence in *error saying what is wrong and where.
    static std::optional<JsonPath> parse(const QString &text, QString *error = nullptr);

    // The value the path names in root, or nullopt when a step is missing (a member absent, an index past
    // the end, a step into a value of the wrong type).
    std::optional<QJsonValue> valueIn(const QJsonValue &root) const;

    const QString &text() const { return m_text; }

private:
    struct Step
    {
        QString key; // a member name, when index < 0
        int index = -1; // an array index
    };
    QList<Step> m_steps;
    QString m_text;
};

} // namespace wsi
