// PairingRule: how the user's own protocol pairs a request with its reply, by a JSON path in each.
#pragma once

#include <QString>

namespace wsi {

// A JSON text message that has requestPath is a request (either way); the first later message going the
// other way whose replyPath holds an equal value is its reply. namePath (optional) names what latency
// statistics group by, e.g. $.type; without it, the request path's value. Paths as JsonPath reads them.
// A value type: remembered with the endpoint (ConnectionOptions), compiled by RulePairer.
struct PairingRule
{
    QString requestPath; // e.g. $.reqId
    QString replyPath; // e.g. $.inReplyTo
    QString namePath; // e.g. $.type; empty: the request path's value names the pair

    // Whether the user wrote any of it (an unset rule pairs nothing and is not saved).
    bool isSet() const { return !requestPath.isEmpty() || !replyPath.isEmpty() || !namePath.isEmpty(); }
    // Empty when the rule can be used (or is unset); otherwise one plain sentence starting "pairing rule: "
    // that names the path at fault and what is wrong with it.
    QString validate() const;

    bool operator==(const PairingRule &other) const
    {
        return requestPath == other.requestPath && replyPath == other.replyPath && namePath == other.namePath;
    }
    bool operator!=(const PairingRule &other) const { return !(*this == other); }
};

} // namespace wsi
