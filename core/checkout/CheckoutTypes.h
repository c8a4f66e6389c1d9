#pragma once

#include "ApiError.h"
#include "CheckoutRequest.h"
#include "LedgerError.h"
#include "LedgerRecords.h"
#include "VoucherActions.h"

#include <functional>

namespace konbini {

struct TerminalIdentity {
    QString store;
    QString terminal;
};

// What the clerk hands over.
struct Voucher {
    qint64 voucherId = 0;
    QString paymentIntentId;
    qint64 amountYen = 0;
    QString customerName;
    QString confirmationNumber;
    qint64 expiresAt = 0;
    QString hostedVoucherUrl;
    QList<KonbiniStore> stores;
    qint64 issuedAt = 0; // when the clerk started the sale (a recovered one shows it)
    QString productDescription;

    static Voucher from(const VoucherRecord &record);
};

// Why a sale or an action on a voucher did not happen, as one value: problems with what was typed,
// another sale in flight, Stripe's answer, the till's own ledger, or a rule of VoucherActions.
struct CheckoutError {
    enum class Kind {
        Invalid,    // problems per field; nothing was sent
        Busy,       // another sale of this terminal is in flight
        Stripe,     // Stripe (or the network) said no; see `stripe`
        Ledger,     // the till could not write its record; see `ledger`
        NotAllowed, // the voucher is not in a state that allows this; see `refusal`
    };
    Kind kind = Kind::Stripe;
    QList<FieldProblem> problems;
    ApiError stripe;
    LedgerError ledger;
    ActionRefusal refusal = ActionRefusal::None;
    qint64 voucherId = 0;   // the local sale, when one exists (to re-confirm or resume)
    bool resumable = false; // the same request goes again later with the same key

    static CheckoutError fromStripe(const ApiError &error, qint64 voucherId = 0, bool resumable = false);
    static CheckoutError fromLedger(const LedgerError &error, qint64 voucherId = 0, bool resumable = false);
    static CheckoutError refused(ActionRefusal refusal, qint64 voucherId = 0);
    static CheckoutError busy();
    static CheckoutError invalid(const QList<FieldProblem> &problems);

    bool isNumberRejected() const
    {
        return kind == Kind::Stripe && stripe.kind == ApiError::Kind::ConfirmationNumberRejected;
    }

private:
    static CheckoutError of(Kind kind, qint64 voucherId, bool resumable);
};

using CheckoutOutcome = Expected<Voucher, CheckoutError>;
template <typename T>
using ActionResult = Expected<T, CheckoutError>;

} // namespace konbini
