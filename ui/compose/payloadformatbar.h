// The composer's format bar: how the payload is read, its size, the JSON tools, frame size and variables.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace wsi {

class PayloadFormatBar : public QWidget
{
    Q_OBJECT
public:
    // The values are Composer::Format's.
    explicit PayloadFormatBar(QWidget *parent = nullptr);

    // "12 bytes", "34 KiB (34816 bytes)": the sizes the composer shows.
    static QString byteCount(qint64 n);

    int format() const;
    void setFormat(int format);
    int frameSize() const;
    void setFrameSize(int bytes);
    // What Send would send: its frame type, size and, when split, how many frames.
    void showSize(bool valid, qint64 size, bool text);
    // Called when the format changes: the JSON tools are for JSON, variables for everything but files.
    void showToolsFor(bool json, bool variablesEditable);
    // The JSON tools work on the editor's text as written, so only when that parses.
    void enableJsonTools(bool enabled);

Q_SIGNALS:
    void formatChanged();
    void prettifyRequested();
    void minifyRequested();
    void frameSizeChanged(int bytes);
    void variablesRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_frameSizeLabel = nullptr;
    QComboBox *m_format = nullptr;
    QLabel *m_sizeLabel = nullptr;
    QPushButton *m_prettify = nullptr;
    QPushButton *m_minify = nullptr;
    QSpinBox *m_frameSize = nullptr;
    QPushButton *m_variables = nullptr;
};

} // namespace wsi
