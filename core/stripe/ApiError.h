#pragma once

#include "Result.h"
#include "StripeStatus.h"

#include <QMetaType>
#include <QString>

namespace konbini {

// A failed Stripe call as the UI and the engine switch on it: a kind, Stripe's own code and
// message, and what support needs (request id, HTTP status).
struct ApiError {
    enum class Kind {
        Offline,                    // no connection, DNS, connection refused or reset
        Timeout,                    // no answer within the request timeout
        Canceled,                   // the caller canceled the request (it may have reached Stripe)
        InsecureTransport,          // http:// to a host that is not loopback
        Authentication,             // 401: missing, wrong or revoked key
        Permission,                 // 403: a restricted key without the needed permission
        InvalidRequest,             // 400/404 not covered below
        NotFound,                   // 404 resource_missing
        Idempotency,                // idempotency_error: same key, other parameters
        RateLimited,                // 429 rate_limit, retries exhausted
        KonbiniRateLimited,         // payment_method_rate_limit_exceeded, retries exhausted
        MethodUnavailable,          // payment_method_not_available
        ConfirmationNumberRejected, // payment_intent_konbini_rejected_confirmation_number
        UnexpectedState,            // payment_intent_unexpected_state
        Server,                     // 5xx, retries exhausted
        Decoding,                   // an answer that is not the object we asked for
    };

    Kind kind = Kind::Server;
    QString type;    // Stripe's error type
    QString code;    // Stripe's error code
    QString message; // Stripe's message (English), or ours for transport errors
    QString param;
    QString requestId;
    int httpStatus = 0;
    PaymentIntentStatus paymentIntentStatus =
        PaymentIntentStatus::Unknown; // for errors about a PaymentIntent, its status then
    QString paymentIntentId;          // the PaymentIntent an error carries (a create with confirm=true
                                      // that created one and could not confirm it); empty if none

    // Whether sending the same request again later (with the same idempotency key) may succeed,
    // or tell what became of it: a canceled request may have reached Stripe, so it counts.
    bool isTransient() const;
    // For the log and a details line (English, Stripe's own message and code); never the
    // clerk's message, which comes from ClerkMessages in the checkout layer.
    QString describe() const;
};

// A value of the Stripe layer or the ApiError that prevented it.
template <typename T>
using Result = Expected<T, ApiError>;

} // namespace konbini

Q_DECLARE_METATYPE(konbini::ApiError)
