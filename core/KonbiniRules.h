#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>

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

} // namespace konbini::KonbiniRules
