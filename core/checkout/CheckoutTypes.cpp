#include "CheckoutTypes.h"

namespace konbini {

Voucher Voucher::from(const VoucherRecord &record)
{
    return Voucher{record.id,
                   record.paymentIntentId,
                   record.amountYen,
                   record.customerName,
                   record.confirmationNumber,
                   record.voucherExpiresAt,
                   record.hostedVoucherUrl,
                   record.stores,
                   record.createdAt};
}

CheckoutError CheckoutError::fromStripe(const ApiError &error, qint64 voucherId, bool resumable)
{
    CheckoutError failure;
    failure.kind = Kind::Stripe;
    failure.stripe = error;
    failure.voucherId = voucherId;
    failure.resumable = resumable;
    return failure;
}

CheckoutError CheckoutError::fromLedger(const LedgerError &error, qint64 voucherId, bool resumable)
{
    CheckoutError failure;
    failure.kind = Kind::Ledger;
    failure.ledger = error;
    failure.voucherId = voucherId;
    failure.resumable = resumable;
    return failure;
}

CheckoutError CheckoutError::refused(ActionRefusal refusal, qint64 voucherId)
{
    CheckoutError failure;
    failure.kind = Kind::NotAllowed;
    failure.refusal = refusal;
    failure.voucherId = voucherId;
    return failure;
}

CheckoutError CheckoutError::busy()
{
    CheckoutError failure;
    failure.kind = Kind::Busy;
    return failure;
}

CheckoutError CheckoutError::invalid(const QList<FieldProblem> &problems)
{
    CheckoutError failure;
    failure.kind = Kind::Invalid;
    failure.problems = problems;
    return failure;
}

} // namespace konbini
