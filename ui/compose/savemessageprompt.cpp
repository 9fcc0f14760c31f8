// SaveMessagePrompt: asks the name of a message to save and whether it shows for every endpoint or one.
#include "compose/savemessageprompt.h"

#include <QInputDialog>
#include <QLineEdit>

namespace wsi {

SaveMessagePrompt::SaveMessagePrompt(const QString &suggestedName, const QString &endpoint)
    : m_name(suggestedName)
    , m_endpoint(endpoint)
{ }

bool SaveMessagePrompt::ask(QWidget *parent)
{
    bool ok = false;
    const QString name
        = QInputDialog::getText(parent, tr("Save Message"), tr("Name:"), QLineEdit::Normal, m_name, &ok).trimmed();
    if (!ok || name.isEmpty())
        return false;
    m_name = name;
    m_forEndpoint = false;
    if (m_endpoint.isEmpty())
        return true;
    const QStringList scopes = { tr("Global (every endpoint)"), tr("Only %1").arg(m_endpoint) };
    const QString scope = QInputDialog::getItem(parent, tr("Save Message"), tr("Show it for:"), scopes, 0, false, &ok);
    if (!ok)
        return false;
    m_forEndpoint = scope == scopes.at(1);
    return true;
}

} // namespace wsi
