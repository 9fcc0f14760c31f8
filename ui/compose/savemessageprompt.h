// SaveMessagePrompt: asks the name of a message to save and whether it shows for every endpoint or one.
#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace wsi {

// Two short questions, one after the other: a name (the message's start suggested), then, when a connection is
// selected, its scope. Cancelling either saves nothing.
class SaveMessagePrompt
{
    Q_DECLARE_TR_FUNCTIONS(SaveMessagePrompt)
public:
    // endpoint: the selected connection's endpoint (empty: none selected, the message is global).
    SaveMessagePrompt(const QString &suggestedName, const QString &endpoint);

    // False when the user cancelled or gave no name.
    bool ask(QWidget *parent);
    QString name() const { return m_name; }
    bool forEndpoint() const { return m_forEndpoint; }

private:
    QString m_name;
    QString m_endpoint;
    bool m_forEndpoint = false;
};

} // namespace wsi
