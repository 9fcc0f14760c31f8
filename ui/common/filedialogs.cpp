#include "common/filedialogs.h"

#include <QFileDialog>

namespace wsi {

static FileDialogs::Handler &handler()
{
    static FileDialogs::Handler h;
    return h;
}

QString FileDialogs::openFile(QWidget *parent, const QString &caption, const QString &filter)
{
    if (handler())
        return handler()(Mode::Open, caption, filter);
    return QFileDialog::getOpenFileName(parent, caption, QString(), filter);
}

QString FileDialogs::saveFile(QWidget *parent, const QString &caption, const QString &filter)
{
    if (handler())
        return handler()(Mode::Save, caption, filter);
    return QFileDialog::getSaveFileName(parent, caption, QString(), filter);
}

void FileDialogs::setHandler(Handler h)
{
    handler() = std::move(h);
}

} // namespace wsi
