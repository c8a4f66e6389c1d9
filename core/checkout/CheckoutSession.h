#pragma once

#include "CheckoutEngine.h"

#include <QObject>

namespace konbini {

// One sale at one till, as a state machine the counter page only renders. It decides what Enter
// means: a new sale, the same unfinished sale continued with the same keys, a re-confirmation with
// a new phone number after a rejected one, or (when the clerk changed what was sent) the old sale
// abandoned and a new one issued. It also reports the sales the till finished at start.
class CheckoutSession : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Editing,        // the clerk types a sale
        Sending,        // the sale is on its way to Stripe
        Issued,         // a voucher was issued; startNew() begins the next sale
        Failed,         // see lastError(); when resumable, Enter continues the same sale
        NumberRejected, // the confirmation number was refused; a new phone number and Enter re-confirm
        Recovering,     // the till finishes sales a crash or a quit interrupted; Enter waits
    };
    Q_ENUM(State)

    explicit CheckoutSession(CheckoutEngine &engine, QObject *parent = nullptr);

    State state() const { return m_state; }
    const CheckoutError &lastError() const { return m_lastError; }
    // A sale that reached Stripe but did not finish: Enter continues it rather than creating another.
    bool hasUnfinishedSale() const { return m_unfinishedVoucherId != 0; }
    qint64 unfinishedVoucherId() const { return m_unfinishedVoucherId; }
    // Whether Enter with this sale would continue the unfinished one (same PaymentIntent).
    bool continuesUnfinished(const CheckoutRequest &request) const;

    // The clerk pressed Enter with this sale. False, and nothing happens, while a sale is being
    // sent or recovered.
    bool submit(const CheckoutRequest &request);
    // The next customer. An unfinished sale stays resumable only while its fields stay the same:
    // this forgets it without canceling (the voucher was handed over, or nothing reached Stripe).
    void startNew();
    // The clerk gives up on the unfinished sale: its pending requests are dropped and a
    // PaymentIntent it created is canceled. `done` says whether that happened; while Stripe cannot
    // be reached the sale stays unfinished (and resumable).
    void abandonUnfinished(std::function<void(const ActionResult<VoucherRecord> &)> done = {});
    // The clerk stops waiting for Stripe while the sale is sent: it fails (Canceled) and stays
    // resumable, so Enter with the same sale continues it with the same key.
    void stopWaiting();

signals:
    void stateChanged(konbini::CheckoutSession::State state);
    void voucherIssued(const konbini::Voucher &voucher);
    // What went wrong, for the page to show (per-field problems or ClerkMessages::forCheckout).
    void saleFailed(const konbini::CheckoutError &error);
    void saleRecovered(const konbini::Voucher &voucher);
    void saleRecoveryFailed(qint64 voucherId, const konbini::CheckoutError &error);

private:
    void setState(State state);
    void onOutcome(const CheckoutOutcome &outcome, const CheckoutRequest &sent);

    CheckoutEngine &m_engine;
    State m_state = State::Editing;
    CheckoutError m_lastError;
    qint64 m_unfinishedVoucherId = 0;
    bool m_unfinishedNeedsNewNumber = false;
    CheckoutRequest m_unfinishedRequest;
};

} // namespace konbini
