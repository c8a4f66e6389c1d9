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

VoucherStatus voucherStatusFrom(const QString &paymentIntentStatus, bool hadPaymentAttempt, const QStringList &refundStatuses)
{
    if (paymentIntentStatus == u"succeeded") {
        if (refundStatuses.contains(QStringLiteral("requires_action")) || refundStatuses.contains(QStringLiteral("pending")))
            return VoucherStatus::RefundPending;
        if (refundStatuses.contains(QStringLiteral("failed")))
            return VoucherStatus::RefundFailed;
        if (refundStatuses.contains(QStringLiteral("succeeded")))
            return VoucherStatus::Refunded;
        return VoucherStatus::Paid;
    }
    if (paymentIntentStatus == u"requires_action" || paymentIntentStatus == u"processing")
        return VoucherStatus::Pending;
    if (paymentIntentStatus == u"canceled")
        return VoucherStatus::Canceled;
    if (paymentIntentStatus == u"requires_payment_method" && hadPaymentAttempt)
        return VoucherStatus::Expired;
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

} // namespace konbini
