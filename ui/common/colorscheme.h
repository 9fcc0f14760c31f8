#pragma once

#include <QString>

namespace wsi {

// The app's colour scheme: the desktop's, or a light or dark Fusion palette chosen in View > Theme.
// theme:: colours derive from the palette, so every view follows.
class ColorScheme
{
public:
    enum Scheme { System, Light, Dark };

    static void apply(Scheme scheme);
    static Scheme current();
    static QString id(Scheme scheme); // "system", "light", "dark" (the settings value)
    static Scheme fromId(const QString &id); // unknown: System
};

} // namespace wsi
