// RowBatchPool: the memory of RowBatches the receiving thread is done with, for the building thread's next ones.
#pragma once

#include "store/rowbatch.h"

#include <mutex>
#include <vector>

namespace wsi {

// A flood's batches are built on the capture thread and freed on the GUI thread once applied: each fresh batch was
// fresh memory (page faults on one side, unmapping on the other, a few hundred kilobytes every 16 ms). The receiving
// side gives the batches back here, emptied, and the next ones are built in their memory. Shared by the two threads
// (a shared_ptr: whichever is done last frees it); holds at most kKept.
class RowBatchPool
{
public:
    static constexpr size_t kKept = 4;

    // An empty batch, with the room of one given back if there is one.
    RowBatch take();
    void giveBack(RowBatch &&batch);

private:
    std::mutex m_mutex;
    std::vector<RowBatch> m_free;
};

} // namespace wsi
