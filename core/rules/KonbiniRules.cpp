#include "KonbiniRules.h"

#include "ShiftJis.h"

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
    const bool allDigits = std::all_of(digits.begin(), digits.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
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

namespace konbini::KonbiniRules {

qint64 endOfJstDay(QDate jstDay)
{
    return QDateTime(jstDay, QTime(23, 59, 59), Qt::UTC).toSecsSinceEpoch() - kJstOffsetSeconds;
}

qint64 startOfJstDay(QDate jstDay)
{
    return QDateTime(jstDay, QTime(0, 0), Qt::UTC).toSecsSinceEpoch() - kJstOffsetSeconds;
}

QString formatJstDeadline(qint64 unixSeconds)
{
    static const char16_t *const weekdays[] = {u"月", u"火", u"水", u"木", u"金", u"土", u"日"};
    const QDateTime jst = QDateTime::fromSecsSinceEpoch(unixSeconds + kJstOffsetSeconds, Qt::UTC);
    const QDate date = jst.date();
    return QStringLiteral("%1年%2月%3日(%4) %5 JST")
        .arg(date.year())
        .arg(date.month())
        .arg(date.day())
        .arg(QString::fromUtf16(weekdays[date.dayOfWeek() - 1]), jst.time().toString(QStringLiteral("HH:mm")));
}

std::optional<qint64> parseAmountYen(QStringView text)
{
    QString folded = text.toString().normalized(QString::NormalizationForm_KC).trimmed();
    if (folded.startsWith(u'¥') || folded.startsWith(u'\\'))
        folded.remove(0, 1);
    if (folded.endsWith(u'円'))
        folded.chop(1);
    folded = folded.trimmed();
    if (folded.isEmpty() || folded.startsWith(u',') || folded.endsWith(u','))
        return std::nullopt;
    qint64 amount = 0;
    for (QChar c : folded) {
        if (c == u',')
            continue;
        if (c < u'0' || c > u'9')
            return std::nullopt;
        amount = amount * 10 + (c.unicode() - u'0');
        if (amount > 1'000'000'000'000)
            return std::nullopt;
    }
    return amount;
}

NamePreview previewCustomerName(QStringView name)
{
    NamePreview preview;
    preview.dropped = ShiftJis::unprintableCharacters(name);
    int count = 0;
    for (char32_t codePoint : name.toUcs4()) {
        if (!ShiftJis::isPrintable(codePoint))
            continue;
        if (count == kStoreNameMaxLength) {
            preview.truncated = true;
            break;
        }
        preview.shown.append(QString::fromUcs4(&codePoint, 1));
        ++count;
    }
    return preview;
}

bool isPlausibleEmail(QStringView email)
{
    if (email.size() > 254 || email.count(u'@') != 1)
        return false;
    const qsizetype at = email.indexOf(u'@');
    const QStringView local = email.left(at);
    const QStringView domain = email.mid(at + 1);
    if (local.isEmpty() || local.size() > 64 || domain.size() < 3)
        return false;
    for (QChar c : email) {
        if (c.isSpace() || c.category() == QChar::Other_Control || c == u',' || c == u';' || c == u'<' || c == u'>')
            return false;
    }
    if (local.startsWith(u'.') || local.endsWith(u'.') || email.contains(u".."))
        return false;
    const qsizetype lastDot = domain.lastIndexOf(u'.');
    return lastDot > 0 && lastDot < domain.size() - 2 && !domain.startsWith(u'-') && !domain.startsWith(u'.');
}

ConfirmationNumber confirmationNumberFromPhone(QStringView phone)
{
    const QString folded = phone.toString().normalized(QString::NormalizationForm_KC).trimmed();
    QString digits;
    for (QChar c : folded) {
        if (c >= u'0' && c <= u'9')
            digits.append(c);
    }
    if (folded.startsWith(QStringLiteral("+81")))
        digits = u'0' + digits.mid(2);
    ConfirmationNumber number;
    number.digits = digits;
    number.valid = folded.isEmpty() || isValidConfirmationNumber(digits);
    return number;
}

} // namespace konbini::KonbiniRules
