// The composer's File format page: the chosen file, read off the GUI thread, and whether it goes out as text.
#pragma once

#include <QWidget>

class QCheckBox;
class QPushButton;
class QLabel;

namespace wsi {

struct LoadedFile;

class FilePayloadPage : public QWidget
{
    Q_OBJECT
public:
    explicit FilePayloadPage(QWidget *parent = nullptr);

    // Reads the file off the GUI thread; loaded() follows. A newer load makes an older one's result moot.
    void load(const QString &path);
    bool isLoading() const { return m_loading; }
    bool hasFile() const { return !m_path.isEmpty(); }
    const QByteArray &bytes() const { return m_bytes; }
    // "Send as text" is checked and the file is valid UTF-8.
    bool sendsAsText() const;
    // Refreshes what can be toggled once validation has run.
    void updateState();

Q_SIGNALS:
    // Choose File picked one; the composer loads it (and shows that it is reading).
    void fileChosen(const QString &path);
    void loaded(bool ok);
    void asTextToggled();

protected:
    void changeEvent(QEvent *event) override;

private:
    void onLoaded(const LoadedFile &file);
    void showLoadedFile();
    void retranslateUi();

    QByteArray m_bytes;
    QString m_path;
    bool m_utf8 = false;
    bool m_loading = false;
    int m_generation = 0;
    QLabel *m_label = nullptr;
    QCheckBox *m_asText = nullptr;
    QPushButton *m_choose = nullptr;
};

} // namespace wsi
