// MessageTemplate: resolves {{timestamp}}, {{uuid}}, {{counter}}, {{random:N}} and user variables at send time.
#pragma once

#include <QHash>
#include <QString>

namespace wsi {

// Resolves {{variables}} in a message at send time: {{timestamp}} (ms since the epoch), {{iso8601}},
// {{uuid}}, {{counter}} (1, 2, 3, ... per template instance), {{random:N}} (N random alphanumerics,
// N <= 4096), and user-defined {{name}}. An unknown variable is left as written and reported.
class MessageTemplate
{
public:
    MessageTemplate() = default;

    void setUserVariables(const QHash<QString, QString> &variables) { m_user = variables; }

    // Each call advances {{counter}} once if the text uses it.
    QString resolve(const QString &text, QStringList *unknown = nullptr);
    // Like resolve() but without advancing the counter (for a live preview).
    QString preview(const QString &text, QStringList *unknown = nullptr) const;

    quint64 counter() const { return m_counter; }
    void resetCounter() { m_counter = 0; }

private:
    QString substitute(const QString &text, quint64 counter, QStringList *unknown) const;

    QHash<QString, QString> m_user;
    quint64 m_counter = 0;
};

} // namespace wsi
