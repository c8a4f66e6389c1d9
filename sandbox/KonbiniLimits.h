#pragma once

#include <QString>
#include <QStringView>

// Stripe's Konbini limits as the sandbox enforces them, kept apart from the till's own rules on
// purpose: the till validates with its table, the sandbox with this one, so a mistake in either is
// caught by the tests that run one against the other.
namespace konbini::sandbox::KonbiniLimits {

// One table, as KONBINI_API.md states the limits (amounts in yen, durations in seconds).
struct Limits {
    qint64 amountMin;
    qint64 amountMax;
    int descriptionCharacters;
    int daysMin;
    int daysMax;
    int daysDefault;
    qint64 deadlineLeadMin;
    qint64 deadlineLeadMax;
};
inline constexpr Limits kStripe{120, 300'000, 22, 1, 60, 3, 30 * 60, 60 * 24 * 3600};
// JST is UTC+9 all year.
inline constexpr qint64 kJstOffsetSeconds = 9 * 3600;

// Unicode code points, as Stripe counts the description.
int characterCount(QStringView text);
// 10 or 11 ASCII digits, not all zeros.
bool isValidConfirmationNumber(QStringView digits);
// 23:59:59 JST, `days` JST calendar days after `from`.
qint64 deadlineAfterDays(qint64 fromUnixSeconds, int days);
// The distinct characters a store's Shift JIS printer cannot print, asked of the C library's
// SHIFT_JIS converter (JIS X 0201 + JIS X 0208, no vendor extensions); control characters too.
QString unprintableCharacters(QStringView text);
// "2026年12月1日(火) 23:59 JST", for the hosted voucher page.
QString formatJst(qint64 unixSeconds);

// The chains Stripe answers with, in the order of its `stores` object, with their names.
struct StoreChain {
    const char *key;
    const char16_t *name;
};
inline constexpr StoreChain kStoreChains[] = {{"familymart", u"ファミリーマート"},
                                              {"lawson", u"ローソン"},
                                              {"ministop", u"ミニストップ"},
                                              {"seicomart", u"セイコーマート"}};

} // namespace konbini::sandbox::KonbiniLimits
