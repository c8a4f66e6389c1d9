#pragma once

#include "StripeStatus.h"

#include <QList>
#include <QString>

namespace konbini {

// How the clerk sees a voucher, derived from Stripe's PaymentIntent and refund statuses.
enum class VoucherStatus {
    NotIssued,     // created locally or at Stripe, no voucher handed out yet
    Pending,       // 発行済み/支払待ち: voucher issued, waiting for the customer to pay
    Paid,          // 入金済み: hand over the goods
    Expired,       // 期限切れ: the deadline passed unpaid (requires_payment_method after an attempt)
    Canceled,      // キャンセル
    RefundPending, // 返金手続中: a refund waits for bank details or is being paid out
    Refunded,      // 返金済み
    RefundFailed,  // 返金失敗: return the money outside Stripe
};

// Every status, in the order the merchant's filter lists them.
const QList<VoucherStatus> &allVoucherStatuses();

// `refundStatuses`: Stripe statuses of the voucher's refunds (canceled ones are ignored).
VoucherStatus voucherStatusFrom(PaymentIntentStatus paymentIntent, bool hadPaymentAttempt,
                                const QList<RefundStatus> &refundStatuses = {});

QString voucherStatusKey(VoucherStatus status);
VoucherStatus voucherStatusFromKey(const QString &key);
// The clerk-facing label, translated (source text in English).
QString voucherStatusLabel(VoucherStatus status);
// A refund's status as the merchant reads it, translated.
QString refundStatusLabel(RefundStatus status);

} // namespace konbini
