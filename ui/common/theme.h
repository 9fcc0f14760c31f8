#pragma once

#include "connection/connection.h"

#include <QColor>
#include <QFont>
#include <QIcon>
#include <QPalette>

namespace wsi::theme {

// Colours are picked for the current palette so that they read well on light and dark themes alike.
bool isDark(const QPalette &palette);

// Badge background for a connection state; text drawn on it is always white.
QColor stateColor(Connection::State state);

enum class Tone { Info, Success, Warning, Error };
// Background and text of a banner or a status label in this tone.
QColor toneBackground(Tone tone, const QPalette &palette);
QColor toneForeground(Tone tone, const QPalette &palette);
// A faint wash of the tone over the base colour, for table rows.
QColor toneTint(Tone tone, const QPalette &palette);
// Style sheet for a QLabel used as a banner.
QString bannerStyleSheet(Tone tone, const QPalette &palette);

QFont monospaceFont();

// An icon from resources/icons (e.g. "connect" for connect.svg); makes sure the resources are linked in.
QIcon icon(const char *name);

} // namespace wsi::theme
