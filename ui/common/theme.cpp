#include "common/theme.h"

#include <QFontDatabase>

// The resources live in a static library: without an explicit init the linker drops them.
static void initWsiResources()
{
    Q_INIT_RESOURCE(wsinspector);
}

namespace wsi::theme {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QColor stateColor(Connection::State state)
{
    // Mid-saturation colours: white text on them stays readable, and they stand out on light and dark bases.
    switch (state) {
    case Connection::State::Idle:
        return QColor(0x6b, 0x72, 0x80);
    case Connection::State::Connecting:
        return QColor(0x1f, 0x6f, 0xd1);
    case Connection::State::Open:
        return QColor(0x1e, 0x8a, 0x4c);
    case Connection::State::Closing:
        return QColor(0xb3, 0x6b, 0x00);
    case Connection::State::Closed:
        return QColor(0x6b, 0x72, 0x80);
    case Connection::State::Failed:
        return QColor(0xc6, 0x28, 0x28);
    }
    return QColor(0x6b, 0x72, 0x80);
}

static QColor baseTone(Tone tone)
{
    switch (tone) {
    case Tone::Info:
        return QColor(0x1f, 0x6f, 0xd1);
    case Tone::Success:
        return QColor(0x1e, 0x8a, 0x4c);
    case Tone::Warning:
        return QColor(0xc7, 0x7c, 0x02);
    case Tone::Error:
        return QColor(0xc6, 0x28, 0x28);
    }
    return QColor(0x6b, 0x72, 0x80);
}

static QColor blend(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(
        a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t, a.blueF() * (1 - t) + b.blueF() * t);
}

QColor toneBackground(Tone tone, const QPalette &palette)
{
    return blend(palette.color(QPalette::Base), baseTone(tone), isDark(palette) ? 0.35 : 0.16);
}

QColor toneForeground(Tone tone, const QPalette &palette)
{
    const QColor c = baseTone(tone);
    return isDark(palette) ? c.lighter(165) : c.darker(125);
}

QColor toneTint(Tone tone, const QPalette &palette)
{
    return blend(palette.color(QPalette::Base), baseTone(tone), isDark(palette) ? 0.28 : 0.12);
}

QString bannerStyleSheet(Tone tone, const QPalette &palette)
{
    const QColor bg = toneBackground(tone, palette);
    const QColor border = blend(bg, baseTone(tone), 0.6);
    const QColor fg = palette.color(QPalette::Text);
    return QStringLiteral(
        "QLabel { background: %1; color: %2; border: 1px solid %3; border-radius: 5px; padding: 8px; }")
        .arg(bg.name(), fg.name(), border.name());
}

QFont monospaceFont()
{
    return QFontDatabase::systemFont(QFontDatabase::FixedFont);
}

QIcon icon(const char *name)
{
    static const bool initialized = [] {
        initWsiResources();
        return true;
    }();
    Q_UNUSED(initialized);
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

} // namespace wsi::theme
