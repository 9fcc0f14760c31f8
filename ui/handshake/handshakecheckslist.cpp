// The RFC 6455 section 4.1 checks of a handshake: one row per check, failed ones tinted.
#include "handshake/handshakecheckslist.h"

#include "common/fittedcolumn.h"
#include "common/theme.h"
#include "connection/connection.h"

#include <QEvent>
#include <QHeaderView>

namespace wsi {

HandshakeChecksList::HandshakeChecksList(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("handshakeChecks"));
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    retranslateUi();
    // The check's name as wide as the longest, at most 40%: the expected and actual values share the rest.
    header()->setSectionResizeMode(1, QHeaderView::Stretch);
    header()->setSectionResizeMode(2, QHeaderView::Stretch);
    header()->setStretchLastSection(false);
    new FittedColumn(this, header(), 0, 40);
}

void HandshakeChecksList::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi(); // the rows: the handshake view shows the connection again
    QTreeWidget::changeEvent(event);
}

void HandshakeChecksList::retranslateUi()
{
    setHeaderLabels({ tr("Check"), tr("Expected"), tr("Actual") });
}

void HandshakeChecksList::showConnection(const Connection *connection)
{
    clear();
    if (!connection)
        return;
    const QIcon passIcon = theme::icon("pass");
    const QIcon failIcon = theme::icon("fail");
    QList<QTreeWidgetItem *> items;
    // The recorded checks are in English (their words go into the log); these are the same checks, in the
    // user's language.
    const HandshakeRecord &h = connection->handshake();
    const QList<HandshakeCheckItem> checks = h.checks.isEmpty()
        ? QList<HandshakeCheckItem> {}
        : checkHandshake(h.request, h.response, TextLanguage::Translated);
    for (const HandshakeCheckItem &check : checks) {
        auto *item = new QTreeWidgetItem({ check.name, check.expected, check.actual });
        item->setIcon(0, check.passed ? passIcon : failIcon);
        QString tip = check.passed ? tr("Passed") : check.explanation;
        item->setToolTip(0, tip);
        item->setToolTip(1, check.expected);
        item->setToolTip(2, check.actual.isEmpty() ? tr("(absent)") : check.actual);
        if (!check.passed) {
            for (int col = 0; col < 3; ++col)
                item->setBackground(col, theme::toneTint(theme::Tone::Error, palette()));
        }
        items << item;
    }
    addTopLevelItems(items);
}

} // namespace wsi
