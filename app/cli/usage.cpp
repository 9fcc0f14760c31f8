#include "usage.h"

#include <QCoreApplication>
#include <cstdio>
#include <cstdlib>

namespace wsi {

void usageError(const QString &message)
{
    std::fprintf(stderr, "wsinspector-cli: %s\n", message.toLocal8Bit().constData());
    std::exit(ExitUsage);
}

qint64 parseBoundedInt(const QString &text, const QString &option, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max)
        usageError(QCoreApplication::translate("wsi::Cli", "--%1 needs a whole number from %2 to %3, not \"%4\".")
                       .arg(option)
                       .arg(min)
                       .arg(max)
                       .arg(text));
    return value;
}

QString toolName()
{
    return QStringLiteral("wsinspector-cli %1").arg(QCoreApplication::applicationVersion());
}

} // namespace wsi
