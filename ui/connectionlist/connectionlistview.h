#pragma once

#include <QListView>

namespace wsi {

// The connections sidebar: a list that says what to do while it is empty.
class ConnectionListView : public QListView
{
    Q_OBJECT
public:
    explicit ConnectionListView(QWidget *parent = nullptr);
    ~ConnectionListView() override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
};

} // namespace wsi
