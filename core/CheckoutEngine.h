#pragma once

#include "CheckoutRequest.h"
#include "Ledger.h"
#include "StripeApi.h"

#include <QObject>
#include <QPointer>

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
};

struct CheckoutFailure {
    enum class Kind {
        Invalid, // problems per field; nothing was sent
        Busy,    // another checkout of this terminal is in flight
        Api,     // Stripe (or the network) said no; see `error`
        Missing, // no such voucher, or not in a state that allows this
    };
    Kind kind = Kind::Api;
    QList<FieldProblem> problems;
    ApiError error;
    qint64 voucherId = 0; // the local voucher, when one exists (to re-confirm or resume)
    bool resumable = false; // the same request may be sent again later with the same key
};

struct CheckoutOutcome {
    std::optional<Voucher> voucher;
    CheckoutFailure failure;
    bool ok() const { return voucher.has_value(); }
};

// Issues Konbini vouchers and acts on them (cancel, reissue, refund), writing every POST to the
// ledger's journal with its idempotency key before sending it, so that a crash, a dropped
// answer or a double Enter never yields a second PaymentIntent or a lost one.
class CheckoutEngine : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<qint64()>;
    using CheckoutCallback = std::function<void(const CheckoutOutcome &)>;
    template <typename T>
    using Callback = std::function<void(const Result<T> &)>;

    // Moments a crash test can stop the process at.
    enum class Step { CreateJournaled, CreateAnswered, CreateRecorded, ConfirmAnswered };

    CheckoutEngine(StripeApi &api, Ledger &ledger, TerminalIdentity terminal, Clock clock = {}, QObject *parent = nullptr);
    ~CheckoutEngine() override;

    bool isBusy() const { return m_busy; }

    // Validates, creates the PaymentIntent, confirms it; `done` is called once, later.
    void issueVoucher(const CheckoutRequest &request, CheckoutCallback done);
    // Confirms the voucher's existing PaymentIntent again with another phone number (after a
    // rejected confirmation number) or the same (reissue after expiry): a new voucher, same intent.
    void reconfirm(qint64 voucherId, const QString &phone, CheckoutCallback done);
    void reissue(qint64 voucherId, CheckoutCallback done);
    // Continues one sale whose create or confirm went unanswered (outage), with the same keys.
    void resume(qint64 voucherId, CheckoutCallback done);
    // Sends again, with their own keys, the operations a crash or an outage left unanswered.
    void resumeUnfinished(std::function<void(int resumed, int failed)> done);

    // The clerk gives up on a sale that did not complete: its unanswered operations are not
    // resumed, and a PaymentIntent it may have created is canceled.
    void abandon(qint64 voucherId, Callback<VoucherRecord> done);
    void cancelVoucher(qint64 voucherId, const QString &reason, Callback<VoucherRecord> done);
    // amountYen 0: the whole remaining amount.
    void refund(qint64 voucherId, qint64 amountYen, const QString &reason, Callback<RefundRecord> done);
    void cancelRefund(const QString &refundId, Callback<RefundRecord> done);
    void refreshVoucher(qint64 voucherId, Callback<VoucherRecord> done);
    void refreshRefund(const QString &refundId, Callback<RefundRecord> done);

    // Read-only: the vouchers of every terminal of this store (Stripe's Search API on metadata).
    void storeVouchers(std::function<void(const Result<QList<PaymentIntent>> &)> done);

    void setStepHook(std::function<void(Step)> hook) { m_stepHook = std::move(hook); }

signals:
    void voucherIssued(qint64 voucherId);
    void voucherChanged(qint64 voucherId);

private:
    void track(StripeCall *call);
    qint64 now() const;
    void step(Step moment);
    void runCreate(const JournalEntry &entry, CheckoutCallback done);
    void runConfirm(const JournalEntry &entry, CheckoutCallback done);
    void confirmWith(const VoucherRecord &voucher, const QString &phone, CheckoutCallback done);
    void finishCheckout(CheckoutCallback &done, const CheckoutOutcome &outcome);
    CheckoutOutcome failure(const ApiError &error, qint64 voucherId, bool resumable) const;
    // Journal and ledger after a create or confirm failed; the outcome to report.
    CheckoutOutcome recordFailure(const JournalEntry &entry, const ApiError &error, qint64 at);
    // A confirm of `paymentIntentId` for the voucher's customer with `phone` as the number.
    JournalEntry confirmEntryFor(const VoucherRecord &voucher, const QString &paymentIntentId, const QString &phone, qint64 at) const;
    Voucher voucherFrom(const VoucherRecord &record) const;
    RefundRecord refundRecordFrom(const Refund &refund, qint64 voucherId) const;
    void runPost(const JournalEntry &entry, std::function<void(const Result<StripeResponse> &)> done);
    // The answer to a refund or refund cancellation: journal, ledger, signal, callback.
    void finishRefundOperation(const JournalEntry &entry, const Result<StripeResponse> &response, Callback<RefundRecord> done);

    StripeApi &m_api;
    Ledger &m_ledger;
    TerminalIdentity m_terminal;
    Clock m_clock;
    bool m_busy = false;
    std::function<void(Step)> m_stepHook;
    QList<QPointer<StripeCall>> m_calls;
};

} // namespace konbini
