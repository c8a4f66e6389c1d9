#include "StripeStatus.h"

#include <array>
#include <utility>

namespace konbini {
namespace {

template <typename Status, std::size_t N>
QString keyOf(const std::array<std::pair<Status, const char *>, N> &names, Status status)
{
    for (const auto &[candidate, key] : names) {
        if (candidate == status)
            return QString::fromLatin1(key);
    }
    return QStringLiteral(""); // empty, not null: the ledger stores it in a NOT NULL column
}

template <typename Status, std::size_t N>
Status statusOf(const std::array<std::pair<Status, const char *>, N> &names, QStringView key)
{
    for (const auto &[status, candidate] : names) {
        if (key == QLatin1String(candidate))
            return status;
    }
    return Status::Unknown;
}

constexpr std::array<std::pair<PaymentIntentStatus, const char *>, 6> kPaymentIntentStatuses{{
    {PaymentIntentStatus::RequiresPaymentMethod, "requires_payment_method"},
    {PaymentIntentStatus::RequiresConfirmation, "requires_confirmation"},
    {PaymentIntentStatus::RequiresAction, "requires_action"},
    {PaymentIntentStatus::Processing, "processing"},
    {PaymentIntentStatus::Succeeded, "succeeded"},
    {PaymentIntentStatus::Canceled, "canceled"},
}};

constexpr std::array<std::pair<RefundStatus, const char *>, 5> kRefundStatuses{{
    {RefundStatus::RequiresAction, "requires_action"},
    {RefundStatus::Pending, "pending"},
    {RefundStatus::Succeeded, "succeeded"},
    {RefundStatus::Failed, "failed"},
    {RefundStatus::Canceled, "canceled"},
}};

} // namespace

QString statusKey(PaymentIntentStatus status)
{
    return keyOf(kPaymentIntentStatuses, status);
}

QString statusKey(RefundStatus status)
{
    return keyOf(kRefundStatuses, status);
}

PaymentIntentStatus paymentIntentStatusFromKey(QStringView key)
{
    return statusOf(kPaymentIntentStatuses, key);
}

RefundStatus refundStatusFromKey(QStringView key)
{
    return statusOf(kRefundStatuses, key);
}

} // namespace konbini
