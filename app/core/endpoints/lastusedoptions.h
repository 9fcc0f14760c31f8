// LastUsedOptions: what the connect bar remembers between runs, per URL and as the list of recent URLs.
#pragma once

#include "endpoints/connectionoptions.h"

#include <QStringList>

namespace wsi {

// Per URL, the part of the options that belongs to the server rather than to one attempt: the TLS files,
// version and interception (wss:// only), the timeout, keepalive and reconnect. Headers, subprotocols, Origin,
// passwords and "insecure" are never remembered: they may hold tokens, or skip a check the user should make
// each time. Kept in QSettings: "lastOptions/<url>" holds the endpoints JSON of the options (one codec for
// every stored copy of them), "connect/recentUrls" the recent URLs. The per-field keys older versions wrote
// ("endpoints/<url>/...") are merged in and removed the first time the options are looked at, so nothing the
// user set is lost. EndpointStore owns one; the GUI goes through the store.
class LastUsedOptions
{
public:
    static constexpr int kMaxRecentUrls = 20;

    // Overlays the part remembered for options->url on *options; false (and *options untouched) when that
    // URL was never used.
    bool recall(ConnectionOptions *options) const;
    void remember(const ConnectionOptions &options);

    QStringList recentUrls() const;
    // Puts url first (once), keeping at most kMaxRecentUrls.
    void addRecentUrl(const QString &url);

    // Copies the remembered part of `from` into *to: one list of fields for both directions.
    static void copyRememberedPart(const ConnectionOptions &from, ConnectionOptions *to);

private:
    void migrateOldKeys() const;

    mutable bool m_migrated = false;
};

} // namespace wsi
