// CacheClient: what the PayloadCache can write out and free: payload chunks and record blocks.
#pragma once

#include <QtGlobal>

namespace wsi {

// A holder of full, immutable chunks listed in the PayloadCache (PayloadArena's payload chunks, RecordBlocks'
// record blocks). When over its budget the cache asks the least recently used chunk's holder to evict it.
class CacheClient
{
public:
    virtual ~CacheClient() = default;
    // Writes the chunk to the spill file (once), frees its memory and leaves the cache (PayloadCache::remove);
    // false if it could not be written (it stays).
    virtual bool evict(quint32 chunk) = 0;
};

} // namespace wsi
