#pragma once

#include "CheckoutTypes.h"

namespace konbini {

// The one place that turns an error into what the clerk reads, translated (Japanese catalogue,
// English source). Stripe's own English message never becomes the message: it goes to the log
// and to the details line.
namespace ClerkMessages {

// The sale at the counter did not go through: what happened and what to do.
QString forCheckout(const CheckoutError &error);
// A sale interrupted by a crash or a quit that the till could not finish at start: what happened
// and what to do (retry when sending again can finish it; otherwise no voucher exists).
QString forFailedRecovery(const CheckoutError &error);
// An action on a voucher in the merchant's list (cancel, reissue, refund, cancel refund, refresh).
QString forAction(const CheckoutError &error);
// Why an action is not possible, for a disabled button's tooltip or a refusal.
QString forRefusal(ActionRefusal refusal);
// A voucher's status as the merchant's list shows it: the ledger's status, told more exactly where
// it matters for money — a partial refund (一部返金, with the amount), and a voucher past its
// deadline that Stripe has not failed yet (it does so within about an hour; 期限切れ（確定待ち）).
QString statusText(const VoucherRecord &voucher, qint64 now);
// The same for another terminal's voucher, as Stripe's search shows it (all-terminals view).
QString statusText(const PaymentIntent &paymentIntent, qint64 now);
// Support details: Stripe's code, message and request id, or SQLite's text (English, untranslated).
QString details(const CheckoutError &error);

} // namespace ClerkMessages
} // namespace konbini
