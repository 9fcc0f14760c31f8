// JsonRpcForm: the composer's JSON-RPC 2.0 form (call with a numbered id, or notification).
#pragma once

#include "compose/jsonrpcbuilder.h"
#include "compose/protocolform.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace wsi {

class JsonRpcForm : public ProtocolForm
{
    Q_OBJECT
public:
    explicit JsonRpcForm(QWidget *parent = nullptr);

    bool build(bool advance, QByteArray *bytes, QString *error) override;
    void resetIds() override { m_builder.ids().reset(); }
    int nextId() { return m_builder.ids().peek(); }

protected:
    void retranslate() override;

private:
    JsonRpcBuilder m_builder;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_method = nullptr;
    QPlainTextEdit *m_params = nullptr;
    QLabel *m_kindLabel = nullptr;
    QLabel *m_methodLabel = nullptr;
    QLabel *m_paramsLabel = nullptr;
};

} // namespace wsi
