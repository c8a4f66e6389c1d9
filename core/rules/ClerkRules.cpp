#include "ClerkRules.h"

#include "KonbiniRules.h"

namespace konbini::ClerkRules {

std::optional<QString> normalizedPin(QStringView typed)
{
    QString digits;
    for (const QChar c : typed) {
        if (c >= u'0' && c <= u'9')
            digits.append(c);
        else if (c.unicode() >= 0xFF10 && c.unicode() <= 0xFF19)
            digits.append(QChar(u'0' + (c.unicode() - 0xFF10)));
        else
            return std::nullopt;
    }
    if (digits.size() < kMinimumPinDigits || digits.size() > kMaximumPinDigits)
        return std::nullopt;
    return digits;
}

std::optional<QString> normalizedName(QStringView typed)
{
    const QString name = typed.toString().simplified();
    if (name.isEmpty() || KonbiniRules::characterCount(name) > kMaximumNameLength)
        return std::nullopt;
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return std::nullopt;
    }
    return name;
}

} // namespace konbini::ClerkRules
