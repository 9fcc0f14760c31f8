// ComparePartners: which two connections Compare Handshakes compares.
#include "shell/comparepartners.h"

#include "connection/connection.h"

#include <algorithm>

namespace wsi {

QList<Connection *> ComparePartners::choose(
    const QList<Connection *> &selected, Connection *current, const QList<Connection *> &all)
{
    QList<Connection *> chosen = selected;
    if (chosen.size() != 2 && current) {
        Connection *one = current;
        const qsizetype at = all.indexOf(one);
        Connection *partner = nullptr;
        for (qsizetype i = at - 1; i >= 0 && !partner; --i) {
            if (all.at(i)->url() == one->url())
                partner = all.at(i);
        }
        for (qsizetype i = at + 1; i < all.size() && !partner; ++i) {
            if (all.at(i)->url() == one->url())
                partner = all.at(i);
        }
        chosen = { one };
        if (partner)
            chosen.prepend(partner);
    }
    if (chosen.size() != 2)
        return {};
    std::sort(chosen.begin(), chosen.end(), [](Connection *a, Connection *b) { return a->id() < b->id(); });
    return chosen;
}

} // namespace wsi
