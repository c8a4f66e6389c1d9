#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

class QWidget;

namespace konbini::ui {

// The few text colours the app adds to the palette's own (problems, quiet hints, good news),
// chosen for the palette in use: dark on a light window, light on a dark or high-contrast one,
// each readable (contrast 4.5:1 or more) against the window's background.
namespace Tones {

enum class Tone { Problem, Warning, Quiet, Good };

QColor color(Tone tone, const QPalette &palette);
// "color:#…" (and bold), for a widget's style sheet.
QString textStyle(Tone tone, const QPalette &palette, bool bold = false);
// The same through the widget's palette and font: no style sheet, whose CSS style Qt builds and
// applies to each such widget (for the counter, a visible share of the time to its first paint).
void setTextTone(QWidget *widget, Tone tone, bool bold = false);
// A band of colour behind a label's text (banners, notices), `padding` pixels around it.
void setBand(QWidget *widget, const QColor &background, const QColor &text, int padding);
// A red frame around a field with a problem.
QString problemBorder(const QPalette &palette);

} // namespace Tones
} // namespace konbini::ui
