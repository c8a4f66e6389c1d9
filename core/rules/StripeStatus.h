#pragma once

#include <QString>
#include <QStringView>

namespace konbini {

// Stripe's statuses, decoded once (from an answer, or from the ledger's stored key) and compared
// as enums everywhere else. A status Stripe adds later decodes as Unknown.
enum class PaymentIntentStatus {
    Unknown,
    RequiresPaymentMethod, // created, or a voucher that expired or had its number rejected
    RequiresConfirmation,
    RequiresAction, // a voucher waits to be paid
    Processing,
    Succeeded,
    Canceled,
};

enum class RefundStatus {
    Unknown,
    RequiresAction, // waiting for the customer's bank details
    Pending,
    Succeeded,
    Failed,
    Canceled,
};

QString statusKey(PaymentIntentStatus status); // "requires_action", … ("" for Unknown)
QString statusKey(RefundStatus status);
PaymentIntentStatus paymentIntentStatusFromKey(QStringView key);
RefundStatus refundStatusFromKey(QStringView key);

} // namespace konbini
