#pragma once

#include "CheckoutTypes.h"

namespace konbini {

// The one place that turns an error into what the clerk reads, translated (Japanese catalogue,
// English source). Stripe's own English message never becomes the message: it goes to the log
// and to the details line.
namespace ClerkMessages {

// The sale at the counter did not go through: what happened and what to do.
QString forCheckout(const CheckoutError &error);
// An action on a voucher in the merchant's list (cancel, reissue, refund, cancel refund, refresh).
QString forAction(const CheckoutError &error);
// Why an action is not possible, for a disabled button's tooltip or a refusal.
QString forRefusal(ActionRefusal refusal);
// Support details: Stripe's code, message and request id, or SQLite's text (English, untranslated).
QString details(const CheckoutError &error);

} // namespace ClerkMessages
} // namespace konbini
