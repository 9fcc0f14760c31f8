// QtErrorText: Qt's own error texts (a socket's, a host lookup's, TLS's) recorded in English, shown translated.
#pragma once

#include "language/recordedtext.h"

#include <QString>

namespace wsi {

// Qt words a socket error in the window's language (qtbase's translator: a Korean window gets "연결이 거부됨"),
// and only the words reach us, so a row recorded from them would hold Korean. This recognises the texts Qt
// says about sockets, host lookups and TLS handshakes by translating each known source as Qt would now and
// comparing, and records the English source under this app's own context, where the Korean is this app's
// (Qt's says "SSL 악수" for a TLS handshake). A text it does not know is kept as it came (plain).
class QtErrorText
{
public:
    static RecordedText recorded(const QString &qtText);
};

} // namespace wsi
