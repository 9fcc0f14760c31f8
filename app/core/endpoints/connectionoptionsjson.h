// ConnectionOptions to and from JSON, secrets masked unless asked (endpoint files, the store).
#pragma once

#include "endpoints/connectionoptions.h"

#include <QJsonObject>

namespace wsi {

// ConnectionOptions as JSON, every field included, for saved endpoints and their import/export files.
// Missing keys keep the defaults, so files written by older versions still load.
class ConnectionOptionsJson
{
public:
    // includeSecrets false: secret header values, secret URL query values and passwords are masked
    // (SecretMasker::kMask) or left out; *secretsRemoved says whether anything was.
    static QJsonObject toJson(
        const ConnectionOptions &options, bool includeSecrets = true, bool *secretsRemoved = nullptr);
    // False with a plain sentence in *error when a field has the wrong type or the URL is missing.
    static bool fromJson(const QJsonObject &object, ConnectionOptions *options, QString *error = nullptr);
};

} // namespace wsi
