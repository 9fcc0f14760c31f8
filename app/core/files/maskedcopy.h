// maskedCopy(): a connection's recording with its secrets masked, for exports without secrets.
#pragma once

#include <memory>

namespace wsi {

class Connection;

// A read-only copy of a connection with its secrets masked (SecretMasker): the URL, the request target, and
// secret header values in both handshake heads. Exports write the copy, so the live connection and what the
// user sees are never changed. Everything else (messages, frames, timings) is copied byte for byte.
class MaskedCopy
{
public:
    static std::unique_ptr<Connection> make(const Connection &connection);
};

} // namespace wsi
