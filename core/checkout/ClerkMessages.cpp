#include "ClerkMessages.h"

#include <QCoreApplication>
#include <QLocale>

namespace konbini::ClerkMessages {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ClerkMessages)
};

// The cause, in the clerk's words, shared by the counter and the voucher list.
QString stripeCause(const ApiError &error)
{
    using Kind = ApiError::Kind;
    switch (error.kind) {
    case Kind::Offline:
    case Kind::Timeout:
    case Kind::Server:
    case Kind::RateLimited:
    case Kind::Canceled:
        return Text::tr("Could not reach Stripe.");
    case Kind::Authentication:
    case Kind::Permission:
        return Text::tr("Stripe refused the API key. Check the key in Settings (a restricted key needs PaymentIntents "
                        "and Refunds write access).");
    case Kind::InsecureTransport:
        return Text::tr(
            "The connection to Stripe is not secure, so nothing was sent. Check the API address in Settings.");
    case Kind::KonbiniRateLimited:
        return Text::tr("Konbini is refusing requests for the moment (too many in a short time).");
    case Kind::MethodUnavailable:
        return Text::tr("Konbini payments are temporarily unavailable (outage or maintenance).");
    case Kind::ConfirmationNumberRejected:
        return Text::tr("This number is too common to be a confirmation number.");
    case Kind::UnexpectedState:
        if (error.paymentIntentStatus == PaymentIntentStatus::RequiresAction)
            return Text::tr("The customer is paying for this voucher at the store right now. Try again later.");
        return Text::tr(
            "Stripe says the voucher is no longer in a state that allows this. Refresh it to see its status.");
    case Kind::NotFound:
        return Text::tr("Stripe does not know this voucher (it may belong to another account or mode).");
    case Kind::Idempotency:
    case Kind::InvalidRequest:
        if (error.param == u"amount")
            return Text::tr("Stripe did not accept the amount.");
        return Text::tr("Stripe did not accept the request.");
    case Kind::Decoding:
        return Text::tr("Stripe's answer could not be read.");
    }
    return Text::tr("Stripe did not accept the request.");
}

} // namespace

QString forRefusal(ActionRefusal refusal)
{
    switch (refusal) {
    case ActionRefusal::None:
        return {};
    case ActionRefusal::NoSuchVoucher:
        return Text::tr("No such sale in this terminal's ledger.");
    case ActionRefusal::NoSuchRefund:
        return Text::tr("No such refund in this terminal's ledger.");
    case ActionRefusal::NoPaymentIntent:
        return Text::tr("This sale has no voucher at Stripe.");
    case ActionRefusal::NotOpen:
        return Text::tr("Only a voucher still waiting for payment can be canceled or shown.");
    case ActionRefusal::NotExpired:
        return Text::tr("Only an expired voucher can be reissued.");
    case ActionRefusal::NotReconfirmable:
        return Text::tr("This voucher cannot take a new confirmation number.");
    case ActionRefusal::NotPaid:
        return Text::tr("Only a paid voucher can be refunded.");
    case ActionRefusal::NothingToRefund:
        return Text::tr("Everything paid for this voucher has been refunded already.");
    case ActionRefusal::AmountTooLarge:
        return Text::tr("That is more than can still be refunded.");
    case ActionRefusal::NoRefundWaiting:
        return Text::tr("Only a refund still waiting for the customer's bank details can be canceled.");
    case ActionRefusal::NothingUnfinished:
        return Text::tr("That sale can no longer be continued.");
    case ActionRefusal::CustomerErased:
        return Text::tr("The customer's name, e-mail and phone are no longer kept for this voucher: issue a new "
                        "one instead.");
    }
    return {};
}

