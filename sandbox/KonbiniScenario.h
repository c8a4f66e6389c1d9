#pragma once

#include <QString>

namespace konbini::sandbox {

// Stripe's Konbini test-mode outcomes (KONBINI_API.md §5), chosen by the billing email's local
// part or by a special confirmation number; the number wins when both are given.
enum class KonbiniScenario {
    SucceedAfterDelay, // any other email: paid 3 minutes after confirmation
    SucceedImmediately,
    ExpireImmediately,
    ExpireWithDelay, // expires_at = confirmation + 3 minutes
    FillNever,       // never paid, expires at the expires_at the options gave
};

KonbiniScenario scenarioFor(const QString &email, const QString &confirmationNumber);
QString scenarioName(KonbiniScenario scenario);

// Too common a number: rejected at confirmation.
inline const QString kRejectedConfirmationNumber = QStringLiteral("01234567890");

} // namespace konbini::sandbox
