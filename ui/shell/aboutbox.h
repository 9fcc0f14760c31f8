// AboutBox: Help > About: the version, what the tool is for, and every keyboard shortcut of the window.
#pragma once

#include <QMessageBox>

namespace wsi {

// The shortcuts are listed one per row, each description translated on its own, so that a translator sees
// short phrases and the list reads as a table in either language; a language switch while the box is open
// rewrites it.
class AboutBox : public QMessageBox
{
    Q_OBJECT
public:
    explicit AboutBox(QWidget *parent = nullptr);

    // The rich text shown: heading, description and the shortcut table, in the current language.
    static QString content();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
};

} // namespace wsi
