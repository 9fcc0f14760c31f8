// RecordingBatch: while it lives, a proxied connection's new rows are announced once, at its end.
#pragma once

#include <QPointer>

namespace wsi {

class Connection;

// Rows recorded while the proxy handles one read (or one later write of its hook's) are announced together at
// the end, after the hook marked what it did to them: whoever prints rows as they come sees the marks.
class RecordingBatch
{
public:
    explicit RecordingBatch(Connection *connection);
    ~RecordingBatch();
    RecordingBatch(const RecordingBatch &) = delete;
    RecordingBatch &operator=(const RecordingBatch &) = delete;

private:
    QPointer<Connection> m_connection; // the announcement may end it: then nothing is left to announce
};

} // namespace wsi
