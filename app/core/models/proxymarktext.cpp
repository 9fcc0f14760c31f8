// ProxyMarkText: what the log says about a proxy's mark on a message, in the window's language.
#include "models/proxymarktext.h"

#include <QCoreApplication>

namespace wsi {

QString ProxyMarkText::word(ProxyMark::Action action)
{
    switch (action) {
    case ProxyMark::Action::Edited:
        return QCoreApplication::translate("wsi::EventLogModel", "edited");
    case ProxyMark::Action::Replaced:
        return QCoreApplication::translate("wsi::EventLogModel", "replaced");
    case ProxyMark::Action::Dropped:
        return QCoreApplication::translate("wsi::EventLogModel", "dropped");
    case ProxyMark::Action::Injected:
        return QCoreApplication::translate("wsi::EventLogModel", "injected");
    }
    return {};
}

QString ProxyMarkText::toolTip(const ProxyMark &mark)
{
    const int originalBytes = int(mark.original.size());
    switch (mark.action) {
    case ProxyMark::Action::Edited:
        return QCoreApplication::translate("wsi::EventLogModel",
            "Edited at a breakpoint: this is what went on; the Legs tab shows what arrived (%n byte(s))", nullptr,
            originalBytes);
    case ProxyMark::Action::Replaced:
        return QCoreApplication::translate("wsi::EventLogModel",
            "Changed by a match-and-replace rule: this is what went on; the Legs tab shows what arrived (%n "
            "byte(s))",
            nullptr, originalBytes);
    case ProxyMark::Action::Dropped:
        return QCoreApplication::translate(
            "wsi::EventLogModel", "Dropped by the proxy: it arrived here and never reached the other side");
    case ProxyMark::Action::Injected:
        return QCoreApplication::translate("wsi::EventLogModel", "Injected by WS Inspector: no peer sent this message");
    }
    return {};
}

} // namespace wsi
