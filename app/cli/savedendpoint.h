// SavedEndpoint: connect --endpoint NAME, the options of an endpoint the app saved, found by name.
#pragma once

#include "endpoints/connectionoptions.h"

#include <QString>

namespace wsi {

// The CLI reads the same endpoints.json the app's Endpoints sidebar writes, so a script connects exactly as
// the user's saved endpoint does. A missing, unreadable or ambiguous name is a usage error (exit 2).
class SavedEndpoint
{
public:
    // NAME, or FOLDER/NAME where names repeat.
    static ConnectionOptions options(const QString &name);
};

} // namespace wsi
