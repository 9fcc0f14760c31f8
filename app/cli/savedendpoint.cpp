// SavedEndpoint: connect --endpoint NAME, the options of an endpoint the app saved, found by name.
#include "savedendpoint.h"

#include "endpoints/endpointstore.h"
#include "usage.h"

#include <QCoreApplication>

namespace wsi {

namespace {

// As the other usage errors quote what the user typed: long values cut, so the message stays one line.
QString quoted(const QString &text)
{
    constexpr int kShown = 60;
    return QLatin1Char('"') + (text.size() > kShown ? text.left(kShown) + QStringLiteral("...") : text)
        + QLatin1Char('"');
}

} // namespace

ConnectionOptions SavedEndpoint::options(const QString &name)
{
    EndpointStore store(EndpointStore::defaultFilePath());
    QString error;
    if (!store.load(&error))
        usageError(QCoreApplication::translate("wsi::Cli", "--endpoint: the saved endpoints in %1 cannot be read: %2")
                       .arg(quoted(store.filePath()), error));
    QList<Endpoint> matches;
    for (const Endpoint &e : store.endpoints()) {
        if (e.name == name || (!e.folder.isEmpty() && e.folder + QLatin1Char('/') + e.name == name))
            matches.append(e);
    }
    if (matches.isEmpty())
        usageError(
            QCoreApplication::translate("wsi::Cli", "--endpoint %1: no saved endpoint has that name (%2 saved in %3).")
                .arg(quoted(name))
                .arg(store.endpoints().size())
                .arg(quoted(store.filePath())));
    if (matches.size() > 1)
        usageError(QCoreApplication::translate(
            "wsi::Cli", "--endpoint %1: %2 saved endpoints have that name; write FOLDER/NAME.")
                       .arg(quoted(name))
                       .arg(matches.size()));
    return matches.first().options;
}

} // namespace wsi
