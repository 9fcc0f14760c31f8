// RowBatchPool: the memory of RowBatches the receiving thread is done with, for the building thread's next ones.
#include "store/rowbatchpool.h"

namespace wsi {

RowBatch RowBatchPool::take()
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (m_free.empty())
        return {};
    RowBatch batch = std::move(m_free.back());
    m_free.pop_back();
    return batch;
}

void RowBatchPool::giveBack(RowBatch &&batch)
{
    batch.clear();
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (m_free.size() < kKept)
        m_free.push_back(std::move(batch));
}

} // namespace wsi
