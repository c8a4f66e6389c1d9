#include "ShiftJis.h"

#include <QSet>

#include <algorithm>
#include <iterator>

namespace konbini::ShiftJis {
namespace {

struct CodePointRange {
    char32_t first;
    char32_t last;
};

constexpr CodePointRange kJisX0208[] = {
#include "JisX0208Table.inc"
};

bool isJisX0208(char32_t codePoint)
{
    const auto it = std::upper_bound(std::begin(kJisX0208), std::end(kJisX0208), codePoint,
                                     [](char32_t cp, const CodePointRange &range) { return cp < range.first; });
    return it != std::begin(kJisX0208) && codePoint <= std::prev(it)->last;
}

} // namespace

bool isPrintable(char32_t codePoint)
{
    if (codePoint >= 0x20 && codePoint <= 0x7E)
        return true; // ASCII without control characters
    if (codePoint == 0x00A5 || codePoint == 0x203E)
        return true; // JIS X 0201 Roman: yen sign and overline share bytes 0x5C and 0x7E
    if (codePoint >= 0xFF61 && codePoint <= 0xFF9F)
        return true; // JIS X 0201 half-width katakana
    return isJisX0208(codePoint);
}

QString unprintableCharacters(QStringView text)
{
    QString offending;
    QSet<char32_t> seen;
    for (char32_t codePoint : text.toUcs4()) {
        if (isPrintable(codePoint) || seen.contains(codePoint))
            continue;
        seen.insert(codePoint);
        offending.append(QString::fromUcs4(&codePoint, 1));
    }
    return offending;
}

} // namespace konbini::ShiftJis
