#pragma once

#include "CheckoutTypes.h"
#include "Ledger.h"
#include "StripeApi.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace konbini {

// Issues Konbini vouchers and acts on them (cancel, reissue, refund). Every POST is written to the
// ledger's journal exactly as StripeApi prepared it (idempotency key included) before it is sent,
// and settled in the same transaction as the ledger change its answer brings, so that a crash, a
// quit, a dropped answer or a double Enter never yields a second PaymentIntent or a lost one.
// Destroying the engine abandons its requests without calling back: their entries stay pending
// and resumeUnfinished() completes them, with the same keys, at the next start.
class CheckoutEngine : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<qint64()>;
    using CheckoutCallback = std::function<void(const CheckoutOutcome &)>;
    template <typename T>
    using Callback = std::function<void(const ActionResult<T> &)>;

    // Moments a crash test can stop the process at.
    enum class Step { CreateJournaled, CreateAnswered, CreateRecorded, ConfirmAnswered };

    CheckoutEngine(StripeApi &api, Ledger &ledger, TerminalIdentity terminal, Clock clock = {},
                   QObject *parent = nullptr);
    ~CheckoutEngine() override;

    bool isBusy() const { return m_busy; }

    // The clerk signed in at the till ("" : none): stamped into new vouchers, their PaymentIntents'
    // and refunds' metadata, and the audit log of every action.
    void setClerk(const QString &name) { m_clerk = name; }
    const QString &clerk() const { return m_clerk; }
    bool isReplaying() const { return m_replaying; }

    // The clerk stops waiting for the sale in flight: its request is dropped (it may still reach
    // Stripe), the sale ends with a Canceled error and stays resumable with the same key.
    // False when no sale is on its way.
    bool cancelSale();

    // Validates, creates the PaymentIntent, confirms it; `done` is called once, later.
    void issueVoucher(const CheckoutRequest &request, CheckoutCallback done);
    // Confirms the voucher's PaymentIntent again with another phone number (after a rejected
    // confirmation number): the same intent, never a new one.
    void reconfirm(qint64 voucherId, const QString &phone, CheckoutCallback done);
    // A new voucher for an expired one: the same PaymentIntent confirmed again.
    void reissue(qint64 voucherId, CheckoutCallback done);
    // Continues one sale whose create or confirm went unanswered (outage), with the same keys.
    void resume(qint64 voucherId, CheckoutCallback done);
    // At start: sends again, with their own keys, the operations a crash or a quit left pending,
    // one after the other; each sale is reported (saleRecovered / saleRecoveryFailed).
    void resumeUnfinished(std::function<void(int resumed, int failed)> done = {});

    // The clerk gives up on a sale that did not complete: its unanswered operations are not
    // resumed, and a PaymentIntent it may have created is canceled (an unanswered create is
    // asked again first; while Stripe cannot be reached that fails resumable and changes nothing).
    void abandon(qint64 voucherId, Callback<VoucherRecord> done);
    void cancelVoucher(qint64 voucherId, const QString &reason, Callback<VoucherRecord> done);
    // amountYen 0: the whole remaining amount.
    void refund(qint64 voucherId, qint64 amountYen, const QString &reason, Callback<RefundRecord> done);
    void cancelRefund(const QString &refundId, Callback<RefundRecord> done);
    void refreshVoucher(qint64 voucherId, Callback<VoucherRecord> done);
    void refreshRefund(const QString &refundId, Callback<RefundRecord> done);

    void setStepHook(std::function<void(Step)> hook) { m_stepHook = std::move(hook); }

signals:
    void voucherIssued(qint64 voucherId);
    void voucherChanged(qint64 voucherId);
    void replayStarted();
    void replayFinished(int resumed, int failed);
    // A sale the till finished at start, after a crash or a quit interrupted it: hand the voucher over.
    void saleRecovered(const konbini::Voucher &voucher);
    // A sale the till could not finish at start (`error.resumable`: it is tried again later).
    void saleRecoveryFailed(qint64 voucherId, const konbini::CheckoutError &error);

