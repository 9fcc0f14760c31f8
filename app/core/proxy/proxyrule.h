// ProxyRule: one breakpoint, match-and-replace or drop rule of the intercepting proxy, for one direction.
#pragma once

#include "decode/jsonpath.h"
#include "proxy/framehook.h"

#include <QByteArray>
#include <QRegularExpression>
#include <QString>

#include <optional>

namespace wsi {

// A rule acts on whole messages (a fragmented one is gathered first) of one direction: out (client to server,
// FrameHook::Toward::Server) or in (server to client). Control frames never match.
class ProxyRule
{
public:
    enum class Action { Hold, Replace, Drop };
    enum class Matcher {
        All, // every data message
        TextRegex, // a text message the regex finds a match in
        BinaryHex, // a binary message containing the bytes
        JsonPath, // a text message that is JSON with a value at the path (equal to value, when one is given)
        Opcode, // a data message of that opcode (1 text, 2 binary)
    };

    // The matchers. replacement: for Replace, the text put in place of every regex match (\1 for a captured
    // group) or the bytes put in place of every occurrence of the hex bytes.
    static ProxyRule all(FrameHook::Toward toward, Action action);
    static std::optional<ProxyRule> textRegex(FrameHook::Toward toward, Action action, const QString &pattern,
        const QString &replacement = {}, QString *error = nullptr);
    static std::optional<ProxyRule> binaryHex(FrameHook::Toward toward, Action action, const QString &hex,
        const QString &replacementHex = {}, QString *error = nullptr);
    static std::optional<ProxyRule> jsonPath(FrameHook::Toward toward, Action action, const QString &path,
        const std::optional<QString> &value = std::nullopt, QString *error = nullptr);
    static ProxyRule opcode(FrameHook::Toward toward, Action action, quint8 opcode);

    // The CLI's spelling: "out:REGEX" (hold, drop) or "out:REGEX=>TEXT" (replace); DIR is out or in.
    static std::optional<ProxyRule> parse(Action action, const QString &spec, QString *error);

    FrameHook::Toward toward() const { return m_toward; }
    Action action() const { return m_action; }
    Matcher matcher() const { return m_matcher; }
    // For display: "out: regex hello" and the like.
    QString describe() const;

    // opcode: 1 text, 2 binary; payload: the whole message, unmasked and inflated.
    bool matches(quint8 opcode, const QByteArray &payload) const;
    // Replace rules: payload with the replacement applied (equal to payload when nothing matched).
    QByteArray replace(quint8 opcode, const QByteArray &payload) const;

private:
    ProxyRule(FrameHook::Toward toward, Action action, Matcher matcher);

    FrameHook::Toward m_toward;
    Action m_action;
    Matcher m_matcher;
    QRegularExpression m_regex;
    QString m_replacement;
    QByteArray m_bytes; // BinaryHex: the bytes to find
    QByteArray m_replacementBytes;
    JsonPath m_path;
    std::optional<QString> m_value;
    quint8 m_opcode = 0;
};

} // namespace wsi
