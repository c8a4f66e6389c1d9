#pragma once

#include "LedgerRecords.h"

namespace konbini {

// Why an action on a voucher is not possible now; None when it is.
enum class ActionRefusal {
    None,
    NoSuchVoucher,
    NoSuchRefund,
    NoPaymentIntent,   // the sale never reached Stripe
    NotOpen,           // cancel: paid, canceled or already closed
    NotExpired,        // reissue: only an expired voucher gets a new one
    NotReconfirmable,  // a new confirmation number: only before the voucher exists or after expiry
    NotPaid,           // refund: only a paid voucher
    NothingToRefund,   // refund: everything is refunded already
    AmountTooLarge,    // refund: more than what is left
    NoRefundWaiting,   // cancel refund: only one still waiting for bank details
    NothingUnfinished, // resume: no unanswered create or confirm
    CustomerErased,    // reissue, new confirmation number: the customer's data is no longer kept
};

// The money rules of the merchant's actions, one place for the engine (which refuses) and the
// voucher list (which enables its buttons): both ask these.
struct ActionCheck {
    ActionRefusal refusal = ActionRefusal::None;
    bool allowed() const { return refusal == ActionRefusal::None; }
    explicit operator bool() const { return allowed(); }
};

// A voucher can be canceled while Stripe still waits for a payment method, a confirmation or the
// customer's payment (Stripe itself refuses while the customer is paying at the kiosk).
ActionCheck canCancel(const VoucherRecord &voucher);
// An expired voucher is confirmed again: a new slip for the same PaymentIntent.
ActionCheck canReissue(const VoucherRecord &voucher);
// A PaymentIntent waiting for a payment method takes a (new) confirmation number.
ActionCheck canReconfirm(const VoucherRecord &voucher);
// `amountYen` 0: whatever is left.
ActionCheck canRefund(const VoucherRecord &voucher, qint64 amountYen = 0);
qint64 refundableYen(const VoucherRecord &voucher);
ActionCheck canCancelRefund(const RefundRecord &refund);
// The voucher can be shown (and printed) again while it waits for payment.
ActionCheck canShowVoucher(const VoucherRecord &voucher);

} // namespace konbini
