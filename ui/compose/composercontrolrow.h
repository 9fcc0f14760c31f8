// The composer's bottom row: ping with a payload, close with a code, and repeat a message N times.
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace wsi {

// Only the controls: the composer decides what a click sends and tells the row what is possible now.
class ComposerControlRow : public QWidget
{
    Q_OBJECT
public:
    explicit ComposerControlRow(int maxRepeatCount, QWidget *parent = nullptr);

    QByteArray pingPayload() const;
    // open: a connection can send; valid: the message parses; invalidReason names why it does not.
    void updateState(bool open, bool valid, bool repeating, const QString &invalidReason);
    void showRepeatProgress(int done, int total);

Q_SIGNALS:
    void pingRequested();
    void closeRequested();
    void repeatRequested(int count, int intervalMs);
    void stopRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLineEdit *m_pingPayload = nullptr;
    QPushButton *m_ping = nullptr;
    QPushButton *m_close = nullptr;
    QLabel *m_repeatLabel = nullptr;
    QSpinBox *m_repeatCount = nullptr;
    QLabel *m_everyLabel = nullptr;
    QSpinBox *m_repeatInterval = nullptr;
    QPushButton *m_repeat = nullptr;
    QPushButton *m_stop = nullptr;
    QProgressBar *m_repeatProgress = nullptr;
};

} // namespace wsi
