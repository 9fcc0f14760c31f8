// The composer's Send button and, under it, the progress of a large send or of reading a file.
#pragma once

#include <QWidget>

class QProgressBar;
class QPushButton;

namespace wsi {

class SendColumn : public QWidget
{
    Q_OBJECT
public:
    explicit SendColumn(QWidget *parent = nullptr);

    QPushButton *button() const { return m_send; }
    // open: a connection can send; valid: the message parses; invalidReason names why it does not.
    void updateState(bool open, bool valid, bool repeating, const QString &invalidReason);
    // An indeterminate bar: a file is being read.
    void showReading();
    // A bar counting wire bytes written.
    void showSending(qint64 payloadSize, qint64 totalWireBytes);
    void setWritten(qint64 written);
    void hideProgress();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QPushButton *m_send = nullptr;
    QProgressBar *m_busy = nullptr;
    int m_progressShift = 0; // the bar counts bytes >> this, to stay within int
};

} // namespace wsi
