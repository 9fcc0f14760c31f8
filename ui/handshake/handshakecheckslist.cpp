// The RFC 6455 section 4.1 checks of a handshake: one row per check, failed ones tinted.
#include "handshake/handshakecheckslist.h"

#include "common/theme.h"
#include "connection/connection.h"

#include <QHeaderView>

namespace wsi {

HandshakeChecksList::HandshakeChecksList(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("handshakeChecks"));
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setHeaderLabels({ tr("Check"), tr("Expected"), tr("Actual") });
    // Six rows at most: sizing to contents costs nothing here and keeps every value readable.
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(1, QHeaderView::Stretch);
    header()->setSectionResizeMode(2, QHeaderView::Stretch);
    header()->setStretchLastSection(false);
}

void HandshakeChecksList::showConnection(const Connection *connection)
{
    clear();
    if (!connection)
        return;
    const QIcon passIcon = theme::icon("pass");
    const QIcon failIcon = theme::icon("fail");
    QList<QTreeWidgetItem *> items;
    for (const HandshakeCheckItem &check : connection->handshake().checks) {
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
