// HandshakePanes: the header table and raw-text panes of the Handshake view, built alike for the request and the
// response (and for each leg), so that both sides of the exchange read the same way.
#pragma once

#include <QString>

class QPlainTextEdit;
class QTableView;
class QWidget;

namespace wsi {

class HeaderTableModel;

class HandshakePanes
{
public:
    // A read-only table of a head's header lines, name column first (as wide as the names, at most half the table),
    // one fixed-height row per header.
    static QTableView *headerTable(HeaderTableModel *model, const QString &objectName, QWidget *parent);
    // A read-only, selectable, unwrapped monospace view of a head's raw bytes as text.
    static QPlainTextEdit *rawView(const QString &objectName, QWidget *parent);
};

} // namespace wsi
