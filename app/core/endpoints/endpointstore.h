// EndpointStore: the one store of endpoint options: named endpoints, options last used per URL, recent URLs.
#pragma once

#include "endpoints/connectionoptions.h"
#include "endpoints/lastusedoptions.h"

#include <QObject>

namespace wsi {

// A connection the user keeps: its options under a name, in a folder ("" is the top level).
struct Endpoint
{
    QString id; // stable, generated
    QString name;
    QString folder;
    ConnectionOptions options;
};

// Every remembered set of connection options, in one place: the saved endpoints, in one JSON file in the app
// data folder, and what the connect bar used last per URL with the recent URLs (LastUsedOptions, in
// QSettings). Every change of the endpoints is written at once through QSaveFile, so a crash never leaves a
// half-written file. Secrets are stored as the user saved them; exports leave them out unless asked to
// include them. Defaults are ConnectionOptions' own.
class EndpointStore : public QObject
{
    Q_OBJECT
public:
    explicit EndpointStore(const QString &filePath, QObject *parent = nullptr);
    ~EndpointStore() override;

    // <app data>/endpoints.json
    static QString defaultFilePath();

    // A missing file is an empty store; an unreadable one is copied aside ("<path>.broken-<time>") and reported.
    bool load(QString *error = nullptr);
    const QList<Endpoint> &endpoints() const { return m_endpoints; }
    // Null id when there is none.
    Endpoint endpoint(const QString &id) const;
    QStringList folders() const; // sorted, without ""

    // Adds (empty id) or replaces (same id); returns the id, or empty with error set when it was refused.
    QString save(Endpoint endpoint, QString *error = nullptr);
    bool remove(const QString &id, QString *error = nullptr);
    // A copy named "<name> (copy)" in the same folder; returns its id.
    QString duplicate(const QString &id, QString *error = nullptr);

    // *secretsRemoved: whether anything was masked or left out (to tell the user).
    QByteArray exportJson(const QList<Endpoint> &endpoints, bool includeSecrets, bool *secretsRemoved = nullptr) const;
    // Merges an exported file: new ids; a name already used in the same folder becomes "name (2)", "name (3)"...
    // Returns how many were added, or -1 with an error naming the position (line and column, or entry number).
    int importJson(const QByteArray &json, QString *error = nullptr);

    // A name not yet used in this folder: name, else "name (2)", "name (3)"...
    QString uniqueName(const QString &name, const QString &folder) const;
    QString filePath() const { return m_path; }

    // The options last used per URL (only the part LastUsedOptions remembers): overlays it on *options for
    // options->url; false, leaving *options as it was, when that URL was never used.
    bool recallOptions(ConnectionOptions *options) const;
    void rememberOptions(const ConnectionOptions &options);
    // Most recent first, at most LastUsedOptions::kMaxRecentUrls.
    QStringList recentUrls() const;
    void addRecentUrl(const QString &url);

Q_SIGNALS:
    void changed(); // the saved endpoints
    void recentUrlsChanged();

private:
    bool write(QString *error);

    QString m_path;
    QList<Endpoint> m_endpoints;
    LastUsedOptions m_lastUsed;
};

} // namespace wsi
