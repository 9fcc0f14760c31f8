// StreamingClient: one long response carries the server's messages as they happen (text/event-stream).
#pragma once

#include "transports/httptransportclient.h"

namespace wsi {

// Streaming as a page's EventSource does it: one GET whose response never ends, read as it arrives, each
// event "id: N / data: ..." followed by a blank line. Should the server end it, it asks again from the last
// id it saw. Messages up go by POST, since a response cannot carry them.
class StreamingClient : public HttpTransportClient
{
    Q_OBJECT
public:
    explicit StreamingClient(QObject *parent = nullptr);

protected:
    void begin() override;

private:
    void open();
    void onReadyRead();

    QNetworkReply *m_stream = nullptr;
    QByteArray m_buffer; // a line not complete yet
    QByteArray m_data; // the data lines of the event being read
};

} // namespace wsi
