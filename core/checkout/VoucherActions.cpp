#include "VoucherActions.h"

#include <algorithm>

namespace konbini {
namespace {

ActionCheck refuse(ActionRefusal refusal)
{
    return ActionCheck{refusal};
}

} // namespace

ActionCheck canCancel(const VoucherRecord &voucher)
{
    if (voucher.paymentIntentId.isEmpty())
        return refuse(ActionRefusal::NoPaymentIntent);
    switch (voucher.stripeStatus) {
    case PaymentIntentStatus::RequiresPaymentMethod:
    case PaymentIntentStatus::RequiresConfirmation:
    case PaymentIntentStatus::RequiresAction:
        return {};
    default:
        return refuse(ActionRefusal::NotOpen);
    }
}

ActionCheck canReissue(const VoucherRecord &voucher)
{
    if (voucher.paymentIntentId.isEmpty())
        return refuse(ActionRefusal::NoPaymentIntent);
    if (voucher.personalDataErasedAt > 0)
        return refuse(ActionRefusal::CustomerErased);
    return voucher.status == VoucherStatus::Expired ? ActionCheck{} : refuse(ActionRefusal::NotExpired);
}

ActionCheck canReconfirm(const VoucherRecord &voucher)
{
    if (voucher.paymentIntentId.isEmpty())
        return refuse(ActionRefusal::NoPaymentIntent);
    if (voucher.personalDataErasedAt > 0)
        return refuse(ActionRefusal::CustomerErased);
    return voucher.stripeStatus == PaymentIntentStatus::RequiresPaymentMethod ? ActionCheck{}
                                                                              : refuse(ActionRefusal::NotReconfirmable);
}

qint64 refundableYen(const VoucherRecord &voucher)
{
    return voucher.stripeStatus == PaymentIntentStatus::Succeeded
        ? std::max<qint64>(0, voucher.amountYen - voucher.amountRefunded)
        : 0;
}

ActionCheck canRefund(const VoucherRecord &voucher, qint64 amountYen)
{
    if (voucher.stripeStatus != PaymentIntentStatus::Succeeded)
        return refuse(ActionRefusal::NotPaid);
    const qint64 left = refundableYen(voucher);
    if (left <= 0)
        return refuse(ActionRefusal::NothingToRefund);
    if (amountYen < 0 || amountYen > left)
        return refuse(ActionRefusal::AmountTooLarge);
    return {};
}

ActionCheck canCancelRefund(const RefundRecord &refund)
{
    return refund.status == RefundStatus::RequiresAction ? ActionCheck{} : refuse(ActionRefusal::NoRefundWaiting);
}

ActionCheck canShowVoucher(const VoucherRecord &voucher)
{
    if (voucher.hostedVoucherUrl.isEmpty())
        return refuse(ActionRefusal::NoPaymentIntent);
    return voucher.status == VoucherStatus::Pending ? ActionCheck{} : refuse(ActionRefusal::NotOpen);
}

} // namespace konbini
