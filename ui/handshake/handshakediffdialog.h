#pragma once

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QTableView;

namespace wsi {

class Connection;
class HandshakeDiffModel;

// Two handshakes side by side, e.g. a working attempt and a failing one: request and status lines, headers
// added (green), removed (red) and changed (old -> new), and the response bodies (a 403's text vs a 101's
// nothing). Follows both connections while their handshakes are still arriving.
class HandshakeDiffDialog : public QDialog
{
    Q_OBJECT
public:
    HandshakeDiffDialog(Connection *older, Connection *newer, bool revealSecrets, QWidget *parent = nullptr);
    ~HandshakeDiffDialog() override;

    HandshakeDiffModel *requestModel() const { return m_requestModel; }
    HandshakeDiffModel *responseModel() const { return m_responseModel; }
    QString summaryText() const;
    QString olderBodyText() const;
    QString newerBodyText() const;

    void setRevealSecrets(bool reveal);
    void refresh();

private:
    static QString bodyText(const QByteArray &body, bool truncated);
    QString sideTitle(const Connection *connection) const;

    QPointer<Connection> m_older;
    QPointer<Connection> m_newer;
    bool m_reveal = false;
    QLabel *m_summary = nullptr;
    HandshakeDiffModel *m_requestModel = nullptr;
    HandshakeDiffModel *m_responseModel = nullptr;
    QTableView *m_requestTable = nullptr;
    QTableView *m_responseTable = nullptr;
    QLabel *m_olderBodyTitle = nullptr;
    QLabel *m_newerBodyTitle = nullptr;
    QPlainTextEdit *m_olderBody = nullptr;
    QPlainTextEdit *m_newerBody = nullptr;
    QCheckBox *m_onlyDifferences = nullptr;
};

} // namespace wsi
