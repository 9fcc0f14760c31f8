// The banner above a handshake: a certificate decision, a refused upgrade, a failure or encryption.
#include "handshake/handshakebanner.h"

#include "common/theme.h"
#include "connection/connection.h"
#include "protocol/handshakecheck.h"

namespace wsi {

HandshakeBanner::HandshakeBanner(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("handshakeBanner"));
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void HandshakeBanner::showMessage(int tone, const QString &html)
{
    if (html.isEmpty()) {
        hide();
        clear();
        return;
    }
    setStyleSheet(theme::bannerStyleSheet(static_cast<theme::Tone>(tone), palette()));
    setText(html);
    show();
}

void HandshakeBanner::showConnection(const Connection &c, const QString &shownUrl)
{
    const HandshakeRecord &h = c.handshake();
    const HttpHead &response = h.response;
    // A certificate decision first, a refused upgrade, a failure before any response, then encryption.
    if (c.awaitingTlsDecision()) {
        QString html = tr("<b>The certificate of %1 failed verification.</b> The connection is paused until you "
                          "decide.")
                           .arg(h.tls.host.toHtmlEscaped());
        for (const QString &error : h.tls.errorTexts)
            html += QStringLiteral("<br/>\u2022 ") + error.toHtmlEscaped();
        showMessage(int(theme::Tone::Warning), html);
    } else if (response.status != 0 && response.status != 101) {
        QString html = QStringLiteral("<b>HTTP %1 %2</b> \u2014 the server did not upgrade to WebSocket.<br/>%3")
                           .arg(response.status)
                           .arg(QString::fromLatin1(response.reason).toHtmlEscaped(),
                               upgradeStatusExplanation(response.status, TextLanguage::Translated).toHtmlEscaped());
        if (!h.responseBody.isEmpty())
            html += tr("<br/>The response body (%1 bytes) is in the Response \u2192 Body tab.")
                        .arg(h.responseBody.size());
        showMessage(int(theme::Tone::Error), html);
    } else if (c.state() == Connection::State::Failed && response.status == 0) {
        const QString why
            = c.statusText().isEmpty() ? tr("The connection failed before any response arrived.") : c.statusText();
        showMessage(int(theme::Tone::Error),
            QStringLiteral("<b>%1</b><br/>%2").arg(tr("No handshake response."), why.toHtmlEscaped()));
    } else if (h.encrypted) {
        showMessage(int(theme::Tone::Info),
            tr("<b>Encrypted (wss://), not intercepted.</b> The bytes on the wire are TLS records, so the handshake "
               "and frames cannot be shown exactly as sent. The request table lists the headers the app set; "
               "messages are recorded as the socket delivered them."));
    } else if (c.state() == Connection::State::Connecting && h.request.raw.isEmpty()) {
        showMessage(int(theme::Tone::Info), tr("Connecting to %1\u2026").arg(shownUrl.toHtmlEscaped()));
    } else {
        showMessage(0, {});
    }
}

} // namespace wsi
