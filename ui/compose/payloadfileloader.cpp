#include "compose/payloadfileloader.h"

#include "protocol/utf8validator.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QThreadPool>

namespace wsi {

LoadedFile PayloadFileLoader::read(const QString &path)
{
    LoadedFile result;
    result.path = path;
    QFile file(path);
    if (QFileInfo(path).size() > kMaxBytes) {
        result.error = QCoreApplication::translate(
            "wsi::PayloadFileLoader", "%1 is larger than %2 MiB, the most the composer sends.")
                           .arg(QFileInfo(path).fileName())
                           .arg(kMaxBytes / (1024 * 1024));
        return result;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        result.error
            = QCoreApplication::translate("wsi::PayloadFileLoader", "Cannot read %1: %2").arg(path, file.errorString());
        return result;
    }
    result.bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        result.error
            = QCoreApplication::translate("wsi::PayloadFileLoader", "Cannot read %1: %2").arg(path, file.errorString());
        result.bytes.clear();
        return result;
    }
    result.validUtf8 = Utf8Validator::isValidUtf8(result.bytes.constData(), result.bytes.size());
    result.ok = true;
    return result;
}

void PayloadFileLoader::load(const QString &path, QObject *context, std::function<void(const LoadedFile &)> done)
{
    // QPointer is created here, on the context's thread, and only dereferenced there again.
    QPointer<QObject> guard(context);
    QThreadPool::globalInstance()->start([path, guard, done = std::move(done)]() mutable {
        auto loaded = std::make_shared<LoadedFile>(read(path));
        QMetaObject::invokeMethod(
            qApp,
            [guard, loaded, done = std::move(done)] {
                if (guard)
                    done(*loaded);
            },
            Qt::QueuedConnection);
    });
}

} // namespace wsi