QString forCheckout(const CheckoutError &error)
{
    switch (error.kind) {
    case CheckoutError::Kind::Invalid:
        return Text::tr("Check the fields marked in red.");
    case CheckoutError::Kind::Busy:
        return Text::tr("The previous sale is still being issued; wait for it to finish.");
    case CheckoutError::Kind::Ledger:
        return error.resumable
            ? Text::tr("The sale could not be written to this computer's ledger (disk full or not writable). "
                       "Free some space, then press Enter: the same sale is continued, never charged twice.")
            : Text::tr(
                "The sale could not be written to this computer's ledger (disk full or not writable), so nothing "
                "was sent to Stripe. Free some space and try again.");
    case CheckoutError::Kind::NotAllowed:
        return forRefusal(error.refusal) + u' ' + Text::tr("Press Enter to issue a new voucher.");
    case CheckoutError::Kind::Stripe:
        break;
    }
    using Kind = ApiError::Kind;
    switch (error.stripe.kind) {
    case Kind::ConfirmationNumberRejected:
        return Text::tr(
            "This number is too common to be a confirmation number. Enter another phone number and press Enter.");
    case Kind::KonbiniRateLimited:
        return stripeCause(error.stripe) + u' '
            + Text::tr("Ask the customer to pay another way, or press Enter to try again in a few minutes.");
    case Kind::MethodUnavailable:
        return stripeCause(error.stripe) + u' ' + Text::tr("Invite the customer to pay another way or later.");
    case Kind::Canceled:
        return Text::tr("You stopped waiting for Stripe. Press Enter to continue the same sale (never charged twice); "
                        "change the sale to start another.");
    case Kind::Offline:
    case Kind::Timeout:
    case Kind::Server:
    case Kind::RateLimited:
        return Text::tr("Could not reach Stripe. Check the network, then press Enter to try again: "
                        "the same sale is continued, never charged twice.");
    default:
        return Text::tr("Stripe could not issue the voucher.") + u' ' + stripeCause(error.stripe);
    }
}

QString forFailedRecovery(const CheckoutError &error)
{
    if (error.resumable) {
        if (error.kind == CheckoutError::Kind::Ledger)
            return Text::tr("This computer's ledger could not be written (disk full?). Free some space, then press "
                            "Retry: the sale is continued, never charged twice.");
        return Text::tr("Stripe could not be reached. Press Retry when the network is back (or restart the till): "
                        "the sale is continued, never charged twice.");
    }
    if (error.kind == CheckoutError::Kind::Stripe && error.stripe.kind == ApiError::Kind::ConfirmationNumberRejected)
        return Text::tr("The phone number cannot be a confirmation number, so no voucher was issued. If the "
                        "customer is still here, issue a new voucher with another phone number.");
    const QString cause = error.kind == CheckoutError::Kind::Stripe ? stripeCause(error.stripe) : forAction(error);
    return (cause.isEmpty() ? QString() : cause + u' ')
        + Text::tr("No voucher was issued for this sale. If the customer is still here, issue a new one.");
}

QString forAction(const CheckoutError &error)
{
    switch (error.kind) {
    case CheckoutError::Kind::Invalid:
        return error.problems.isEmpty() ? QString() : error.problems.first().message;
    case CheckoutError::Kind::Busy:
        return Text::tr("The previous sale is still being issued; wait for it to finish.");
    case CheckoutError::Kind::Ledger:
        return Text::tr(
            "This computer's ledger could not be written (disk full or not writable); nothing was changed.");
    case CheckoutError::Kind::NotAllowed:
        return forRefusal(error.refusal);
    case CheckoutError::Kind::Stripe:
        return stripeCause(error.stripe);
    }
    return {};
}

QString details(const CheckoutError &error)
{
    switch (error.kind) {
    case CheckoutError::Kind::Stripe:
        return error.stripe.describe();
    case CheckoutError::Kind::Ledger:
        return error.ledger.message;
    default:
        return {};
    }
}

QString statusText(const VoucherRecord &voucher, qint64 now)
{
    const bool partlyRefunded = voucher.amountRefunded > 0 && voucher.amountRefunded < voucher.amountYen;
    if (voucher.status == VoucherStatus::Pending && voucher.voucherExpiresAt > 0 && now > voucher.voucherExpiresAt)
        return QCoreApplication::translate("ClerkMessages", "Expired (awaiting Stripe)");
    const QString refunded = QLocale(QLocale::English).toString(voucher.amountRefunded);
    if (voucher.status == VoucherStatus::Refunded && partlyRefunded)
        return QCoreApplication::translate("ClerkMessages", "Partly refunded (¥%1)").arg(refunded);
    if (voucher.status == VoucherStatus::RefundPending && partlyRefunded)
        return QCoreApplication::translate("ClerkMessages", "Partial refund in progress (¥%1)").arg(refunded);
    return voucherStatusLabel(voucher.status);
}

QString statusText(const PaymentIntent &paymentIntent, qint64 now)
{
    VoucherRecord seen;
    seen.amountYen = paymentIntent.amount;
    seen.amountRefunded = paymentIntent.amountRefunded;
    seen.voucherExpiresAt = paymentIntent.voucher ? paymentIntent.voucher->expiresAt : 0;
    seen.status = voucherStatusFrom(paymentIntent.status, !paymentIntent.lastPaymentErrorCode.isEmpty());
    // The charge says how much was refunded, not whether it was paid out yet.
    if (seen.status == VoucherStatus::Paid && paymentIntent.amountRefunded > 0)
        seen.status = VoucherStatus::Refunded;
    return statusText(seen, now);
}

} // namespace konbini::ClerkMessages
