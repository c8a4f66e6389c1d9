#include "VoucherStatus.h"

#include <QCoreApplication>

#include <array>

namespace konbini {
namespace {

struct StatusName {
    VoucherStatus status;
    const char *key;
    const char *label;
};

constexpr std::array<StatusName, 8> kNames{{
    {VoucherStatus::NotIssued, "not_issued", QT_TRANSLATE_NOOP("VoucherStatus", "Not issued")},
    {VoucherStatus::Pending, "pending", QT_TRANSLATE_NOOP("VoucherStatus", "Awaiting payment")},
    {VoucherStatus::Paid, "paid", QT_TRANSLATE_NOOP("VoucherStatus", "Paid")},
    {VoucherStatus::Expired, "expired", QT_TRANSLATE_NOOP("VoucherStatus", "Expired")},
    {VoucherStatus::Canceled, "canceled", QT_TRANSLATE_NOOP("VoucherStatus", "Canceled")},
    {VoucherStatus::RefundPending, "refund_pending", QT_TRANSLATE_NOOP("VoucherStatus", "Refund in progress")},
    {VoucherStatus::Refunded, "refunded", QT_TRANSLATE_NOOP("VoucherStatus", "Refunded")},
    {VoucherStatus::RefundFailed, "refund_failed", QT_TRANSLATE_NOOP("VoucherStatus", "Refund failed")},
}};

} // namespace

const QList<VoucherStatus> &allVoucherStatuses()
{
    static const QList<VoucherStatus> statuses = [] {
        QList<VoucherStatus> list;
        for (const StatusName &name : kNames) {
            if (name.status != VoucherStatus::NotIssued)
                list.append(name.status);
        }
        return list;
    }();
    return statuses;
}

VoucherStatus voucherStatusFrom(PaymentIntentStatus paymentIntent, bool hadPaymentAttempt,
                                const QList<RefundStatus> &refundStatuses)
{
    switch (paymentIntent) {
    case PaymentIntentStatus::Succeeded:
        if (refundStatuses.contains(RefundStatus::RequiresAction) || refundStatuses.contains(RefundStatus::Pending))
            return VoucherStatus::RefundPending;
        if (refundStatuses.contains(RefundStatus::Failed))
            return VoucherStatus::RefundFailed;
        if (refundStatuses.contains(RefundStatus::Succeeded))
            return VoucherStatus::Refunded;
        return VoucherStatus::Paid;
    case PaymentIntentStatus::RequiresAction:
    case PaymentIntentStatus::Processing:
        return VoucherStatus::Pending;
    case PaymentIntentStatus::Canceled:
        return VoucherStatus::Canceled;
    case PaymentIntentStatus::RequiresPaymentMethod:
        return hadPaymentAttempt ? VoucherStatus::Expired : VoucherStatus::NotIssued;
    case PaymentIntentStatus::RequiresConfirmation:
    case PaymentIntentStatus::Unknown:
        return VoucherStatus::NotIssued;
    }
    return VoucherStatus::NotIssued;
}

QString voucherStatusKey(VoucherStatus status)
{
    for (const StatusName &name : kNames) {
        if (name.status == status)
            return QString::fromLatin1(name.key);
    }
    return {};
}

VoucherStatus voucherStatusFromKey(const QString &key)
{
    for (const StatusName &name : kNames) {
        if (key == QLatin1String(name.key))
            return name.status;
    }
    return VoucherStatus::NotIssued;
}

QString voucherStatusLabel(VoucherStatus status)
{
    for (const StatusName &name : kNames) {
        if (name.status == status)
            return QCoreApplication::translate("VoucherStatus", name.label);
    }
    return {};
}

QString refundStatusLabel(RefundStatus status)
{
    switch (status) {
    case RefundStatus::RequiresAction:
        return QCoreApplication::translate("RefundStatus", "waiting for the customer's bank details");
    case RefundStatus::Pending:
        return QCoreApplication::translate("RefundStatus", "being paid out");
    case RefundStatus::Succeeded:
        return QCoreApplication::translate("RefundStatus", "paid out");
    case RefundStatus::Failed:
        return QCoreApplication::translate("RefundStatus", "failed: return the money outside Stripe");
    case RefundStatus::Canceled:
        return QCoreApplication::translate("RefundStatus", "withdrawn before payout");
    case RefundStatus::Unknown:
        break;
    }
    return QCoreApplication::translate("RefundStatus", "unknown");
}

} // namespace konbini
