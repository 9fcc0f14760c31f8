// ConnectionOptionsEditor: the one editor of ConnectionOptions, used by the connect bar and the endpoint dialog.
#pragma once

#include "endpoints/connectionoptions.h"

#include <QWidget>

#include <functional>
#include <memory>

class QDoubleSpinBox;
class QLineEdit;

namespace Ui {
class ConnectionOptionsEditor;
}

namespace wsi {

class SecretHeadersEdit;

// Request headers, subprotocols, Origin, timeout, protocol decoding and pairing rule, TLS, keepalive and
// reconnect: every field of ConnectionOptions but the URL. One form (connectionoptionseditor.ui) for every
// place that edits options, so that they read the fields the same way; the defaults are those of
// ConnectionOptions.
class ConnectionOptionsEditor : public QWidget
{
    Q_OBJECT
public:
    // Test seam: the file picker of the Browse buttons. Null restores the real dialog.
    using FileChooser = std::function<QString(QWidget *parent, const QString &title, const QString &filter)>;
    static void setFileChooser(FileChooser chooser);

    explicit ConnectionOptionsEditor(QWidget *parent = nullptr);
    ~ConnectionOptionsEditor() override;

    // Shows these options. What the editor does not show (the URL, the close grace) is kept for options().
    void setOptions(const ConnectionOptions &options);
    // Like setOptions, but the headers stay as typed (they may not parse yet).
    void showOptions(const ConnectionOptions &options);
    // Every field as shown, except the headers, which are those set last (options() parses the typed ones).
    ConnectionOptions shownOptions() const;
    // The options as edited, over the ones set last. False with a sentence in *error when a header line is
    // malformed, the pairing rule has a bad path or the reconnect delays contradict each other;
    // ConnectionOptions::validate() checks the rest.
    bool options(ConnectionOptions *options, QString *error) const;
    // Back to ConnectionOptions' defaults (the URL set last is kept).
    void clear();
    // How many settings differ from the defaults (for the connect bar's Options button).
    int changedCount() const;

    SecretHeadersEdit *headersEdit() const;
    void setRevealSecrets(bool reveal);

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate(); // the texts set in code; the form's own come from retranslateUi
    void browse(QLineEdit *edit, const QString &title, const QString &filter);
    void updateEnabled();
    // Seconds on screen, milliseconds in the options; a value the user did not touch keeps its exact ms.
    static int msOf(const QDoubleSpinBox *spin, int shownMs);
    static void showMs(QDoubleSpinBox *spin, int ms);

    std::unique_ptr<Ui::ConnectionOptionsEditor> m_ui;
    ConnectionOptions m_base; // what was set last: the fields not shown, and the exact values behind rounding
};

} // namespace wsi
