// ProxyMarkText: what the log says about a proxy's mark on a message, in the window's language.
#pragma once

#include "store/proxymark.h"

#include <QString>

namespace wsi {

// The log's words for what an intercepting proxy did to a message: the short word beside the row's type
// ("Message · dropped") and the tooltip that says what the row holds and where the original went. Translated in
// the log's context (wsi::EventLogModel), where they were first written.
class ProxyMarkText
{
public:
    static QString word(ProxyMark::Action action);
    static QString toolTip(const ProxyMark &mark);
};

} // namespace wsi
