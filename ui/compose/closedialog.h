#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class CloseDialog;
}

namespace wsi {

// Asks for a close code (each standard code named, or any valid private/registered one) and a reason
// that fits the 123 bytes of UTF-8 a Close frame allows.
class CloseDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kMaxReasonBytes = 123;

    explicit CloseDialog(QWidget *parent = nullptr);
    ~CloseDialog() override;

    int code() const;
    QString reason() const;
    void setCode(int code);
    void setReason(const QString &reason);

    // Cuts text to at most maxBytes of UTF-8 without splitting a character.
    static QString truncateUtf8(const QString &text, int maxBytes);

private:
    void onCodeChanged();
    void onReasonEdited();
    void updateState();

    std::unique_ptr<Ui::CloseDialog> m_ui;
};

} // namespace wsi
