// OutgoingSocketTls: the TLS an outgoing connection's QWebSocket speaks itself, and what its verification errors say.
#include "connection/outgoingsockettls.h"

#include "connection/connection.h"
#include "connection/interceptiontls.h"
#include "endpoints/clienttlssettings.h"
#include "language/recordedtext.h"
#include "tls/certificateauthority.h"
#include "tls/tlsreport.h"

#include <QSslConfiguration>
#include <QSslError>
#include <QWebSocket>

namespace wsi {

OutgoingSocketTls::OutgoingSocketTls(Connection *connection, QWebSocket *socket, const ClientTlsSettings &tls,
    const InterceptionTls *interception, bool secure)
    : m_connection(connection)
    , m_socket(socket)
{
    if (interception) {
        // This socket talks TLS only with the tap, and trusts nothing but the inspector's own CA.
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setCaCertificates({ interception->authority()->certificate() });
        m_socket->setSslConfiguration(config);
    } else if (secure) {
        // Interception off: the socket's own TLS is the real one, so the TLS options apply to it.
        m_socket->setSslConfiguration(tls.applyTo(QSslConfiguration::defaultConfiguration()));
    }
}

void OutgoingSocketTls::onSslErrors(const QList<QSslError> &errors)
{
    const ConnectionOptions &options = m_connection->options();
    // TlsReport words the errors in the window's language: made again in English for the record.
    auto reasons = [errors, host = options.url.host()](const QString &separator) {
        return RecordedText::captured([errors, host, separator] {
            QStringList words;
            for (const QSslError &e : errors)
                words << TlsReport::explain(e, host);
            return words.join(separator);
        });
    };
    if (options.insecure) {
        m_socket->ignoreSslErrors(errors);
        m_connection->reportInfo(RecordedText("wsi::Connection",
            QT_TRANSLATE_NOOP("wsi::Connection", "Proceeding despite certificate errors (insecure): %1"))
                                     .arg(reasons(QStringLiteral(" "))));
        return;
    }
    m_connection->reportError(ErrorLayer::Tls,
        RecordedText("wsi::Connection",
            QT_TRANSLATE_NOOP("wsi::Connection",
                "TLS certificate verification failed for %1: %2. The connection was not "
                "trusted; check the server's certificate."))
            .arg(options.url.host())
            .arg(reasons(QStringLiteral("; "))));
}

} // namespace wsi
