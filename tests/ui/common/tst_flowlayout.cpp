// FlowLayout: one line when there is room, group by group onto further lines when not, never narrower than its
// widest group; what grows takes the room left on its line.
#include "common/flowlayout.h"

#include <QBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

using namespace wsi;

class TestFlowLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneLineWhenThereIsRoom();
    void wrapsGroupByGroupWhenNarrow();
    void theMinimumIsTheWidestGroup();
    void aGrowingWidgetTakesTheRoomLeft();
    void aGrowingGroupTakesTheRoomLeftUpToItsMaximum();
    void hiddenWidgetsTakeNoRoom();
};

namespace {

QPushButton *fixedButton(QWidget *parent, int width)
{
    auto *button = new QPushButton(parent);
    button->setFixedSize(width, 20);
    return button;
}

// Three groups of 100, 150 and 80 px with 10 px between items.
struct Row
{
    QWidget widget;
    FlowLayout *layout = new FlowLayout(&widget, 10);
    QPushButton *a1, *a2, *b, *c;

    Row()
    {
        QBoxLayout *first = layout->addGroup();
        first->setSpacing(10);
        a1 = fixedButton(&widget, 45);
        a2 = fixedButton(&widget, 45);
        first->addWidget(a1);
        first->addWidget(a2);
        b = fixedButton(&widget, 150);
        layout->addWidget(b);
        layout->addStretch();
        c = fixedButton(&widget, 80);
        layout->addWidget(c);
    }

    void showAt(int width)
    {
        widget.resize(width, layout->heightForWidth(width));
        widget.show();
        layout->activate();
        layout->setGeometry(QRect(0, 0, width, widget.height()));
    }
};

} // namespace

void TestFlowLayout::oneLineWhenThereIsRoom()
{
    Row row;
    // A spacer adds no width and no gap of its own.
    QCOMPARE(row.layout->sizeHint().width(), 100 + 10 + 150 + 10 + 80);
    row.showAt(500);
    QCOMPARE(row.layout->heightForWidth(500), 20);
    QCOMPARE(row.a1->geometry().topLeft(), QPoint(0, 0));
    QCOMPARE(row.a2->x(), 55);
    QCOMPARE(row.b->geometry().topLeft(), QPoint(110, 0));
    // The stretch takes what is left, so the last group sits at the right edge, as in a QHBoxLayout.
    QCOMPARE(row.c->geometry(), QRect(420, 0, 80, 20));
}

void TestFlowLayout::wrapsGroupByGroupWhenNarrow()
{
    Row row;
    QCOMPARE(row.layout->heightForWidth(300), 20 + 10 + 20);
    row.showAt(300);
    QCOMPARE(row.a1->y(), 0);
    QCOMPARE(row.a2->y(), 0); // a group never splits
    QCOMPARE(row.b->geometry().topLeft(), QPoint(110, 0));
    QCOMPARE(row.c->geometry().topLeft(), QPoint(0, 30));

    QCOMPARE(row.layout->heightForWidth(160), 20 + 10 + 20 + 10 + 20);
    row.showAt(160);
    QCOMPARE(row.a2->geometry().topLeft(), QPoint(55, 0));
    QCOMPARE(row.b->geometry().topLeft(), QPoint(0, 30));
    QCOMPARE(row.c->geometry().topLeft(), QPoint(0, 60));
    for (QWidget *w : { static_cast<QWidget *>(row.a1), static_cast<QWidget *>(row.a2), static_cast<QWidget *>(row.b),
             static_cast<QWidget *>(row.c) })
        QVERIFY2(QRect(0, 0, 160, row.widget.height()).contains(w->geometry()), qPrintable(w->objectName()));
}

void TestFlowLayout::theMinimumIsTheWidestGroup()
{
    Row row;
    QCOMPARE(row.layout->minimumSize().width(), 150);
    row.layout->setContentsMargins(4, 2, 4, 2);
    QCOMPARE(row.layout->minimumSize(), QSize(158, 24));
    QVERIFY(row.layout->hasHeightForWidth());
}

