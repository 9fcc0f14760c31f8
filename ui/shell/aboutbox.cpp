// AboutBox: Help > About: the version, what the tool is for, and every keyboard shortcut of the window.
#include "shell/aboutbox.h"

#include <QApplication>
#include <QEvent>

namespace wsi {

namespace {

struct Shortcut
{
    const char *keys; // as printed on the keys, the same in every language
    const char *what;
};

// Grouped as the window is: connecting, the log, sending, views, files, the rest.
const Shortcut shortcuts[] = {
    { "Ctrl+N", QT_TRANSLATE_NOOP("wsi::AboutBox", "new connection") },
    { "Ctrl+L", QT_TRANSLATE_NOOP("wsi::AboutBox", "URL field") },
    { "Enter", QT_TRANSLATE_NOOP("wsi::AboutBox", "connect") },
    { "Ctrl+D", QT_TRANSLATE_NOOP("wsi::AboutBox", "disconnect") },
    { "Ctrl+Shift+D", QT_TRANSLATE_NOOP("wsi::AboutBox", "close with a code") },
    { "Ctrl+Enter", QT_TRANSLATE_NOOP("wsi::AboutBox", "send") },
    { "Ctrl+P", QT_TRANSLATE_NOOP("wsi::AboutBox", "ping") },
    { "Ctrl+1 / Ctrl+2 / Ctrl+3", QT_TRANSLATE_NOOP("wsi::AboutBox", "messages / handshake / stats") },
    { "Ctrl+Shift+F", QT_TRANSLATE_NOOP("wsi::AboutBox", "show frames") },
    { "Ctrl+F", QT_TRANSLATE_NOOP("wsi::AboutBox", "filter the log") },
    { "F3 / Shift+F3", QT_TRANSLATE_NOOP("wsi::AboutBox", "find next / previous") },
    { "Ctrl+C", QT_TRANSLATE_NOOP("wsi::AboutBox", "copy the selected log rows") },
    { "Ctrl+Shift+H", QT_TRANSLATE_NOOP("wsi::AboutBox", "compare handshakes") },
    { "Ctrl+Shift+R", QT_TRANSLATE_NOOP("wsi::AboutBox", "reveal secrets") },
    { "Ctrl+S", QT_TRANSLATE_NOOP("wsi::AboutBox", "save as endpoint") },
    { "Ctrl+O", QT_TRANSLATE_NOOP("wsi::AboutBox", "import") },
    { "Ctrl+Shift+O", QT_TRANSLATE_NOOP("wsi::AboutBox", "previous sessions") },
    { "Ctrl+E", QT_TRANSLATE_NOOP("wsi::AboutBox", "export") },
    { "Ctrl+Shift+L", QT_TRANSLATE_NOOP("wsi::AboutBox", "Learn: lessons on this window") },
    { "Ctrl+,", QT_TRANSLATE_NOOP("wsi::AboutBox", "preferences") },
    { "F1", QT_TRANSLATE_NOOP("wsi::AboutBox", "this box") },
    { "Ctrl+Q", QT_TRANSLATE_NOOP("wsi::AboutBox", "quit") },
};

} // namespace

AboutBox::AboutBox(QWidget *parent)
    : QMessageBox(parent)
{
    setObjectName(QStringLiteral("aboutBox"));
    setIconPixmap(QApplication::windowIcon().pixmap(64, 64));
    setTextFormat(Qt::RichText);
    setStandardButtons(QMessageBox::Close);
    retranslate();
}

QString AboutBox::content()
{
    QString rows;
    for (const Shortcut &s : shortcuts) {
        rows += QStringLiteral("<tr><td style=\"padding-right:16px\"><b>%1</b></td><td>%2</td></tr>")
                    .arg(QString::fromLatin1(s.keys), tr(s.what).toHtmlEscaped());
    }
    return tr("<h3>WS Inspector %1</h3>"
              "<p>A WebSocket inspector that shows the wire truth: every byte of the opening handshake "
              "and every frame header, as they crossed the wire.</p>")
               .arg(QApplication::applicationVersion())
        + QStringLiteral("<p><b>%1</b></p><table>%2</table>").arg(tr("Keyboard shortcuts"), rows);
}

void AboutBox::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMessageBox::changeEvent(event);
}

void AboutBox::retranslate()
{
    setWindowTitle(tr("About WS Inspector"));
    setText(content());
}

} // namespace wsi
