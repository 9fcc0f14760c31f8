// The body of a refused upgrade: text when it is text, otherwise a hex dump.
#include "handshake/handshakebodyview.h"

#include "common/hexview.h"
#include "common/theme.h"
#include "store/handshakerecord.h"

#include <QPlainTextEdit>
#include <QStackedLayout>
#include <QStringDecoder>

namespace wsi {

namespace {

bool looksLikeText(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return false;
    for (QChar c : text) {
        if (c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\r') && c != QLatin1Char('\t'))
            return false;
    }
    return true;
}

// Refreshes come with every handshake update: leave the text (and the user's selection) alone when unchanged.
void setTextIfChanged(QPlainTextEdit *edit, const QString &text)
{
    if (edit->toPlainText() != text)
        edit->setPlainText(text);
}

} // namespace

HandshakeBodyView::HandshakeBodyView(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedLayout(this))
{
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("responseBodyText"));
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setFont(theme::monospaceFont());
    m_hex = new HexView(this);
    m_hex->setObjectName(QStringLiteral("responseBodyHex"));
    m_stack->addWidget(m_text);
    m_stack->addWidget(m_hex);
}

void HandshakeBodyView::showHandshake(const HandshakeRecord &h)
{
    const int status = h.response.status;
    if (h.responseBody.isEmpty()) {
        m_stack->setCurrentWidget(m_text);
        setTextIfChanged(m_text,
            status == 101 || status == 0 ? tr("(No body: a 101 response ends with its head.)")
                                         : tr("(The response had no body.)"));
        m_hex->clear();
    } else if (looksLikeText(h.responseBody)) {
        m_stack->setCurrentWidget(m_text);
        QString text = QString::fromUtf8(h.responseBody);
        if (h.responseBodyTruncated)
            text += tr("\n\n(Body truncated: only the first %1 bytes were kept.)").arg(h.responseBody.size());
        setTextIfChanged(m_text, text);
    } else {
        m_stack->setCurrentWidget(m_hex);
        if (m_hex->data() != h.responseBody)
            m_hex->setData(h.responseBody);
    }
}

void HandshakeBodyView::clear()
{
    m_text->clear();
    m_hex->clear();
}

} // namespace wsi
