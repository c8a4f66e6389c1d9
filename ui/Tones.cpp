#include "Tones.h"

#include <QLabel>

namespace konbini::ui::Tones {
namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

QColor color(Tone tone, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Problem:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
    case Tone::Warning:
        return dark ? QColor(0xff, 0xcc, 0x80) : QColor(0x8a, 0x5a, 0x00);
    case Tone::Quiet:
        return dark ? QColor(0xc0, 0xc0, 0xc0) : QColor(0x55, 0x55, 0x55);
    case Tone::Good:
        return dark ? QColor(0xa5, 0xd6, 0xa7) : QColor(0x1b, 0x5e, 0x20);
    }
    return palette.color(QPalette::WindowText);
}

QString textStyle(Tone tone, const QPalette &palette, bool bold)
{
    return QStringLiteral("color:%1%2").arg(color(tone, palette).name(), bold ? QStringLiteral(";font-weight:bold")
                                                                               : QString());
}

void setTextTone(QWidget *widget, Tone tone, bool bold)
{
    QPalette palette = widget->palette();
    const QColor text = color(tone, palette);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Text, text);
    widget->setPalette(palette);
    QFont font = widget->font();
    if (font.bold() != bold) {
        font.setBold(bold);
        widget->setFont(font);
    }
}

void setBand(QWidget *widget, const QColor &background, const QColor &text, int padding)
{
    QPalette palette = widget->palette();
    palette.setColor(QPalette::Window, background);
    palette.setColor(QPalette::WindowText, text);
    widget->setPalette(palette);
    widget->setAutoFillBackground(true);
    if (auto *label = qobject_cast<QLabel *>(widget)) {
        label->setMargin(padding);
        // Where a style sheet's padding put the text: half an "x" in from the padding, as Qt
        // indents a framed label's text.
        label->setIndent(label->fontMetrics().horizontalAdvance(u'x') / 2);
    } else
        widget->setContentsMargins(padding, padding, padding, padding);
}

QString problemBorder(const QPalette &palette)
{
    return QStringLiteral("border:2px solid %1").arg(color(Tone::Problem, palette).name());
}

} // namespace konbini::ui::Tones
