// ProxyRule: matching and replacing whole messages for the intercepting proxy's rules.
#include "proxy/proxyrule.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace wsi {

namespace {

std::optional<QByteArray> parseHex(const QString &text)
{
    QString digits = text;
    digits.remove(QLatin1Char(' '));
    if (digits.size() % 2 != 0)
        return std::nullopt;
    for (const QChar c : digits) {
        if (!QStringLiteral("0123456789abcdefABCDEF").contains(c))
            return std::nullopt;
    }
    return QByteArray::fromHex(digits.toLatin1());
}

// A JSON value as the text a user types to compare it: strings bare, the rest as JSON.
QString valueText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isNull())
        return QStringLiteral("null");
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
}

} // namespace

ProxyRule::ProxyRule(FrameHook::Toward toward, Action action, Matcher matcher)
    : m_toward(toward)
    , m_action(action)
    , m_matcher(matcher)
{ }

ProxyRule ProxyRule::all(FrameHook::Toward toward, Action action)
{
    return ProxyRule(toward, action, Matcher::All);
}

std::optional<ProxyRule> ProxyRule::textRegex(
    FrameHook::Toward toward, Action action, const QString &pattern, const QString &replacement, QString *error)
{
    ProxyRule rule(toward, action, Matcher::TextRegex);
    rule.m_regex.setPattern(pattern);
    // Messages are UTF-8 text in any language: \w and \b mean letters of every script.
    rule.m_regex.setPatternOptions(QRegularExpression::UseUnicodePropertiesOption);
    if (!rule.m_regex.isValid()) {
        if (error)
            *error = QCoreApplication::translate(
                "wsi::ProxyRule", "The regular expression \"%1\" is not valid: %2 (at character %3).")
                         .arg(pattern, rule.m_regex.errorString())
                         .arg(rule.m_regex.patternErrorOffset());
        return std::nullopt;
    }
    rule.m_replacement = replacement;
    return rule;
}

std::optional<ProxyRule> ProxyRule::binaryHex(
    FrameHook::Toward toward, Action action, const QString &hex, const QString &replacementHex, QString *error)
{
    ProxyRule rule(toward, action, Matcher::BinaryHex);
    const std::optional<QByteArray> bytes = parseHex(hex);
    const std::optional<QByteArray> replacement = parseHex(replacementHex);
    if (!bytes || bytes->isEmpty() || !replacement) {
        if (error)
            *error = QCoreApplication::translate(
                "wsi::ProxyRule", "\"%1\" is not a sequence of hex bytes (two hex digits each, e.g. \"c0 ff ee\").")
                         .arg(!bytes || bytes->isEmpty() ? hex : replacementHex);
        return std::nullopt;
    }
    rule.m_bytes = *bytes;
    rule.m_replacementBytes = *replacement;
    return rule;
}

std::optional<ProxyRule> ProxyRule::jsonPath(
    FrameHook::Toward toward, Action action, const QString &path, const std::optional<QString> &value, QString *error)
{
    const std::optional<JsonPath> parsed = JsonPath::parse(path, error);
    if (!parsed)
        return std::nullopt;
    ProxyRule rule(toward, action, Matcher::JsonPath);
    rule.m_path = *parsed;
    rule.m_value = value;
    return rule;
}

ProxyRule ProxyRule::opcode(FrameHook::Toward toward, Action action, quint8 opcode)
{
    ProxyRule rule(toward, action, Matcher::Opcode);
    rule.m_opcode = opcode;
    return rule;
}

std::optional<ProxyRule> ProxyRule::parse(Action action, const QString &spec, QString *error)
{
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    const QString dir = colon < 0 ? QString() : spec.left(colon);
    if (dir != QLatin1String("out") && dir != QLatin1String("in")) {
        if (error)
            *error = QCoreApplication::translate("wsi::ProxyRule",
                "\"%1\" does not start with a direction: out: (client to server) or in: (server to "
                "client).")
                         .arg(spec);
        return std::nullopt;
    }
    const FrameHook::Toward toward
        = dir == QLatin1String("out") ? FrameHook::Toward::Server : FrameHook::Toward::Client;
    QString pattern = spec.mid(colon + 1);
    QString replacement;
    if (action == Action::Replace) {
        const qsizetype arrow = pattern.indexOf(QLatin1String("=>"));
        if (arrow < 0) {
            if (error)
                *error = QCoreApplication::translate(
                    "wsi::ProxyRule", "\"%1\" has no \"=>\": a replacement is written DIR:REGEX=>TEXT.")
                             .arg(spec);
            return std::nullopt;
        }
        replacement = pattern.mid(arrow + 2);
        pattern = pattern.left(arrow);
    }
    if (pattern.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("wsi::ProxyRule", "\"%1\" has an empty regular expression.").arg(spec);
        return std::nullopt;
    }
    return textRegex(toward, action, pattern, replacement, error);
}

QString ProxyRule::describe() const
{
    const QString dir = m_toward == FrameHook::Toward::Server ? QStringLiteral("out") : QStringLiteral("in");
    switch (m_matcher) {
    case Matcher::All:
        return dir + QStringLiteral(": all");
    case Matcher::TextRegex:
        return dir + QStringLiteral(": regex ") + m_regex.pattern();
    case Matcher::BinaryHex:
        return dir + QStringLiteral(": hex ") + QString::fromLatin1(m_bytes.toHex(' '));
    case Matcher::JsonPath:
        return dir + QStringLiteral(": json ") + m_path.text()
            + (m_value ? QStringLiteral(" = ") + *m_value : QString());
    case Matcher::Opcode:
        return dir + QStringLiteral(": opcode %1").arg(m_opcode);
    }
    return dir;
}

bool ProxyRule::matches(quint8 opcode, const QByteArray &payload) const
{
    switch (m_matcher) {
    case Matcher::All:
        return true;
    case Matcher::TextRegex:
        return opcode == 0x1 && m_regex.match(QString::fromUtf8(payload)).hasMatch();
    case Matcher::BinaryHex:
        return opcode == 0x2 && payload.contains(m_bytes);
    case Matcher::JsonPath: {
        if (opcode != 0x1)
            return false;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(payload, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return false;
        const QJsonValue root = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
        const std::optional<QJsonValue> found = m_path.valueIn(root);
        return found && (!m_value || valueText(*found) == *m_value);
    }
    case Matcher::Opcode:
        return opcode == m_opcode;
    }
    return false;
}

QByteArray ProxyRule::replace(quint8 opcode, const QByteArray &payload) const
{
    if (m_action != Action::Replace)
        return payload;
    if (m_matcher == Matcher::TextRegex) {
        if (opcode != 0x1)
            return payload;
        QString text = QString::fromUtf8(payload);
        if (!m_regex.match(text).hasMatch())
            return payload;
        return text.replace(m_regex, m_replacement).toUtf8();
    }
    if (m_matcher == Matcher::BinaryHex) {
        if (opcode != 0x2 || !payload.contains(m_bytes))
            return payload;
        QByteArray bytes = payload;
        return bytes.replace(m_bytes, m_replacementBytes);
    }
    return payload; // the other matchers say which messages, not what to change in them
}

} // namespace wsi
