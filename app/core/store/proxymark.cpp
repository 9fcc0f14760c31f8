// ProxyMark: the stable names of the proxy's actions in the session log.
#include "store/proxymark.h"

namespace wsi {

const char *proxyActionId(ProxyMark::Action action)
{
    switch (action) {
    case ProxyMark::Action::Edited:
        return "edited";
    case ProxyMark::Action::Replaced:
        return "replaced";
    case ProxyMark::Action::Dropped:
        return "dropped";
    case ProxyMark::Action::Injected:
        return "injected";
    }
    return "edited";
}

bool proxyActionFromId(QByteArrayView id, ProxyMark::Action *action)
{
    for (ProxyMark::Action a : { ProxyMark::Action::Edited, ProxyMark::Action::Replaced, ProxyMark::Action::Dropped,
             ProxyMark::Action::Injected }) {
        if (id == QByteArrayView(proxyActionId(a))) {
            *action = a;
            return true;
        }
    }
    return false;
}

} // namespace wsi
