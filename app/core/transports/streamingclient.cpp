// StreamingClient: one long response carries the server's messages as they happen (text/event-stream).
#include "transports/streamingclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace wsi {

StreamingClient::StreamingClient(QObject *parent)
    : HttpTransportClient(TransportKind::Streaming, parent)
{ }

void StreamingClient::begin()
{
    open();
}

void StreamingClient::open()
{
    QNetworkRequest get = request("events?after=" + QByteArray::number(lastSeq()));
    // What EventSource sends besides the page's headers.
    get.setRawHeader("Accept", "text/event-stream");
    get.setRawHeader("Cache-Control", "no-cache");
    m_buffer.clear();
    m_data.clear();
    m_stream = network()->get(get);
    connect(m_stream, &QNetworkReply::metaDataChanged, this, &TransportClient::ready);
    connect(m_stream, &QNetworkReply::readyRead, this, &StreamingClient::onReadyRead);
    connect(m_stream, &QNetworkReply::finished, this, [this, stream = m_stream] {
        stream->deleteLater();
        if (stream != m_stream || stopped())
            return;
        m_stream = nullptr;
        if (!checkFailed(stream))
            open(); // the server ended the stream: ask again from the last id, as EventSource does
    });
}

void StreamingClient::onReadyRead()
{
    if (!m_stream || stopped())
        return;
    m_buffer += m_stream->readAll();
    qsizetype start = 0;
    for (qsizetype end = m_buffer.indexOf('\n'); end >= 0; end = m_buffer.indexOf('\n', start)) {
        QByteArrayView line = QByteArrayView(m_buffer).sliced(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        start = end + 1;
        if (line.isEmpty()) {
            if (!m_data.isEmpty())
                take(m_data);
            m_data.clear();
        } else if (line.startsWith("data:")) {
            QByteArrayView value = line.sliced(5);
            if (value.startsWith(' '))
                value = value.sliced(1);
            if (!m_data.isEmpty())
                m_data += '\n';
            m_data += value;
        }
    }
    m_buffer.remove(0, start);
}

} // namespace wsi
