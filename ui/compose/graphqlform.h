// GraphqlForm: the composer's GraphQL over WebSocket form (connection_init, subscribe, complete, ping).
#pragma once

#include "compose/graphqlwsbuilder.h"
#include "compose/protocolform.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace wsi {

// graphql-transport-ws or the older subscriptions-transport-ws; subscribe takes the next numbered id when the
// Id field is empty, and complete then stops the last subscription.
class GraphqlForm : public ProtocolForm
{
    Q_OBJECT
public:
    enum Message { ConnectionInit, Subscribe, Complete, Ping };

    explicit GraphqlForm(QWidget *parent = nullptr);

    bool build(bool advance, QByteArray *bytes, QString *error) override;
    void resetIds() override;

protected:
    void retranslate() override;

private:
    void updateRows();

    GraphqlWsBuilder m_builder;
    QString m_lastId;
    QComboBox *m_flavor = nullptr;
    QComboBox *m_message = nullptr;
    QLineEdit *m_id = nullptr;
    QLineEdit *m_operationName = nullptr;
    QPlainTextEdit *m_query = nullptr;
    QPlainTextEdit *m_variables = nullptr;
    QList<QLabel *> m_labels;
};

} // namespace wsi
