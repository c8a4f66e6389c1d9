#include "KonbiniRules.h"

#include <algorithm>

namespace konbini::KonbiniRules {

int characterCount(QStringView text)
{
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

bool isValidConfirmationNumber(QStringView digits)
{
    if (digits.size() != 10 && digits.size() != 11)
        return false;
    const bool allDigits = std::all_of(digits.begin(), digits.end(),
                                       [](QChar c) { return c >= u'0' && c <= u'9'; });
    const bool allZeros = std::all_of(digits.begin(), digits.end(), [](QChar c) { return c == u'0'; });
    return allDigits && !allZeros;
}

QDate jstDate(qint64 unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds + kJstOffsetSeconds, Qt::UTC).date();
}

qint64 deadlineAfterDays(qint64 fromUnixSeconds, int days)
{
    const QDate deadlineDay = jstDate(fromUnixSeconds).addDays(days);
    const QDateTime endOfDayAsIfUtc(deadlineDay, QTime(23, 59, 59), Qt::UTC);
    return endOfDayAsIfUtc.toSecsSinceEpoch() - kJstOffsetSeconds;
}

} // namespace konbini::KonbiniRules
