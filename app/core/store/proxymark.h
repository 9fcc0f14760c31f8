// ProxyMark: what an intercepting proxy did to one recorded message (edited, replaced, dropped, injected).
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace wsi {

// Kept beside a message row (ConnectionLeg::proxyMarks) rather than in EventRecord: the record's flag bits are
// all taken, and only the few messages a proxy changed carry one. The session log writes it as "proxy_action"
// and, for edits and replacements, "original_payload" (docs/session-format.md, version 2).
struct ProxyMark
{
    enum class Action : quint8 {
        Edited, // a user changed a held message: this row is what went on, original is what arrived
        Replaced, // a match-and-replace rule changed it: likewise
        Dropped, // this row arrived and never went on
        Injected, // the app wrote this message itself; no peer sent it
    };

    Action action = Action::Edited;
    QByteArray original; // Edited and Replaced: the payload as the sender sent it

    bool hasOriginal() const { return action == Action::Edited || action == Action::Replaced; }
};

// "edited", "replaced", "dropped", "injected": the stable names in the session log.
const char *proxyActionId(ProxyMark::Action action);
// The action named id; false for an unknown name.
bool proxyActionFromId(QByteArrayView id, ProxyMark::Action *action);

} // namespace wsi