void TestFlowLayout::aGrowingWidgetTakesTheRoomLeft()
{
    QWidget widget;
    auto *layout = new FlowLayout(&widget, 10);
    auto *field = new QLineEdit(&widget);
    layout->addWidget(field);
    QPushButton *button = fixedButton(&widget, 80);
    layout->addWidget(button);
    const int width = field->sizeHint().width() + 10 + 80 + 200;
    widget.resize(width, 40);
    widget.show();
    layout->setGeometry(QRect(0, 0, width, 40));
    QCOMPARE(field->width(), field->sizeHint().width() + 200);
    QCOMPARE(button->x(), width - 80);

    // A maximum width holds: the rest of the room stays empty.
    field->setMaximumWidth(field->sizeHint().width() + 50);
    layout->setGeometry(QRect(0, 0, width, 40));
    QCOMPARE(field->width(), field->sizeHint().width() + 50);
    field->setMaximumWidth(QWIDGETSIZE_MAX);

    // Too narrow for its size hint and the button: the field wraps the button onto a line of its own...
    const int narrow = field->sizeHint().width() + 10 + 80 - 30;
    widget.resize(narrow, 80);
    layout->setGeometry(QRect(0, 0, narrow, layout->heightForWidth(narrow)));
    QVERIFY(button->y() > field->y());
    // ... unless it has a minimum width: it is placed at that and takes what the button leaves.
    field->setMinimumWidth(field->sizeHint().width() - 60);
    layout->setGeometry(QRect(0, 0, narrow, layout->heightForWidth(narrow)));
    QCOMPARE(button->geometry().center().y(), field->geometry().center().y());
    QCOMPARE(field->width(), narrow - 10 - 80);
    QCOMPARE(layout->heightForWidth(narrow), qMax(20, field->sizeHint().height()));
}

// The log's find field and its arrows: the field widens into the room its line leaves, the arrows keep their size and
// stay beside it, and a plain group beside it does not grow.
void TestFlowLayout::aGrowingGroupTakesTheRoomLeftUpToItsMaximum()
{
    QWidget widget;
    auto *layout = new FlowLayout(&widget, 10);
    QBoxLayout *plain = layout->addGroup();
    QPushButton *label = fixedButton(&widget, 60);
    plain->addWidget(label);
    QBoxLayout *find = layout->addGroup(FlowLayout::Growth::TakesRoomLeft);
    find->setSpacing(4);
    auto *field = new QLineEdit(&widget);
    field->setMaximumWidth(field->sizeHint().width() + 100);
    find->addWidget(field, 1);
    QPushButton *arrow = fixedButton(&widget, 20);
    find->addWidget(arrow);
    const int width = 60 + 10 + field->sizeHint().width() + 4 + 20 + 60;
    widget.resize(width, 40);
    widget.show();
    layout->setGeometry(QRect(0, 0, width, 40));
    QCOMPARE(label->width(), 60);
    QCOMPARE(field->width(), field->sizeHint().width() + 60);
    QCOMPARE(arrow->width(), 20);
    QCOMPARE(arrow->x(), width - 20);

    // Past its maximum the rest of the line stays empty; the arrows stay beside the field.
    const int wide = width + 200;
    layout->setGeometry(QRect(0, 0, wide, 40));
    QCOMPARE(field->width(), field->sizeHint().width() + 100);
    QCOMPARE(arrow->x(), field->geometry().right() + 1 + 4);
    QCOMPARE(label->width(), 60);
}

void TestFlowLayout::hiddenWidgetsTakeNoRoom()
{
    Row row;
    row.b->hide();
    QCOMPARE(row.layout->sizeHint().width(), 100 + 10 + 80);
    row.showAt(200);
    QCOMPARE(row.layout->heightForWidth(200), 20);
    QCOMPARE(row.c->geometry().topLeft(), QPoint(120, 0));
}

QTEST_MAIN(TestFlowLayout)
#include "tst_flowlayout.moc"
