#pragma once

#include "endpoints/connectionoptions.h"

#include <QGroupBox>

#include <functional>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QToolButton;

namespace wsi {

// The wss:// part of the connect options: interception, an extra CA, a client certificate for mutual TLS
// and the minimum TLS version. Remembered per endpoint URL (never the PKCS#12 password).
class TlsOptionsWidget : public QGroupBox
{
    Q_OBJECT
public:
    // Test seams: the file picker and the PKCS#12 password prompt. Null restores the real dialogs.
    using FileChooser = std::function<QString(QWidget *parent, const QString &title, const QString &filter)>;
    using PasswordPrompt = std::function<QString(QWidget *parent, const QString &file, bool *ok)>;
    static void setFileChooser(FileChooser chooser);
    static void setPasswordPrompt(PasswordPrompt prompt);

    explicit TlsOptionsWidget(QWidget *parent = nullptr);
    ~TlsOptionsWidget() override;

    // Copies the fields into options; asks for the password of a PKCS#12 file. False if the user cancelled.
    bool apply(ConnectionOptions *options);
    // How many fields differ from the defaults (for the Options button's count).
    int changedCount() const;
    void clear();
    void load(const QUrl &url);
    void save(const QUrl &url) const;

Q_SIGNALS:
    void changed();

private:
    void browse(QLineEdit *edit, const QString &title, const QString &filter);
    void updateKeyField();
    static QString settingsGroup(const QUrl &url);

    QCheckBox *m_intercept = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_certFile = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QToolButton *m_keyBrowse = nullptr;
    QComboBox *m_minVersion = nullptr;
};

} // namespace wsi
