// SavedMessageStore: named messages the user keeps, global or per endpoint, in one JSON file.
#pragma once

#include "compose/payloadparser.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace wsi {

struct SavedMessage
{
    QString id; // stable, generated
    QString name;
    PayloadFormat format = PayloadFormat::Text;
    QString body; // as typed (hex stays hex)
    QString endpoint; // empty: global; else the URL it belongs to (scheme://host:port/path)
    QDateTime savedAt;
};

// Named messages the user keeps, global or per endpoint, in one JSON file in the app data folder. Every
// change is written at once through QSaveFile, so a crash never leaves a half-written file.
class SavedMessageStore
{
public:
    explicit SavedMessageStore(const QString &filePath);

    bool load(QString *error = nullptr); // a missing file is an empty store
    const QList<SavedMessage> &messages() const { return m_messages; }

    // Adds (empty id) or replaces (same id); returns the id, or empty with error set when the write failed.
    QString save(SavedMessage message, QString *error = nullptr);
    bool remove(const QString &id, QString *error = nullptr);

    // Case-insensitive match on name and body; endpoint-specific messages only for that endpoint.
    QList<SavedMessage> search(const QString &text, const QString &endpoint = {}) const;

    QByteArray exportJson(const QList<SavedMessage> &messages) const;
    // Adds the messages of an exported file (new ids); returns how many, or -1 with error.
    int importJson(const QByteArray &json, QString *error = nullptr);

    QString filePath() const { return m_path; }

private:
    bool write(QString *error);

    QString m_path;
    QList<SavedMessage> m_messages;
};

} // namespace wsi
