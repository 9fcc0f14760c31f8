// ProxyRuleSpec: one rule as the Proxy panel shows, edits and remembers it (ProxyRule keeps no source text).
#pragma once

#include "proxy/proxyrule.h"

#include <QString>
#include <QVariant>

#include <optional>

namespace wsi {

// What the user typed for a rule: the panel's table row and its QSettings entry. toRule() builds the
// ProxyRule the rule set runs (the factories check the pattern).
struct ProxyRuleSpec
{
    bool enabled = true;
    FrameHook::Toward toward = FrameHook::Toward::Server;
    ProxyRule::Matcher matcher = ProxyRule::Matcher::TextRegex;
    QString pattern; // regex, hex bytes, JSON path, or the opcode number; unused for All
    ProxyRule::Action action = ProxyRule::Action::Hold;
    QString replacement; // Replace: text (regex) or hex (bytes); JSON path: the value to equal, if any

    std::optional<ProxyRule> toRule(QString *error = nullptr) const;
    QVariantMap toVariant() const;
    static ProxyRuleSpec fromVariant(const QVariantMap &map);
};

} // namespace wsi
