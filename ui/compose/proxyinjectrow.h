// ProxyInjectRow: the composer's choice of leg when the selected connection is one the proxy relays.
#pragma once

#include "proxy/framehook.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace wsi {

class Connection;
class ProxyRuleSet;

// A proxied connection has no socket of ours to write to: the composer's message goes into one of its legs
// through the window's ProxyRuleSet, to the server as the client or to the client as the server. Shown only
// for a proxied connection.
class ProxyInjectRow : public QWidget
{
    Q_OBJECT
public:
    explicit ProxyInjectRow(QWidget *parent = nullptr);

    void setRules(ProxyRuleSet *rules) { m_rules = rules; }
    static bool isProxied(const Connection *connection);
    // Its WebSocket is open and there is a rule set to inject with.
    bool canInject(Connection *connection) const;
    FrameHook::Toward toward() const;
    void setToward(FrameHook::Toward toward);
    // False with the reason when it could not go in.
    bool inject(Connection *connection, bool text, const QByteArray &payload, QString *error);
    // Why Send is off for this connection, or empty.
    QString blockedReason(Connection *connection) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    ProxyRuleSet *m_rules = nullptr;
    QLabel *m_label;
    QComboBox *m_combo;
};

} // namespace wsi
