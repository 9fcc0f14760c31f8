#pragma once

#include "protocol/frameencoder.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace wsi {

class Connection;

// Raw frame mode, for testing servers: a frame composed field by field (valid or deliberately not) that
// the wire tap injects upstream at the next frame boundary.
class RawFramePanel : public QWidget
{
    Q_OBJECT
public:
    explicit RawFramePanel(QWidget *parent = nullptr);
    ~RawFramePanel() override;

    void setConnection(Connection *connection);

    // The frame as the fields describe it, or false with the reason (e.g. a bad mask key).
    bool spec(RawFrameSpec *spec, QString *error) const;
    void applySpec(const RawFrameSpec &spec);
    bool applyPreset(const QString &id);

    // Injects the frame; on failure the reason is shown under the fields.
    bool send();
    QString errorText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_warning = nullptr;
    QLabel *m_opcodeLabel = nullptr;
    QLabel *m_payloadLabel = nullptr;
    void updateState();
    void showMessage(const QString &text, bool error);

    QPointer<Connection> m_connection;
    QCheckBox *m_fin = nullptr;
    QCheckBox *m_rsv[3] = {};
    QComboBox *m_opcode = nullptr;
    QCheckBox *m_masked = nullptr;
    QLineEdit *m_maskKey = nullptr;
    QComboBox *m_payloadFormat = nullptr;
    QPlainTextEdit *m_payload = nullptr;
    QToolButton *m_presets = nullptr;
    QPushButton *m_send = nullptr;
    QLabel *m_message = nullptr;
    bool m_lastError = false;
};

} // namespace wsi
