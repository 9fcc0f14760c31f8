#include "common/hexview.h"

#include "common/theme.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QKeySequence>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>

namespace wsi {

static const char kHexDigits[] = "0123456789abcdef";

static char printable(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return (u >= 0x20 && u < 0x7f) ? c : '.';
}

HexView::HexView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setObjectName(QStringLiteral("hexView"));
    setFont(theme::monospaceFont());
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setBackgroundRole(QPalette::Base);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    updateMetrics();
}

HexView::~HexView() = default;

void HexView::setData(const QByteArray &data)
{
    m_data = data;
    m_anchor = m_cursor = 0;
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
}

qsizetype HexView::lineCount() const
{
    return (m_data.size() + kBytesPerLine - 1) / kBytesPerLine;
}

QString HexView::lineText(qsizetype line) const
{
    const qsizetype start = line * kBytesPerLine;
    if (line < 0 || start >= m_data.size())
        return {};
    const qsizetype count = qMin<qsizetype>(kBytesPerLine, m_data.size() - start);
    QString text = QStringLiteral("%1  ").arg(start, m_offsetChars, 16, QLatin1Char('0'));
    for (int i = 0; i < kBytesPerLine; ++i) {
        if (i == 8)
            text += QLatin1Char(' ');
        if (i < count) {
            const auto b = static_cast<unsigned char>(m_data.at(start + i));
            text += QLatin1Char(kHexDigits[b >> 4]);
            text += QLatin1Char(kHexDigits[b & 0xf]);
        } else {
            text += QLatin1String("  ");
        }
        text += QLatin1Char(' ');
    }
    text += QLatin1Char(' ');
    for (qsizetype i = 0; i < count; ++i)
        text += QLatin1Char(printable(m_data.at(start + i)));
    return text;
}

QStringList HexView::visibleLinesText() const
{
    QStringList lines;
    const qsizetype first = verticalScrollBar()->value();
    const qsizetype visible = viewport()->height() / m_lineHeight + 1;
    for (qsizetype line = first; line < qMin(lineCount(), first + visible); ++line)
        lines << lineText(line);
    return lines;
}

void HexView::setSelection(qsizetype start, qsizetype end)
{
    m_anchor = qBound<qsizetype>(0, start, m_data.size());
    m_cursor = qBound<qsizetype>(0, end, m_data.size());
    viewport()->update();
}

QByteArray HexView::selectedBytes() const
{
    if (selectionStart() == selectionEnd())
        return {};
    return m_data.mid(selectionStart(), selectionEnd() - selectionStart());
}

void HexView::copyHex() const
{
    const QByteArray bytes = selectionStart() == selectionEnd() ? m_data : selectedBytes();
    QApplication::clipboard()->setText(QString::fromLatin1(bytes.toHex(' ')));
}

void HexView::copyText() const
{
    QByteArray bytes = selectionStart() == selectionEnd() ? m_data : selectedBytes();
    for (char &c : bytes)
        c = printable(c);
    QApplication::clipboard()->setText(QString::fromLatin1(bytes));
}

void HexView::selectAll()
{
    setSelection(0, m_data.size());
}

int HexView::hexX(int column) const
{
    // offset, two spaces, then "xx " per byte with one extra space after the eighth byte
    return m_margin + m_charWidth * (m_offsetChars + 2 + column * 3 + (column >= 8 ? 1 : 0));
}

int HexView::asciiX(int column) const
{
    return m_margin + m_charWidth * (m_offsetChars + 2 + kBytesPerLine * 3 + 1 + 1 + column);
}

void HexView::updateMetrics()
{
    const QFontMetrics fm(font());
    m_charWidth = fm.horizontalAdvance(QLatin1Char('0'));
    m_lineHeight = fm.height() + 2;
    updateScrollBars();
}

