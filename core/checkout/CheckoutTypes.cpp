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
                   record.createdAt,
                   record.productDescription};
}

CheckoutError CheckoutError::fromStripe(const ApiError &error, qint64 voucherId, bool resumable)
{
    CheckoutError failure = of(Kind::Stripe, voucherId, resumable);
    failure.stripe = error;
    return failure;
}

CheckoutError CheckoutError::fromLedger(const LedgerError &error, qint64 voucherId, bool resumable)
{
    CheckoutError failure = of(Kind::Ledger, voucherId, resumable);
    failure.ledger = error;
    return failure;
}

CheckoutError CheckoutError::of(Kind kind, qint64 voucherId, bool resumable)
{
    CheckoutError failure;
    failure.kind = kind;
    failure.voucherId = voucherId;
    failure.resumable = resumable;
    return failure;
}

CheckoutError CheckoutError::refused(ActionRefusal refusal, qint64 voucherId)
{
    CheckoutError failure = of(Kind::NotAllowed, voucherId, false);
    failure.refusal = refusal;
    return failure;
}

CheckoutError CheckoutError::busy()
{
    return of(Kind::Busy, 0, false);
}

CheckoutError CheckoutError::invalid(const QList<FieldProblem> &problems)
{
    CheckoutError failure = of(Kind::Invalid, 0, false);
    failure.problems = problems;
    return failure;
}

} // namespace konbini
