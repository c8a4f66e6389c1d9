#include "Tones.h"

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

QString problemBorder(const QPalette &palette)
{
    return QStringLiteral("border:2px solid %1").arg(color(Tone::Problem, palette).name());
}

} // namespace konbini::ui::Tones
