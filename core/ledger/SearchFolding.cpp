#include "SearchFolding.h"

namespace konbini {

QString foldForSearch(const QString &text)
{
    // NFKC: full-width ASCII to ASCII, half-width katakana (with its separate voiced marks) to
    // full-width katakana.
    QString folded = text.normalized(QString::NormalizationForm_KC).toCaseFolded();
    for (QChar &c : folded) {
        const char16_t unit = c.unicode();
        // Katakana ァ (U+30A1) … ヶ (U+30F6) and their hiragana ぁ (U+3041) … ゖ (U+3096).
        if (unit >= 0x30A1 && unit <= 0x30F6)
            c = QChar(char16_t(unit - 0x60));
    }
    return folded;
}

} // namespace konbini
