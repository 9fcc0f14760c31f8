// PerMessageDeflateParams: what a handshake negotiated for permessage-deflate, per direction (RFC 7692 7.1).
#pragma once

#include "protocol/permessagedeflateoffer.h"

#include <QByteArray>
#include <QString>

namespace wsi {

// The negotiated parameters of one connection. "Server" parameters govern what the server sends (and the
// client inflates), "client" ones what the client sends.
struct PerMessageDeflateParams
{
    bool serverNoContextTakeover = false;
    bool clientNoContextTakeover = false;
    int serverMaxWindowBits = 15;
    int clientMaxWindowBits = 15;

    // The parameters a valid response puts in force.
    static PerMessageDeflateParams fromResponse(const PerMessageDeflateOffer &response);
    // What a server that keeps its defaults answers to one valid offer: the offer's own requests granted.
    static PerMessageDeflateParams acceptingOffer(const PerMessageDeflateOffer &offer);

    // The window and the takeover rule of one direction's compressor (and so of its inflater).
    int windowBits(bool sentByServer) const { return sentByServer ? serverMaxWindowBits : clientMaxWindowBits; }
    bool noContextTakeover(bool sentByServer) const
    {
        return sentByServer ? serverNoContextTakeover : clientNoContextTakeover;
    }

    // The response element: "permessage-deflate; server_no_context_takeover; client_max_window_bits=10"
    // (parameters at their default are left out).
    QByteArray toResponseValue() const;
    // For a connection's details: "context takeover: both ways; window bits: server 15, client 15".
    QString summary() const;
    bool operator==(const PerMessageDeflateParams &o) const;
};

} // namespace wsi
