#pragma once

#include "handshake/tlsdecisionbar.h"

#include <QPointer>
#include <QWidget>

class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QSplitter;
class QTabWidget;
class QTableView;
class QToolButton;

namespace wsi {

class Connection;
class ViewState;
class HeaderTableModel;
class AcceptComputationLabel;
class HandshakeBanner;
class HandshakeBodyView;
class HandshakeChecksList;
class HandshakeLegPicker;
class HandshakeTimingsLabel;
class TlsReportLabel;

// The opening handshake of the selected connection: request and response as tables and raw text, the
// RFC 6455 checks with the Sec-WebSocket-Accept computation step by step, timings, and a banner for
// a refused upgrade, a failure before any response, or encrypted (wss) bytes.
class HandshakeView : public QWidget
{
    Q_OBJECT
public:
    explicit HandshakeView(QWidget *parent = nullptr);
    ~HandshakeView() override;

    void setConnection(Connection *connection);
    Connection *connection() const;

    HeaderTableModel *requestHeadersModel() const { return m_requestModel; }
    HeaderTableModel *responseHeadersModel() const { return m_responseModel; }
    // "HTTP/1.1 101 Switching Protocols", or empty before the response arrives.
    QString responseStatusLine() const;
    QString bannerText() const;

    // Client leg / server leg, shown for a proxied connection only.
    HandshakeLegPicker *legPicker() const { return m_legPicker; }
    QSplitter *splitter() const { return m_splitter; }
    QSplitter *headsSplitter() const { return m_headsSplitter; }
    QSplitter *checksSplitter() const { return m_checksSplitter; }

    void refresh();

    // Secrets (Authorization, cookies, URL tokens) are masked in the tables, raw text and summary unless
    // revealed. The recorded bytes never change; copying copies what is shown.
    void setRevealSecrets(bool reveal);
    bool revealSecrets() const { return m_revealSecrets; }
    // Follows the window's view state (selected connection, reveal secrets); the eye button sets it.
    void observe(ViewState *state);
    QToolButton *revealSecretsButton() const { return m_revealButton; }
    QString requestRawText() const;
    // Selects this header's row (the request's first, else the response's) and brings its table to the front;
    // false when neither head has it. The Learn panel points at headers this way.
    bool highlightHeader(const QByteArray &name);

    // wss: the real server's certificate failed verification and the connection waits for the user.
    bool isTlsDecisionShown() const;

Q_SIGNALS:
    void revealSecretsToggled(bool reveal);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    QString shownUrl() const;
    void updateTls();
    void decideTls(wsi::TlsDecisionBar::Choice choice);
    static void setTextIfChanged(QPlainTextEdit *edit, const QString &text);

    QPointer<Connection> m_connection;
    HandshakeBanner *m_banner = nullptr;
    QLabel *m_summary = nullptr;
    QSplitter *m_splitter = nullptr;
    QSplitter *m_headsSplitter = nullptr;
    QSplitter *m_checksSplitter = nullptr;
    QTabWidget *m_requestTabs = nullptr;
    QTabWidget *m_responseTabs = nullptr;
    HeaderTableModel *m_requestModel = nullptr;
    HeaderTableModel *m_responseModel = nullptr;
    QTableView *m_requestTable = nullptr;
    QTableView *m_responseTable = nullptr;
    QPlainTextEdit *m_requestRaw = nullptr;
    QPlainTextEdit *m_responseRaw = nullptr;
    HandshakeBodyView *m_bodyPage = nullptr;
    HandshakeChecksList *m_checks = nullptr;
    AcceptComputationLabel *m_accept = nullptr;
    HandshakeTimingsLabel *m_timings = nullptr;
    QGroupBox *m_tlsBox = nullptr;
    TlsReportLabel *m_tls = nullptr;
    TlsDecisionBar *m_tlsDecision = nullptr;
    int m_lastFailedStatus = 0;
    QToolButton *m_revealButton = nullptr;
    HandshakeLegPicker *m_legPicker = nullptr;
    bool m_revealSecrets = false;
    QGroupBox *m_requestBox = nullptr;
    QGroupBox *m_responseBox = nullptr;
    QGroupBox *m_checksBox = nullptr;
    QGroupBox *m_acceptBox = nullptr;
};

} // namespace wsi
