// ComparePartners: which two connections Compare Handshakes compares.
#pragma once

#include <QList>

namespace wsi {

class Connection;

class ComparePartners
{
public:
    // The two selected ones; else the current one and its natural partner: the attempt before it at the same URL
    // (else the one after). Sorted by id, so the older handshake is on the left. Fewer than two: nothing to compare.
    static QList<Connection *> choose(
        const QList<Connection *> &selected, Connection *current, const QList<Connection *> &all);
};

} // namespace wsi
