#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>

// Konbini's limits as Stripe states them (shared/stripe/KONBINI_API.md). Pure functions: the
// client validates with them before sending and the sandbox enforces them as Stripe does.
namespace konbini::KonbiniRules {

inline constexpr qint64 kMinimumAmountYen = 120;
inline constexpr qint64 kMaximumAmountYen = 300'000;
inline constexpr int kProductDescriptionMaxLength = 22;
inline constexpr int kMinimumExpiresAfterDays = 1;
inline constexpr int kMaximumExpiresAfterDays = 60;
inline constexpr int kDefaultExpiresAfterDays = 3;
inline constexpr qint64 kMinimumExpiresAtLeadSeconds = 30 * 60;
inline constexpr qint64 kMaximumExpiresAtLeadSeconds = 60 * 24 * 3600;
inline constexpr int kJstOffsetSeconds = 9 * 3600;

// Characters as stores count them: Unicode code points.
int characterCount(QStringView text);

// True for 10 or 11 ASCII digits that are not all zeros.
bool isValidConfirmationNumber(QStringView digits);

// 23:59:59 JST on the calendar day (in JST) `days` after `from`, as Unix seconds. Independent
// of the machine's time zone: JST has no daylight saving, so a fixed +9 h offset is exact.
qint64 deadlineAfterDays(qint64 fromUnixSeconds, int days);

// The JST calendar date of a Unix time.
QDate jstDate(qint64 unixSeconds);

// 23:59:59 JST on a JST calendar date, as Unix seconds.
qint64 endOfJstDay(QDate jstDay);

// 00:00:00 JST on a JST calendar date, as Unix seconds.
qint64 startOfJstDay(QDate jstDay);

// "2026年12月1日(火) 23:59 JST": how a deadline is shown to the clerk and on the slip.
QString formatJstDeadline(qint64 unixSeconds);

// The yen amount a clerk typed: digits (full-width too), thousands separators, an optional ¥ or 円.
// nullopt when it is not a whole number of yen.
std::optional<qint64> parseAmountYen(QStringView text);

// What a store will print of the customer's name: characters outside Shift JIS dropped, then the
// first 20 characters.
struct NamePreview {
    QString shown;
    QString dropped; // the distinct characters that will not print
    bool truncated = false;
};
inline constexpr int kStoreNameMaxLength = 20;
NamePreview previewCustomerName(QStringView name);

// A sane e-mail syntax check (one @, a dotted domain, no spaces); Stripe has the final word.
bool isPlausibleEmail(QStringView email);

// The customer's phone number as a confirmation number: full-width digits folded, +81 turned
// into the domestic 0, everything else but digits stripped. Empty input gives an empty number
// (Stripe then generates one); `valid` tells whether what was typed is usable.
struct ConfirmationNumber {
    QString digits;
    bool valid = true;
};
ConfirmationNumber confirmationNumberFromPhone(QStringView phone);

} // namespace konbini::KonbiniRules
