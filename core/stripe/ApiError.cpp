#include "ApiError.h"

namespace konbini {

bool ApiError::isTransient() const
{
    // 409: the same key is still being processed (idempotency_key_in_use) or a lock timed out;
    // Stripe stores no answer for it, so the same request goes again later.
    if (httpStatus == 409)
        return true;
    switch (kind) {
    case Kind::Offline:
    case Kind::Timeout:
    case Kind::Canceled:
    case Kind::RateLimited:
    case Kind::KonbiniRateLimited:
    case Kind::MethodUnavailable:
    case Kind::Server:
        return true;
    default:
        return false;
    }
}

QString ApiError::describe() const
{
    QString text = message.isEmpty() ? QStringLiteral("Stripe request failed") : message;
    if (!code.isEmpty())
        text += QStringLiteral(" [%1]").arg(code);
    if (!requestId.isEmpty())
        text += QStringLiteral(" (request %1)").arg(requestId);
    return text;
}

} // namespace konbini
