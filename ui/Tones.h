#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace konbini::ui {

// The few text colours the app adds to the palette's own (problems, quiet hints, good news),
// chosen for the palette in use: dark on a light window, light on a dark or high-contrast one,
// each readable (contrast 4.5:1 or more) against the window's background.
namespace Tones {

enum class Tone { Problem, Warning, Quiet, Good };

QColor color(Tone tone, const QPalette &palette);
// "color:#…" (and bold), for a widget's style sheet.
QString textStyle(Tone tone, const QPalette &palette, bool bold = false);
// A red frame around a field with a problem.
QString problemBorder(const QPalette &palette);

} // namespace Tones
} // namespace konbini::ui
