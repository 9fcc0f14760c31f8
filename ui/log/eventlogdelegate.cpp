#include "log/eventlogdelegate.h"

#include "common/theme.h"
#include "models/eventlogmodel.h"
#include "store/eventrecord.h"

namespace wsi {

EventLogDelegate::EventLogDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

EventLogDelegate::~EventLogDelegate() = default;

void EventLogDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QPalette &pal = option->palette;
    if (index.data(EventLogModel::IsErrorRole).toBool()) {
        option->backgroundBrush = theme::toneTint(theme::Tone::Error, pal);
        if (index.column() == EventLogModel::TypeColumn)
            option->font.setBold(true);
        return;
    }
    const auto type = static_cast<EventType>(index.data(EventLogModel::EventTypeRole).toInt());
    if (type == EventType::Close)
        option->backgroundBrush = theme::toneTint(theme::Tone::Warning, pal);
    else if (type == EventType::Open)
        option->backgroundBrush = theme::toneTint(theme::Tone::Success, pal);
    if (index.column() == EventLogModel::DirectionColumn || index.column() == EventLogModel::TypeColumn) {
        const auto dir = static_cast<Direction>(index.data(EventLogModel::DirectionRole).toInt());
        if (dir == Direction::Outgoing)
            option->palette.setColor(QPalette::Text, theme::toneForeground(theme::Tone::Info, pal));
        else if (dir == Direction::Incoming)
            option->palette.setColor(QPalette::Text, theme::toneForeground(theme::Tone::Success, pal));
    }
    if (type == EventType::Frame || type == EventType::Info)
        option->palette.setColor(QPalette::Text, pal.color(QPalette::PlaceholderText));
    // What protocol duties sent by themselves is muted and badged, so the user's own messages stand out.
    if (index.data(EventLogModel::IsAutomaticRole).toBool()) {
        option->palette.setColor(QPalette::Text, pal.color(QPalette::PlaceholderText));
        option->font.setItalic(true);
        if (index.column() == EventLogModel::TypeColumn)
            option->text = tr("%1 · auto").arg(option->text);
    }
    // A decode note (malformed protocol message) in the warning colour; its tooltip says what is wrong.
    if (index.column() == EventLogModel::DecodedColumn
        && !index.data(EventLogModel::DecodeNoteRole).toString().isEmpty())
        option->palette.setColor(QPalette::Text, theme::toneForeground(theme::Tone::Warning, pal));
}

} // namespace wsi
