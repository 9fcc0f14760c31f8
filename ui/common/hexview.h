#pragma once

#include <QAbstractScrollArea>
#include <QByteArray>
#include <QStringList>

namespace wsi {

// A hex dump (offset, 16 bytes in hex, ASCII) that paints only the visible lines, so a payload of
// hundreds of megabytes costs nothing more than a small one. Bytes can be selected with the mouse
// (in the hex or the ASCII column) and copied.
class HexView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    static constexpr int kBytesPerLine = 16;

    explicit HexView(QWidget *parent = nullptr);
    ~HexView() override;

    void setData(const QByteArray &data);
    const QByteArray &data() const { return m_data; }
    void clear() { setData({}); }

    // The dump line for line number `line` (0-based), exactly as painted.
    QString lineText(qsizetype line) const;
    // The dump text of the lines currently visible in the viewport.
    QStringList visibleLinesText() const;
    qsizetype lineCount() const;

    // Selection, as a half-open byte range; empty when start == end.
    void setSelection(qsizetype start, qsizetype end);
    qsizetype selectionStart() const { return qMin(m_anchor, m_cursor); }
    qsizetype selectionEnd() const { return qMax(m_anchor, m_cursor); }
    QByteArray selectedBytes() const;

    void copyHex() const; // selection (or everything) as "48 65 6c ..."
    void copyText() const; // selection (or everything) as Latin-1 text with dots for unprintables
    void selectAll();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateMetrics();
    void updateScrollBars();
    // Byte under a viewport position (hex or ASCII column), or -1 when outside the bytes.
    qsizetype byteAt(const QPoint &pos, bool clampToLine) const;
    int hexX(int column) const;
    int asciiX(int column) const;

    QByteArray m_data;
    qsizetype m_anchor = 0;
    qsizetype m_cursor = 0;
    int m_charWidth = 8;
    int m_lineHeight = 16;
    int m_offsetChars = 8;
    int m_margin = 6;
};

} // namespace wsi
