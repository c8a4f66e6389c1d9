#include "KonbiniLimits.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>

#include <iconv.h>

#include <unordered_map>

namespace konbini::sandbox::KonbiniLimits {
namespace {

bool encodesInShiftJis(iconv_t converter, char32_t codePoint)
{
    QByteArray utf8 = QString::fromUcs4(&codePoint, 1).toUtf8();
    char *in = utf8.data();
    size_t inLeft = size_t(utf8.size());
    char out[8];
    char *outPointer = out;
    size_t outLeft = sizeof out;
    iconv(converter, nullptr, nullptr, nullptr, nullptr);
    return iconv(converter, &in, &inLeft, &outPointer, &outLeft) != size_t(-1) && inLeft == 0;
}

} // namespace

int characterCount(QStringView text)
{
    return int(text.toUcs4().size());
}

bool isValidConfirmationNumber(QStringView digits)
{
    if (digits.size() < 10 || digits.size() > 11)
        return false;
    bool allZeros = true;
    for (QChar c : digits) {
        if (c < u'0' || c > u'9')
            return false;
        allZeros = allZeros && c == u'0';
    }
    return !allZeros;
}

qint64 deadlineAfterDays(qint64 fromUnixSeconds, int days)
{
    const qint64 jstDay = (fromUnixSeconds + kJstOffsetSeconds) / 86400;
    return (jstDay + days + 1) * 86400 - kJstOffsetSeconds - 1;
}

QString unprintableCharacters(QStringView text)
{
    // Opened once per thread, and each character's answer kept: opening a converter per
    // description was most of a create's cost in this check.
    struct Checker {
        iconv_t converter = iconv_open("SHIFT_JIS", "UTF-8");
        std::unordered_map<char32_t, bool> printable;
        ~Checker()
        {
            if (converter != iconv_t(-1))
                iconv_close(converter);
        }
        bool isPrintable(char32_t codePoint)
        {
            const auto known = printable.find(codePoint);
            if (known != printable.end())
                return known->second;
            const bool control = codePoint < 0x20 || codePoint == 0x7F;
            const bool verdict = !control && converter != iconv_t(-1) && encodesInShiftJis(converter, codePoint);
            if (printable.size() < 65536) // bounded, whatever clients send
                printable.emplace(codePoint, verdict);
            return verdict;
        }
    };
    thread_local Checker checker;
    QString offending;
    QSet<char32_t> seen;
    for (char32_t codePoint : text.toUcs4()) {
        if (checker.isPrintable(codePoint) || seen.contains(codePoint))
            continue;
        seen.insert(codePoint);
        offending.append(QString::fromUcs4(&codePoint, 1));
    }
    return offending;
}

QString formatJst(qint64 unixSeconds)
{
    const QDateTime jst = QDateTime::fromSecsSinceEpoch(unixSeconds + kJstOffsetSeconds, Qt::UTC);
    return QLocale(QLocale::Japanese, QLocale::Japan).toString(jst, QStringLiteral("yyyy年M月d日(ddd) HH:mm"))
        + QStringLiteral(" JST");
}

} // namespace konbini::sandbox::KonbiniLimits
