// ProtocolForm: the base of the composer's per-protocol forms (fields in a QFormLayout, built into one message).
#pragma once

#include <QWidget>

class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QSettings;
class QJsonValue;

namespace wsi {

// A form knows its protocol's terms; the panel around it shows the preview and sends. Fields are remembered
// per protocol in QSettings by their object names, so every field a form wants remembered has one.
class ProtocolForm : public QWidget
{
    Q_OBJECT
public:
    explicit ProtocolForm(const QString &protocolId, QWidget *parent = nullptr);

    QString protocolId() const { return m_protocolId; }
    // MQTT packets go in binary messages, the other protocols in text ones.
    virtual bool isBinary() const { return false; }
    // The message to send. advance: a send, which takes the next request id; otherwise (the preview) the id
    // is only looked at.
    virtual bool build(bool advance, QByteArray *bytes, QString *error) = 0;
    // A new connection numbers its ids from the start again.
    virtual void resetIds() = 0;

    void saveFields(QSettings &settings) const;
    void restoreFields(const QSettings &settings);

Q_SIGNALS:
    void changed();

protected:
    virtual void retranslate() = 0;
    void changeEvent(QEvent *event) override;
    QFormLayout *form() const { return m_form; }
    // Adds a row whose label retranslate() sets; field's edits emit changed().
    QLabel *addRow(QWidget *field, const char *objectName);
    QPlainTextEdit *addTextRow(const char *objectName, int lines, QLabel **label);
    void setRowShown(QWidget *field, bool shown);
    // JSON text to a value; empty text is undefined (left out), anything else must parse.
    static bool parseJson(const QString &text, QJsonValue *value, QString *error, const QString &what);

private:
    QString m_protocolId;
    QFormLayout *m_form = nullptr;
};

} // namespace wsi
