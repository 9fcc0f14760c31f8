// DecodeTreeWidgets: the note label and the tree the Decoded and Binary tabs both show a decoded message with.
#pragma once

#include <QString>

class QLabel;
class QTreeView;
class QWidget;

namespace wsi {

class JsonTreeModel;

// The two tabs show different decoders' output the same way, so a user reads one the way they read the other.
class DecodeTreeWidgets
{
public:
    // A decode note is a warning about the peer's bytes, shown in the warning colour; hidden until set.
    static QLabel *noteLabel(const QString &objectName, QWidget *parent);
    static QTreeView *tree(const QString &objectName, JsonTreeModel *model, QWidget *parent);
};

} // namespace wsi