void HexView::updateScrollBars()
{
    const int visibleLines = qMax(1, viewport()->height() / m_lineHeight);
    const qsizetype lines = lineCount();
    verticalScrollBar()->setRange(0, int(qMax<qsizetype>(0, lines - visibleLines)));
    verticalScrollBar()->setPageStep(visibleLines);
    verticalScrollBar()->setSingleStep(1);
    const int contentWidth = asciiX(kBytesPerLine) + m_margin;
    horizontalScrollBar()->setRange(0, qMax(0, contentWidth - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
}

void HexView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const QPalette &pal = palette();
    p.fillRect(viewport()->rect(), pal.color(QPalette::Base));
    p.setFont(font());
    p.translate(-horizontalScrollBar()->value(), 0);

    const QFontMetrics fm(font());
    const qsizetype first = verticalScrollBar()->value();
    const qsizetype visible = viewport()->height() / m_lineHeight + 1;
    const qsizetype last = qMin(lineCount(), first + visible);
    const qsizetype selStart = selectionStart();
    const qsizetype selEnd = selectionEnd();
    const QColor offsetColor = pal.color(QPalette::PlaceholderText);
    const QColor textColor = pal.color(QPalette::Text);

    // Separator between the offsets and the bytes.
    const int sepX = m_margin + m_charWidth * m_offsetChars + m_charWidth;
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(sepX, 0, sepX, viewport()->height());

    for (qsizetype line = first; line < last; ++line) {
        const int y = int(line - first) * m_lineHeight;
        const int baseline = y + 1 + fm.ascent();
        const qsizetype start = line * kBytesPerLine;
        const int count = int(qMin<qsizetype>(kBytesPerLine, m_data.size() - start));

        p.setPen(offsetColor);
        p.drawText(m_margin, baseline, QStringLiteral("%1").arg(start, m_offsetChars, 16, QLatin1Char('0')));

        for (int i = 0; i < count; ++i) {
            const qsizetype pos = start + i;
            const auto b = static_cast<unsigned char>(m_data.at(pos));
            const bool selected = pos >= selStart && pos < selEnd;
            if (selected) {
                const int extend = (i < count - 1 && pos + 1 < selEnd && i != 7) ? m_charWidth : 0;
                p.fillRect(QRect(hexX(i), y, 2 * m_charWidth + extend, m_lineHeight), pal.color(QPalette::Highlight));
                p.fillRect(QRect(asciiX(i), y, m_charWidth, m_lineHeight), pal.color(QPalette::Highlight));
                p.setPen(pal.color(QPalette::HighlightedText));
            } else {
                p.setPen(textColor);
            }
            const char hex[3] = { kHexDigits[b >> 4], kHexDigits[b & 0xf], 0 };
            p.drawText(hexX(i), baseline, QLatin1String(hex));
            if (!selected)
                p.setPen((b >= 0x20 && b < 0x7f) ? textColor : offsetColor);
            p.drawText(asciiX(i), baseline, QString(QLatin1Char(printable(char(b)))));
        }
    }
    if (m_data.isEmpty()) {
        p.setPen(offsetColor);
        p.drawText(viewport()->rect().adjusted(m_margin, m_margin, 0, 0), Qt::AlignLeft | Qt::AlignTop,
            tr("No bytes to show."));
    }
}

void HexView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

qsizetype HexView::byteAt(const QPoint &viewportPos, bool clampToLine) const
{
    if (m_data.isEmpty())
        return -1;
    const int x = viewportPos.x() + horizontalScrollBar()->value();
    const qsizetype line = verticalScrollBar()->value() + qMax(0, viewportPos.y()) / m_lineHeight;
    int column = -1;
    if (x >= asciiX(0) - m_charWidth) {
        column = (x - asciiX(0)) / m_charWidth;
    } else {
        for (int i = kBytesPerLine - 1; i >= 0; --i) {
            if (x >= hexX(i)) {
                column = i;
                break;
            }
        }
    }
    if (column < 0) {
        if (!clampToLine)
            return -1;
        column = 0;
    }
    column = qBound(0, column, kBytesPerLine - 1);
    const qsizetype pos = line * kBytesPerLine + column;
    return qMin(pos, m_data.size() - 1);
}

void HexView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    const qsizetype pos = byteAt(event->position().toPoint(), true);
    if (pos < 0)
        return;
    if (event->modifiers() & Qt::ShiftModifier) {
        m_cursor = pos >= m_anchor ? pos + 1 : pos;
    } else {
        m_anchor = pos;
        m_cursor = pos + 1;
    }
    viewport()->update();
}

void HexView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return;
    const QPoint p = event->position().toPoint();
    if (p.y() < 0)
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
    else if (p.y() > viewport()->height())
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    const qsizetype pos = byteAt(p, true);
    if (pos < 0)
        return;
    // Keep the byte under the anchor selected whichever way the drag goes.
    if (pos >= m_anchor) {
        m_cursor = pos + 1;
    } else {
        m_cursor = pos;
        if (m_anchor < m_data.size() && selectionEnd() == m_anchor)
            m_anchor = m_anchor + 1;
    }
    viewport()->update();
}

void HexView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copyHex();
        return;
    }
    if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
        return;
    }
    if (event->key() == Qt::Key_Home && (event->modifiers() & Qt::ControlModifier)) {
        verticalScrollBar()->setValue(0);
        return;
    }
    if (event->key() == Qt::Key_End && (event->modifiers() & Qt::ControlModifier)) {
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void HexView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    const bool hasSelection = selectionStart() != selectionEnd();
    QAction *copyHexAction = menu.addAction(hasSelection ? tr("Copy Selection as Hex") : tr("Copy All as Hex"));
    copyHexAction->setShortcut(QKeySequence::Copy);
    connect(copyHexAction, &QAction::triggered, this, &HexView::copyHex);
    QAction *copyTextAction = menu.addAction(hasSelection ? tr("Copy Selection as Text") : tr("Copy All as Text"));
    connect(copyTextAction, &QAction::triggered, this, &HexView::copyText);
    menu.addSeparator();
    QAction *selectAllAction = menu.addAction(tr("Select All"));
    selectAllAction->setShortcut(QKeySequence::SelectAll);
    connect(selectAllAction, &QAction::triggered, this, &HexView::selectAll);
    copyHexAction->setEnabled(!m_data.isEmpty());
    copyTextAction->setEnabled(!m_data.isEmpty());
    menu.exec(event->globalPos());
}

void HexView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateMetrics();
}

} // namespace wsi
