#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <functional>

namespace wsi {

// Reads a file for the composer on the thread pool, so that a 64 MiB payload never freezes the window.
struct LoadedFile
{
    QString path;
    QByteArray bytes;
    bool ok = false;
    bool validUtf8 = false;
    QString error;
};

class PayloadFileLoader
{
public:
    static constexpr qint64 kMaxBytes = qint64(512) * 1024 * 1024;

    // Calls done on context's thread (the GUI thread) once the file is read; never if context is gone by then.
    static void load(const QString &path, QObject *context, std::function<void(const LoadedFile &)> done);
    // The blocking part, for the pool and for tests.
    static LoadedFile read(const QString &path);
};

} // namespace wsi
