// ProxyRuleSpec: one rule as the Proxy panel shows, edits and remembers it (ProxyRule keeps no source text).
#include "proxy/proxyrulespec.h"

#include <QCoreApplication>

namespace wsi {

std::optional<ProxyRule> ProxyRuleSpec::toRule(QString *error) const
{
    switch (matcher) {
    case ProxyRule::Matcher::All:
        return ProxyRule::all(toward, action);
    case ProxyRule::Matcher::TextRegex:
        return ProxyRule::textRegex(toward, action, pattern, replacement, error);
    case ProxyRule::Matcher::BinaryHex:
        return ProxyRule::binaryHex(toward, action, pattern, replacement, error);
    case ProxyRule::Matcher::JsonPath:
        return ProxyRule::jsonPath(
            toward, action, pattern, replacement.isEmpty() ? std::nullopt : std::optional<QString>(replacement), error);
    case ProxyRule::Matcher::Opcode: {
        bool ok = false;
        const uint opcode = pattern.trimmed().toUInt(&ok, 0);
        if (!ok || (opcode != 1 && opcode != 2)) {
            if (error)
                *error = QCoreApplication::translate(
                    "wsi::ProxyRulesView", "The opcode must be 1 (text) or 2 (binary), not \"%1\".")
                             .arg(pattern);
            return std::nullopt;
        }
        return ProxyRule::opcode(toward, action, quint8(opcode));
    }
    }
    return std::nullopt;
}

QVariantMap ProxyRuleSpec::toVariant() const
{
    return {
        { QStringLiteral("enabled"), enabled },
        { QStringLiteral("toward"),
            toward == FrameHook::Toward::Server ? QStringLiteral("out") : QStringLiteral("in") },
        { QStringLiteral("matcher"), int(matcher) },
        { QStringLiteral("pattern"), pattern },
        { QStringLiteral("action"), int(action) },
        { QStringLiteral("replacement"), replacement },
    };
}

ProxyRuleSpec ProxyRuleSpec::fromVariant(const QVariantMap &map)
{
    ProxyRuleSpec spec;
    spec.enabled = map.value(QStringLiteral("enabled"), true).toBool();
    spec.toward = map.value(QStringLiteral("toward")).toString() == QLatin1String("in") ? FrameHook::Toward::Client
                                                                                        : FrameHook::Toward::Server;
    spec.matcher = ProxyRule::Matcher(qBound(0, map.value(QStringLiteral("matcher")).toInt(), 4));
    spec.pattern = map.value(QStringLiteral("pattern")).toString();
    spec.action = ProxyRule::Action(qBound(0, map.value(QStringLiteral("action")).toInt(), 2));
    spec.replacement = map.value(QStringLiteral("replacement")).toString();
    return spec;
}

} // namespace wsi
