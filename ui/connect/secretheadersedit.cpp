#include "connect/secretheadersedit.h"

#include "common/theme.h"
#include "explain/secretmasker.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QToolButton>

namespace wsi {

SecretHeadersEdit::SecretHeadersEdit(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QPlainTextEdit(this))
    , m_reveal(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_edit->setObjectName(QStringLiteral("headersEdit"));
    m_edit->setPlaceholderText(tr("Authorization: Bearer \u2026\nX-Custom: value"));
    m_edit->setTabChangesFocus(true);
    m_edit->setFont(theme::monospaceFont());
    layout->addWidget(m_edit, 1);
    m_reveal->setObjectName(QStringLiteral("revealHeadersButton"));
    m_reveal->setIcon(theme::icon("eye"));
    m_reveal->setCheckable(true);
    m_reveal->setAutoRaise(true);
    m_reveal->setToolTip(tr("Show secret header values (Authorization, cookies, tokens); while they are hidden the "
                            "headers are read-only"));
    layout->addWidget(m_reveal, 0, Qt::AlignTop);
    connect(m_reveal, &QToolButton::toggled, this, [this](bool on) {
        if (m_showing)
            m_text = m_edit->toPlainText(); // keep what the user typed
        present(on);
    });
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        if (m_showing)
            Q_EMIT textChanged();
    });
    m_edit->installEventFilter(this);
    present(false);
}

bool SecretHeadersEdit::eventFilter(QObject *watched, QEvent *event)
{
    // Typed secrets are hidden once the user leaves the field, like a password that was entered.
    if (watched == m_edit && event->type() == QEvent::FocusOut && m_showing && !m_reveal->isChecked()) {
        m_text = m_edit->toPlainText();
        present(false);
    }
    return QWidget::eventFilter(watched, event);
}

SecretHeadersEdit::~SecretHeadersEdit() = default;

QString SecretHeadersEdit::maskedText(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toUtf8();
        if (!SecretMasker::isSecretHeader(name))
            continue;
        const QByteArray value = line.mid(colon + 1).trimmed().toUtf8();
        line = line.left(colon + 1) + QLatin1Char(' ') + QString::fromUtf8(SecretMasker::maskHeaderValue(name, value));
    }
    return lines.join(QLatin1Char('\n'));
}

QString SecretHeadersEdit::text() const
{
    return m_showing ? m_edit->toPlainText() : m_text;
}

void SecretHeadersEdit::setText(const QString &text)
{
    m_text = text;
    present(m_reveal->isChecked());
    Q_EMIT textChanged();
}

void SecretHeadersEdit::setHeaders(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QStringList lines;
    for (const auto &h : headers)
        lines << QString::fromUtf8(h.first + ": " + h.second);
    setText(lines.join(QLatin1Char('\n')));
}

bool SecretHeadersEdit::hasSecrets() const
{
    const QString real = text();
    return maskedText(real) != real;
}

bool SecretHeadersEdit::isRevealed() const
{
    return m_reveal->isChecked();
}

void SecretHeadersEdit::setRevealSecrets(bool reveal)
{
    if (m_reveal->isChecked() != reveal)
        m_reveal->setChecked(reveal); // toggled() presents
    else {
        if (m_showing)
            m_text = m_edit->toPlainText();
        present(reveal);
    }
}

QString SecretHeadersEdit::displayedText() const
{
    return m_edit->toPlainText();
}

void SecretHeadersEdit::present(bool reveal)
{
    const QString masked = maskedText(m_text);
    // Nothing secret: there is nothing to hide, and the user can type freely.
    m_showing = reveal || masked == m_text;
    const QSignalBlocker block(m_edit);
    m_edit->setPlainText(m_showing ? m_text : masked);
    m_edit->setReadOnly(!m_showing);
    m_edit->setToolTip(
        m_showing ? QString() : tr("Secret values are hidden. Press the eye button to see or edit them."));
}

} // namespace wsi