private:
    // abandon() once Stripe's side of the sale is known.
    void abandonKnown(qint64 voucherId, Callback<VoucherRecord> done);
    template <typename T>
    StripeCall *send(const PreparedRequest &request, std::function<void(const Result<T> &)> answered);
    // The sale's request on its way (create, confirm or the re-read after one), for cancelSale().
    void saleInFlight(StripeCall *call, qint64 voucherId, const CheckoutCallback &done);
    void track(StripeCall *call);
    qint64 now() const;
    void step(Step moment);
    // `done`, after the action's outcome went to the audit log.
    template <typename Outcome>
    std::function<void(const Outcome &)> audited(AuditAction action, qint64 voucherId, qint64 amountYen,
                                                 std::function<void(const Outcome &)> done,
                                                 const QString &detail = {});
    void writeAudit(AuditAction action, qint64 voucherId, qint64 amountYen, const QString &result,
                    const QString &detail, const std::optional<QString> &clerk = std::nullopt);
    void runCreate(const JournalEntry &entry, CheckoutCallback done);
    void runConfirm(const JournalEntry &entry, CheckoutCallback done);
    void keepUnconfirmedIntent(const JournalEntry &entry, const ApiError &error, CheckoutCallback done);
    void takeConfirmedIntent(const JournalEntry &entry, CheckoutCallback done);
    void confirmWith(const VoucherRecord &voucher, const QString &phone, CheckoutCallback done);
    void finishCheckout(CheckoutCallback &done, const CheckoutOutcome &outcome);
    // Writes the entry to the journal (pending) and gives it its id.
    LedgerStatus beginEntry(JournalEntry &entry);
    // A sale that had begun (busy) ends later with this outcome; a refusal never began one.
    void finishLater(CheckoutCallback done, const CheckoutOutcome &outcome);
    void refuseLater(CheckoutCallback done, const CheckoutError &error);
    // True (and the sale failed, resumable) when a create or confirm answer is not what was asked.
    bool rejectImplausible(const JournalEntry &entry, const PaymentIntent &answer, CheckoutCallback &done);
    // Journal and ledger after a create or confirm failed; the outcome to report.
    CheckoutOutcome recordFailure(const JournalEntry &entry, const ApiError &error);
    CheckoutOutcome voucherOutcome(qint64 voucherId) const;
    JournalEntry confirmEntryFor(const VoucherRecord &voucher, const QString &paymentIntentId,
                                 const QString &phone) const;
    // Writes a cancel, refund or refund-cancel entry and sends it; `settle` writes its answer.
    template <typename T>
    void post(JournalEntry entry, std::function<void(const ActionResult<T> &)> settled);
    void settle(const JournalEntry &entry, const Result<PaymentIntent> &answer,
                std::function<void(const ActionResult<VoucherRecord> &)> done);
    void settle(const JournalEntry &entry, const Result<Refund> &answer,
                std::function<void(const ActionResult<RefundRecord> &)> done);
    // An answered POST: its effect on the ledger and its journal entry in one transaction, then
    // the record the caller gets.
    template <typename Record>
    void finishPost(const JournalEntry &entry, const std::function<LedgerStatus()> &apply,
                    const std::function<LedgerResult<Record>()> &readBack,
                    const std::function<void(const ActionResult<Record> &)> &done);
    // A failed POST: final for its key unless the failure is transient.
    void settleFailure(const JournalEntry &entry, const ApiError &error);
    void replayNext(QList<JournalEntry> entries, std::shared_ptr<std::pair<int, int>> counts,
                    std::function<void(int, int)> done);

    StripeApi &m_api;
    Ledger &m_ledger;
    TerminalIdentity m_terminal;
    Clock m_clock;
    QString m_clerk;
    bool m_busy = false;
    bool m_replaying = false;
    std::function<void(Step)> m_stepHook;
    QList<QPointer<StripeCall>> m_calls;
    struct SaleInFlight {
        QPointer<StripeCall> call;
        qint64 voucherId = 0;
        CheckoutCallback done;
    } m_sale;
};

// The ledger's record of a refund Stripe answered with.
RefundRecord refundRecordOf(const Refund &refund, qint64 voucherId);

} // namespace konbini
