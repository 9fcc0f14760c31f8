#pragma once

#include <QString>
#include <functional>

class QWidget;

namespace wsi {

// The composer's file pickers, behind a seam so that GUI tests never block in a native dialog.
class FileDialogs
{
public:
    enum class Mode { Open, Save };
    using Handler = std::function<QString(Mode mode, const QString &caption, const QString &filter)>;

    static QString openFile(QWidget *parent, const QString &caption, const QString &filter = {});
    static QString saveFile(QWidget *parent, const QString &caption, const QString &filter = {});

    // Tests: answer every dialog with this handler (an empty string is "cancelled"); nullptr restores dialogs.
    static void setHandler(Handler handler);
};

} // namespace wsi
