// ProtobufSchemaPicker: the Binary tab's "Schema…" button and message-type chooser for protobuf with a .proto file.
#pragma once

#include "decode/protobufschema.h"

#include <QWidget>

class QComboBox;
class QPushButton;

namespace wsi {

// Owns the loaded schema. The file and the message type are remembered in QSettings and loaded again at start,
// so a user who reads one service's messages sets it up once.
class ProtobufSchemaPicker : public QWidget
{
    Q_OBJECT
public:
    explicit ProtobufSchemaPicker(QWidget *parent = nullptr);
    ~ProtobufSchemaPicker() override;

    // What the button does once the user picked a file; tests call it instead of driving a file dialog.
    // Returns whether the file parsed; if not, schema().error() says where.
    bool setSchemaFile(const QString &path);

    const ProtobufSchema &schema() const { return m_schema; }
    QString messageType() const;
    QPushButton *schemaButton() const { return m_button; }
    QComboBox *messageTypeCombo() const { return m_types; }

Q_SIGNALS:
    // The schema or the message type changed: the shown message is to be read again.
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void load(const QString &path);
    void onChooseFile();
    void onTypeChosen();

    ProtobufSchema m_schema;
    QPushButton *m_button = nullptr;
    QComboBox *m_types = nullptr;
};

} // namespace wsi
