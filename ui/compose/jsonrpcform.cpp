// JsonRpcForm: the composer's JSON-RPC 2.0 form.
#include "compose/jsonrpcform.h"

#include <QComboBox>
#include <QJsonValue>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace wsi {

JsonRpcForm::JsonRpcForm(QWidget *parent)
    : ProtocolForm(QStringLiteral("jsonrpc"), parent)
    , m_kind(new QComboBox(this))
    , m_method(new QLineEdit(this))
{
    m_kind->addItems({ QString(), QString() });
    m_kindLabel = addRow(m_kind, "jsonRpcKind");
    m_methodLabel = addRow(m_method, "jsonRpcMethod");
    m_params = addTextRow("jsonRpcParams", 3, &m_paramsLabel);
    retranslate();
}

bool JsonRpcForm::build(bool advance, QByteArray *bytes, QString *error)
{
    const QString method = m_method->text().trimmed();
    if (method.isEmpty()) {
        *error = tr("Enter the method to call.");
        return false;
    }
    QJsonValue params;
    if (!parseJson(m_params->toPlainText(), &params, error, tr("Params")))
        return false;
    if (!params.isUndefined() && !params.isArray() && !params.isObject()) {
        *error = tr("Params are an array (by position) or an object (by name).");
        return false;
    }
    if (m_kind->currentIndex() == 1) {
        *bytes = JsonRpcBuilder::notification(method, params);
        return true;
    }
    const int id = advance ? m_builder.ids().take() : m_builder.ids().peek();
    *bytes = JsonRpcBuilder::call(method, params, id);
    return true;
}

void JsonRpcForm::retranslate()
{
    m_kind->setItemText(0, tr("Call (numbered id, expects a reply)"));
    m_kind->setItemText(1, tr("Notification (no id, no reply)"));
    m_kindLabel->setText(tr("&Kind:"));
    m_methodLabel->setText(tr("&Method:"));
    m_method->setPlaceholderText(tr("e.g. eth_blockNumber"));
    m_paramsLabel->setText(tr("&Params:"));
    m_params->setPlaceholderText(tr("[1, 2] or {\"name\": \"value\"}; empty leaves params out"));
    m_params->setToolTip(tr("JSON: an array passes params by position, an object by name."));
}

} // namespace wsi
