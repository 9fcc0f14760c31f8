// ListenAddress: where the test server listens, as a command line gives it ("[host:]port").
#pragma once

#include <QHostAddress>
#include <QString>

namespace wsi {

// `wsinspector --serve [host:]port`: a port alone listens on loopback, so that nobody else can reach a server
// the user did not say to expose. The host is an IP address, as the server panel's address field takes it; an
// IPv6 address goes in brackets ("[::1]:9000"), because its own colons would hide the port's.
struct ListenAddress
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; // 0: a free port

    // On a value that is not "[host:]port" returns false with *error, one sentence that quotes the value.
    static bool parse(const QString &text, ListenAddress *out, QString *error);
};

} // namespace wsi
