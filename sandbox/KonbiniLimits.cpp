#include "KonbiniLimits.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>

#include <iconv.h>

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
    iconv_t converter = iconv_open("SHIFT_JIS", "UTF-8");
    QString offending;
    QSet<char32_t> seen;
    for (char32_t codePoint : text.toUcs4()) {
        const bool control = codePoint < 0x20 || codePoint == 0x7F;
        const bool printable = !control && converter != iconv_t(-1) && encodesInShiftJis(converter, codePoint);
        if (printable || seen.contains(codePoint))
            continue;
        seen.insert(codePoint);
        offending.append(QString::fromUcs4(&codePoint, 1));
    }
    if (converter != iconv_t(-1))
        iconv_close(converter);
    return offending;
}

QString formatJst(qint64 unixSeconds)
{
    const QDateTime jst = QDateTime::fromSecsSinceEpoch(unixSeconds + kJstOffsetSeconds, Qt::UTC);
    return QLocale(QLocale::Japanese, QLocale::Japan).toString(jst, QStringLiteral("yyyy年M月d日(ddd) HH:mm"))
        + QStringLiteral(" JST");
}

} // namespace konbini::sandbox::KonbiniLimits
