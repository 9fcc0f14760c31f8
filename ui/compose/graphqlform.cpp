// GraphqlForm: the composer's GraphQL over WebSocket form.
#include "compose/graphqlform.h"

#include <QComboBox>
#include <QJsonObject>
#include <QJsonValue>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace wsi {

GraphqlForm::GraphqlForm(QWidget *parent)
    : ProtocolForm(QStringLiteral("graphql-ws"), parent)
    , m_flavor(new QComboBox(this))
    , m_message(new QComboBox(this))
    , m_id(new QLineEdit(this))
    , m_operationName(new QLineEdit(this))
{
    m_flavor->addItems({ QStringLiteral("graphql-transport-ws"), QStringLiteral("subscriptions-transport-ws") });
    m_message->addItems({ QStringLiteral("connection_init"), QStringLiteral("subscribe"), QStringLiteral("complete"),
        QStringLiteral("ping") });
    m_labels = { addRow(m_flavor, "graphqlFlavor"), addRow(m_message, "graphqlMessage"), addRow(m_id, "graphqlId"),
        addRow(m_operationName, "graphqlOperationName") };
    QLabel *label = nullptr;
    m_query = addTextRow("graphqlQuery", 4, &label);
    m_labels.append(label);
    m_variables = addTextRow("graphqlVariables", 2, &label);
    m_labels.append(label);
    connect(m_message, &QComboBox::currentIndexChanged, this, &GraphqlForm::retranslate);
    connect(m_flavor, &QComboBox::currentIndexChanged, this, &GraphqlForm::retranslate);
    retranslate();
}

void GraphqlForm::resetIds()
{
    m_builder.ids().reset();
    m_lastId.clear();
}

void GraphqlForm::updateRows()
{
    const int m = m_message->currentIndex();
    setRowShown(m_id, m == Subscribe || m == Complete);
    setRowShown(m_operationName, m == Subscribe);
    setRowShown(m_query, m == Subscribe);
    setRowShown(m_variables, m == Subscribe || m == ConnectionInit);
}

bool GraphqlForm::build(bool advance, QByteArray *bytes, QString *error)
{
    const auto flavor = m_flavor->currentIndex() == 0 ? GraphqlWsBuilder::Flavor::TransportWs
                                                      : GraphqlWsBuilder::Flavor::SubscriptionsTransportWs;
    QJsonValue variables;
    if (!parseJson(m_variables->toPlainText(), &variables, error, tr("Variables")))
        return false;
    if (!variables.isUndefined() && !variables.isObject()) {
        *error = tr("Variables are a JSON object.");
        return false;
    }
    const QString typedId = m_id->text().trimmed();
    switch (m_message->currentIndex()) {
    case ConnectionInit:
        *bytes = GraphqlWsBuilder::connectionInit(variables.toObject());
        return true;
    case Ping:
        *bytes = flavor == GraphqlWsBuilder::Flavor::TransportWs ? GraphqlWsBuilder::ping()
                                                                 : GraphqlWsBuilder::connectionTerminate();
        return true;
    case Complete:
        if (typedId.isEmpty() && m_lastId.isEmpty()) {
            *error = tr("Enter the id of the subscription to complete.");
            return false;
        }
        *bytes = GraphqlWsBuilder::complete(flavor, typedId.isEmpty() ? m_lastId : typedId);
        return true;
    default:
        break;
    }
    if (m_query->toPlainText().trimmed().isEmpty()) {
        *error = tr("Enter the GraphQL document (query, mutation or subscription).");
        return false;
    }
    QString id = typedId;
    if (id.isEmpty())
        id = QString::number(advance ? m_builder.ids().take() : m_builder.ids().peek());
    if (advance)
        m_lastId = id;
    *bytes = GraphqlWsBuilder::subscribe(
        flavor, id, m_query->toPlainText(), variables.toObject(), m_operationName->text().trimmed());
    return true;
}

void GraphqlForm::retranslate()
{
    const bool modern = m_flavor->currentIndex() == 0;
    m_message->setItemText(Subscribe, modern ? QStringLiteral("subscribe") : QStringLiteral("start"));
    m_message->setItemText(Complete, modern ? QStringLiteral("complete") : QStringLiteral("stop"));
    m_message->setItemText(Ping, modern ? QStringLiteral("ping") : QStringLiteral("connection_terminate"));
    const QStringList texts = { tr("P&rotocol:"), tr("&Message:"), tr("&Id:"), tr("&Operation name:"), tr("&Query:"),
        m_message->currentIndex() == ConnectionInit ? tr("&Payload:") : tr("&Variables:") };
    for (int i = 0; i < m_labels.size(); ++i)
        m_labels.at(i)->setText(texts.at(i));
    m_flavor->setToolTip(tr("graphql-transport-ws (the graphql-ws library) or the older "
                            "subscriptions-transport-ws (Apollo, subprotocol \"graphql-ws\")."));
    m_id->setPlaceholderText(tr("empty: the next number (complete: the last subscription)"));
    m_query->setPlaceholderText(QStringLiteral("subscription { ... }"));
    m_variables->setPlaceholderText(tr("a JSON object, or empty"));
    updateRows();
}

} // namespace wsi
