// The body of a refused upgrade: text when it is text, otherwise a hex dump.
#pragma once

#include <QWidget>

class QPlainTextEdit;
class QStackedLayout;

namespace wsi {

class HexView;
struct HandshakeRecord;

class HandshakeBodyView : public QWidget
{
    Q_OBJECT
public:
    explicit HandshakeBodyView(QWidget *parent = nullptr);

    void showHandshake(const HandshakeRecord &handshake);
    void clear();

private:
    QStackedLayout *m_stack = nullptr;
    QPlainTextEdit *m_text = nullptr;
    HexView *m_hex = nullptr;
};

} // namespace wsi
