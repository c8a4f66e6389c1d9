#pragma once

#include <QRandomGenerator>
#include <QString>

#include <string_view>

namespace konbini::sandbox {

// Appends `count` characters drawn uniformly from `alphabet`, several from each 64-bit draw of
// the global generator (a draw per character made ids and voucher numbers a visible share of a
// request's time: the global generator takes a lock each time).
inline void appendRandomCharacters(QString &text, std::string_view alphabet, int count)
{
    const quint64 base = alphabet.size();
    int perDraw = 0;
    quint64 span = 1; // base^perDraw, the largest that fits in 64 bits
    while (span <= ~quint64(0) / base) {
        span *= base;
        ++perDraw;
    }
    // Draws at or above the last whole multiple of `span` are thrown away: no character is likelier.
    const quint64 limit = ~quint64(0) - (~quint64(0) % span + 1) % span;
    while (count > 0) {
        quint64 draw = QRandomGenerator::global()->generate64();
        if (draw > limit)
            continue;
        for (int i = 0; i < perDraw && count > 0; ++i, --count) {
            text.append(QLatin1Char(alphabet[draw % base]));
            draw /= base;
        }
    }
}

} // namespace konbini::sandbox
