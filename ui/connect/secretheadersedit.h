#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QWidget>

class QPlainTextEdit;
class QToolButton;

namespace wsi {

// "Name: value" lines for request headers whose secret values (Authorization, cookies, tokens) are masked
// until revealed. While masked and holding secrets, the text is read-only: editing "••••••" would lose the
// real value. The reveal button is local; setRevealSecrets() follows the app-wide setting.
class SecretHeadersEdit : public QWidget
{
    Q_OBJECT
public:
    explicit SecretHeadersEdit(QWidget *parent = nullptr);
    ~SecretHeadersEdit() override;

    // The real text (never the masked one).
    QString text() const;
    void setText(const QString &text);
    void setHeaders(const QList<QPair<QByteArray, QByteArray>> &headers);

    bool isRevealed() const;
    void setRevealSecrets(bool reveal);
    bool hasSecrets() const;
    // What is on screen.
    QString displayedText() const;

    QPlainTextEdit *editor() const { return m_edit; }
    QToolButton *revealButton() const { return m_reveal; }

Q_SIGNALS:
    void textChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Puts the real text (or its masked form) in the editor; m_text must hold the real text.
    void present(bool reveal);
    static QString maskedText(const QString &text);

    QPlainTextEdit *m_edit = nullptr;
    QToolButton *m_reveal = nullptr;
    QString m_text; // the real text while masked (the editor holds it while revealed)
    bool m_showing = false; // the editor shows the real text
};

} // namespace wsi
