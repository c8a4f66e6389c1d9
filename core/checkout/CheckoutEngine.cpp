#include "CheckoutEngine.h"

#include "AnswerCheck.h"
#include "CheckoutLogging.h"
#include "ClerkRules.h"
#include "KonbiniRules.h"

#include <QDateTime>
#include <QTimer>
#include <QUuid>

namespace konbini {
namespace {

// Later, never inside the caller's own call: callers may hold half-updated UI state.
template <typename F>
void later(QObject *context, F &&work)
{
    QTimer::singleShot(0, context, std::forward<F>(work));
}

KonbiniPaymentIntentSpec specFor(const CheckoutRequest &request, const QMap<QString, QString> &metadata)
{
    KonbiniPaymentIntentSpec spec;
    spec.amountYen = request.amountYen;
    spec.productDescription = request.productDescription;
    spec.expiresAfterDays = request.expiresAfterDays;
    spec.expiresAt = request.expiresOn.isValid() ? KonbiniRules::endOfJstDay(request.expiresOn) : 0;
    spec.metadata = metadata;
    return spec;
}

} // namespace

RefundRecord refundRecordOf(const Refund &refund, qint64 voucherId)
{
    RefundRecord record;
    record.id = refund.id;
    record.voucherId = voucherId;
    record.amount = refund.amount;
    record.status = refund.status;
    record.reason = refund.reason;
    record.instructionsEmail = refund.instructionsEmail;
    record.emailSentAt = refund.emailSentAt;
    record.actionExpiresAt = refund.actionExpiresAt;
    record.failureReason = refund.failureReason;
    record.createdAt = refund.created;
    record.clerk = refund.metadata.value(QStringLiteral("clerk")).left(ClerkRules::kMaximumNameLength);
    return record;
}

CheckoutEngine::CheckoutEngine(StripeApi &api, Ledger &ledger, TerminalIdentity terminal, Clock clock, QObject *parent)
    : QObject(parent), m_api(api), m_ledger(ledger), m_terminal(std::move(terminal)), m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = [] { return QDateTime::currentSecsSinceEpoch(); };
}

CheckoutEngine::~CheckoutEngine()
{
    // Quitting is no less safe than crashing: what is in flight is dropped without a callback,
    // its journal entry stays pending, and the next start resumes it with the same key.
    for (const QPointer<StripeCall> &call : std::as_const(m_calls)) {
        if (call)
            call->abandon();
    }
}

void CheckoutEngine::track(StripeCall *call)
{
    m_calls.removeIf([](const QPointer<StripeCall> &tracked) { return tracked.isNull(); });
    m_calls.append(call);
}

template <typename T>
StripeCall *CheckoutEngine::send(const PreparedRequest &request, std::function<void(const Result<T> &)> answered)
{
    StripeCall *call = m_api.send<T>(request, std::move(answered));
    track(call);
    return call;
}

void CheckoutEngine::saleInFlight(StripeCall *call, qint64 voucherId, const CheckoutCallback &done)
{
    m_sale = SaleInFlight{call, voucherId, done};
}

bool CheckoutEngine::cancelSale()
{
    if (!m_sale.call || m_replaying)
        return false;
    m_sale.call->abandon();
    CheckoutCallback done = std::exchange(m_sale.done, nullptr);
    ApiError canceled;
    canceled.kind = ApiError::Kind::Canceled;
    canceled.message = QStringLiteral("The clerk stopped waiting for Stripe's answer.");
    // Pending in the journal as it was: the same request, with its key, continues the sale.
    finishCheckout(done, CheckoutError::fromStripe(canceled, m_sale.voucherId, true));
    m_sale = {};
    return true;
}

qint64 CheckoutEngine::now() const
{
    return m_clock();
}

namespace {

// The audit log's result: "ok", or why not, without anything a customer typed.
QString auditResultOf(const CheckoutError &error)
{
    switch (error.kind) {
    case CheckoutError::Kind::Invalid:
        return QStringLiteral("invalid");
    case CheckoutError::Kind::Busy:
        return QStringLiteral("busy");
    case CheckoutError::Kind::Ledger:
        return QStringLiteral("ledger_error");
    case CheckoutError::Kind::NotAllowed:
        return QStringLiteral("not_allowed");
    case CheckoutError::Kind::Stripe:
        break;
    }
    const QString code = error.stripe.code.isEmpty() ? QStringLiteral("stripe_error") : error.stripe.code;
    return error.resumable ? code + QStringLiteral(" (will resume)") : code;
}

qint64 voucherIdOf(const CheckoutOutcome &outcome)
{
    return outcome.ok() ? outcome.value().voucherId : outcome.error().voucherId;
}
qint64 voucherIdOf(const ActionResult<VoucherRecord> &result)
{
    return result.ok() ? result.value().id : result.error().voucherId;
}
qint64 voucherIdOf(const ActionResult<RefundRecord> &result)
{
    return result.ok() ? result.value().voucherId : result.error().voucherId;
}
qint64 amountOf(const CheckoutOutcome &outcome)
{
    return outcome.ok() ? outcome.value().amountYen : 0;
}
qint64 amountOf(const ActionResult<VoucherRecord> &result)
{
    return result.ok() ? result.value().amountYen : 0;
}
qint64 amountOf(const ActionResult<RefundRecord> &result)
{
    return result.ok() ? result.value().amount : 0;
}

} // namespace

void CheckoutEngine::writeAudit(AuditAction action, qint64 voucherId, qint64 amountYen, const QString &result,
                                const QString &detail, const std::optional<QString> &clerk)
{
    AuditEntry entry;
    entry.at = now();
    entry.clerk = clerk.value_or(m_clerk);
    entry.action = action;
    entry.voucherId = voucherId;
    entry.amountYen = amountYen;
    entry.result = result;
    entry.detail = detail;
    m_ledger.audit().record(entry, m_ledger.vouchers(), AuditLog::Amount::VouchersWhenNone);
}

template <typename Outcome>
std::function<void(const Outcome &)> CheckoutEngine::audited(AuditAction action, qint64 voucherId, qint64 amountYen,
                                                             std::function<void(const Outcome &)> done,
                                                             const QString &detail)
{
    return [this, alive = QPointer<CheckoutEngine>(this), action, voucherId, amountYen, detail,
            done = std::move(done)](const Outcome &outcome) {
        if (alive) {
            const qint64 amount = amountYen > 0 ? amountYen : amountOf(outcome);
            writeAudit(action, voucherId > 0 ? voucherId : voucherIdOf(outcome), amount,
                       outcome.ok() ? QStringLiteral("ok") : auditResultOf(outcome.error()), detail);
        }
        if (done)
            done(outcome);
    };
}

void CheckoutEngine::step(Step moment)
{
    if (m_stepHook)
        m_stepHook(moment);
}

void CheckoutEngine::finishCheckout(CheckoutCallback &done, const CheckoutOutcome &outcome)
{
    m_busy = false;
    if (outcome.ok())
        emit voucherIssued(outcome.value().voucherId);
    else if (outcome.error().voucherId)
        emit voucherChanged(outcome.error().voucherId);
    if (done)
        std::exchange(done, nullptr)(outcome);
}

LedgerStatus CheckoutEngine::beginEntry(JournalEntry &entry)
{
    const LedgerResult<qint64> entryId = m_ledger.journal().begin(entry);
    if (!entryId)
        return entryId.error();
    entry.id = entryId.value();
    return {};
}

void CheckoutEngine::finishLater(CheckoutCallback done, const CheckoutOutcome &outcome)
{
    later(this, [this, done = std::move(done), outcome]() mutable { finishCheckout(done, outcome); });
}

void CheckoutEngine::refuseLater(CheckoutCallback done, const CheckoutError &error)
{
    later(this, [done, error] { done(error); });
}

CheckoutOutcome CheckoutEngine::voucherOutcome(qint64 voucherId) const
{
    const LedgerResult<VoucherRecord> voucher = m_ledger.vouchers().voucher(voucherId);
    if (!voucher)
        return CheckoutError::fromLedger(voucher.error(), voucherId, false);
    return Voucher::from(voucher.value());
}

bool CheckoutEngine::rejectImplausible(const JournalEntry &entry, const PaymentIntent &answer, CheckoutCallback &done)
{
    const LedgerResult<VoucherRecord> asked = m_ledger.vouchers().voucher(entry.voucherId);
    if (!asked)
        return false; // the caller's own ledger write reports it
    const std::optional<QString> why = implausibleAnswer(answer, asked.value(), now(), m_api.isLoopbackSandbox());
    if (!why)
        return false;
    qCWarning(lcCheckout) << "implausible answer for voucher" << entry.voucherId << ":" << *why;
    ApiError error;
    error.kind = ApiError::Kind::Decoding;
    error.code = QStringLiteral("implausible_answer");
    error.message = QStringLiteral("The answer does not match what was asked: %1.").arg(*why);
    // The entry stays pending: nothing of the answer is recorded, and the sale can be resumed.
    if (const LedgerStatus noted = m_ledger.vouchers().setLastError(entry.voucherId, error.code, now()); !noted)
        qCWarning(lcCheckout) << "could not note the failure:" << noted.error().message;
    finishCheckout(done, CheckoutError::fromStripe(error, entry.voucherId, true));
    return true;
}

CheckoutOutcome CheckoutEngine::recordFailure(const JournalEntry &entry, const ApiError &error)
{
    // A transient failure stays pending in the journal, to be resumed with the same key; any
    // other is final for that key.
    const bool resumable = error.isTransient();
    const LedgerStatus recorded = m_ledger.transaction([&]() -> LedgerStatus {
        if (!resumable) {
            if (const LedgerStatus finished =
                    m_ledger.journal().finish(entry.id, JournalEntry::State::Failed, error.code, now());
                !finished)
                return finished;
        }
        return m_ledger.vouchers().setLastError(entry.voucherId,
                                                error.code.isEmpty() ? QStringLiteral("network") : error.code, now());
    });
    if (!recorded)
        qCWarning(lcCheckout) << "could not record the failure of voucher" << entry.voucherId << ":"
                              << recorded.error().message;
    return CheckoutError::fromStripe(error, entry.voucherId, resumable);
}

JournalEntry CheckoutEngine::confirmEntryFor(const VoucherRecord &voucher, const QString &paymentIntentId,
                                             const QString &phone) const
{
    JournalEntry entry;
    entry.voucherId = voucher.id;
    entry.operation = JournalOperation::ConfirmPaymentIntent;
    entry.request = StripeApi::confirmPaymentIntent(
        paymentIntentId,
        {voucher.customerName, voucher.email, KonbiniRules::confirmationNumberFromPhone(phone).digits});
    entry.createdAt = now();
    return entry;
}

void CheckoutEngine::issueVoucher(const CheckoutRequest &request, CheckoutCallback done)
{
    done = audited(AuditAction::Issue, 0, request.amountYen, std::move(done));
    if (m_busy) {
        refuseLater(std::move(done), CheckoutError::busy());
        return;
    }
    const qint64 at = now();
    const QList<FieldProblem> problems = validateCheckout(request, at);
    if (!problems.isEmpty()) {
        refuseLater(std::move(done), CheckoutError::invalid(problems));
        return;
    }
    m_busy = true;

    VoucherRecord voucher;
    voucher.orderRef = QUuid::createUuid().toString(QUuid::WithoutBraces);
    voucher.store = m_terminal.store;
    voucher.terminal = m_terminal.terminal;
    voucher.amountYen = request.amountYen;
    voucher.productDescription = request.productDescription;
    voucher.customerName = request.customerName.trimmed();
    voucher.email = request.email.trimmed();
    voucher.phone = request.phone;
    voucher.confirmationNumber = KonbiniRules::confirmationNumberFromPhone(request.phone).digits;
    voucher.expiresAfterDays = request.expiresOn.isValid() ? 0 : request.expiresAfterDays;
    voucher.expiresAtOption = request.expiresOn.isValid() ? KonbiniRules::endOfJstDay(request.expiresOn) : 0;
    voucher.createdAt = at;
    voucher.clerk = m_clerk;
    QMap<QString, QString> metadata{{QStringLiteral("store"), m_terminal.store},
                                    {QStringLiteral("terminal"), m_terminal.terminal},
                                    {QStringLiteral("order_ref"), voucher.orderRef},
                                    {QStringLiteral("app_version"), QStringLiteral(KONBINI_VERSION)}};
    if (!m_clerk.isEmpty())
        metadata.insert(QStringLiteral("clerk"), m_clerk);
    JournalEntry entry;
    entry.operation = JournalOperation::CreatePaymentIntent;
    KonbiniPaymentIntentSpec spec = specFor(request, metadata);
    // One request for the voucher: created and confirmed together.
    spec.confirmFor = KonbiniCustomer{voucher.customerName, voucher.email, voucher.confirmationNumber};
    entry.request = StripeApi::createPaymentIntent(spec);
    entry.createdAt = at;
    const LedgerStatus written = m_ledger.transaction([&]() -> LedgerStatus {
        const LedgerResult<qint64> voucherId = m_ledger.vouchers().insert(voucher);
        if (!voucherId)
            return voucherId.error();
        entry.voucherId = voucherId.value();
        return beginEntry(entry);
    });
    if (!written) {
        // Nothing was sent: the sale is simply not there, and the clerk may try again.
        finishLater(std::move(done), CheckoutError::fromLedger(written.error()));
        return;
    }
    step(Step::CreateJournaled);
    runCreate(entry, std::move(done));
}

void CheckoutEngine::runCreate(const JournalEntry &entry, CheckoutCallback done)
{
    StripeCall *call =
        send<PaymentIntent>(entry.request, [this, entry, done](const Result<PaymentIntent> &created) mutable {
            m_sale = {};
            step(Step::CreateAnswered);
            if (!created.ok()) {
                if (!created.error().paymentIntentId.isEmpty()) {
                    keepUnconfirmedIntent(entry, created.error(), std::move(done));
                    return;
                }
                finishCheckout(done, recordFailure(entry, created.error()));
                return;
            }
            const PaymentIntent &pi = created.value();
            if (rejectImplausible(entry, pi, done))
                return;
            if (pi.status != PaymentIntentStatus::RequiresPaymentMethod) {
                // Created and confirmed in one request: the answer is the voucher.
                const LedgerStatus recorded = m_ledger.transaction([&]() -> LedgerStatus {
                    if (const LedgerStatus set =
                            m_ledger.vouchers().setPaymentIntent(entry.voucherId, pi.id, pi.status, now());
                        !set)
                        return set;
                    const LedgerResult<StatusChange> applied =
                        m_ledger.vouchers().applyPaymentIntent(entry.voucherId, pi, now());
                    if (!applied)
                        return applied.error();
                    return m_ledger.journal().finish(entry.id, JournalEntry::State::Done, QString(), now());
                });
                step(Step::CreateRecorded);
                finishCheckout(done, recorded ? voucherOutcome(entry.voucherId)
                                              : CheckoutError::fromLedger(recorded.error(), entry.voucherId, true));
                return;
            }
            // Created without confirming (a create journaled by an earlier release): confirm it now.
            JournalEntry confirmEntry;
            const LedgerStatus recorded = m_ledger.transaction([&]() -> LedgerStatus {
                const LedgerResult<VoucherRecord> voucher = m_ledger.vouchers().voucher(entry.voucherId);
                if (!voucher)
                    return voucher.error();
                confirmEntry = confirmEntryFor(voucher.value(), pi.id, voucher.value().confirmationNumber);
                if (const LedgerStatus set =
                        m_ledger.vouchers().setPaymentIntent(entry.voucherId, pi.id, pi.status, now());
                    !set)
                    return set;
                if (const LedgerStatus finished =
                        m_ledger.journal().finish(entry.id, JournalEntry::State::Done, QString(), now());
                    !finished)
                    return finished;
                return beginEntry(confirmEntry);
            });
            if (!recorded) {
                // The create stays pending: resuming sends it again with its key and Stripe answers
                // with the same PaymentIntent.
                finishCheckout(done, CheckoutError::fromLedger(recorded.error(), entry.voucherId, true));
                return;
            }
            step(Step::CreateRecorded);
            runConfirm(confirmEntry, std::move(done));
        });
    saleInFlight(call, entry.voucherId, done);
}

// The create ran and made a PaymentIntent, but confirming it failed (a confirmation number too
// common, Konbini unavailable for now). The create is done for good (its key would only replay
// this error): the voucher keeps that PaymentIntent, and what comes next confirms it, never a new
// one: the clerk's new number (reconfirm), or, when the failure is transient, a confirm entry
// left pending for resume.
void CheckoutEngine::keepUnconfirmedIntent(const JournalEntry &entry, const ApiError &error, CheckoutCallback done)
{
    const bool resumable = error.isTransient();
    const LedgerStatus recorded = m_ledger.transaction([&]() -> LedgerStatus {
        if (const LedgerStatus set = m_ledger.vouchers().setPaymentIntent(
                entry.voucherId, error.paymentIntentId, PaymentIntentStatus::RequiresPaymentMethod, now());
            !set)
            return set;
        if (const LedgerStatus finished = m_ledger.journal().finish(entry.id, JournalEntry::State::Done,
                                                                    QStringLiteral("created_unconfirmed"), now());
            !finished)
            return finished;
        if (const LedgerStatus noted = m_ledger.vouchers().setLastError(entry.voucherId, error.code, now()); !noted)
            return noted;
        if (!resumable)
            return {};
        const LedgerResult<VoucherRecord> voucher = m_ledger.vouchers().voucher(entry.voucherId);
        if (!voucher)
            return voucher.error();
        JournalEntry confirmEntry =
            confirmEntryFor(voucher.value(), error.paymentIntentId, voucher.value().confirmationNumber);
        return beginEntry(confirmEntry);
    });
    step(Step::CreateRecorded);
    finishCheckout(done, recorded ? CheckoutOutcome(CheckoutError::fromStripe(error, entry.voucherId, resumable))
                                  : CheckoutError::fromLedger(recorded.error(), entry.voucherId, true));
}

void CheckoutEngine::runConfirm(const JournalEntry &entry, CheckoutCallback done)
{
    StripeCall *call =
        send<PaymentIntent>(entry.request, [this, entry, done](const Result<PaymentIntent> &confirmed) mutable {
            m_sale = {};
            step(Step::ConfirmAnswered);
            if (confirmed.ok() && rejectImplausible(entry, confirmed.value(), done))
                return;
            if (confirmed.ok()) {
                const LedgerStatus recorded = m_ledger.transaction([&]() -> LedgerStatus {
                    const LedgerResult<StatusChange> applied =
                        m_ledger.vouchers().applyPaymentIntent(entry.voucherId, confirmed.value(), now());
                    if (!applied)
                        return applied.error();
                    return m_ledger.journal().finish(entry.id, JournalEntry::State::Done, QString(), now());
                });
                finishCheckout(done,
                               recorded ? voucherOutcome(entry.voucherId)
                                        : CheckoutError::fromLedger(recorded.error(), entry.voucherId, true));
                return;
            }
            const ApiError &error = confirmed.error();
            if (error.kind == ApiError::Kind::UnexpectedState
                && error.paymentIntentStatus == PaymentIntentStatus::RequiresAction) {
                // Confirmed already (an answer lost longer than Stripe keeps keys): take it as it is.
                takeConfirmedIntent(entry, std::move(done));
                return;
            }
            finishCheckout(done, recordFailure(entry, error));
        });
    saleInFlight(call, entry.voucherId, done);
}

void CheckoutEngine::takeConfirmedIntent(const JournalEntry &entry, CheckoutCallback done)
{
    const LedgerResult<VoucherRecord> voucher = m_ledger.vouchers().voucher(entry.voucherId);
    if (!voucher) {
        finishCheckout(done, CheckoutError::fromLedger(voucher.error(), entry.voucherId, true));
        return;
    }
    track(m_api.retrievePaymentIntent(
        voucher.value().paymentIntentId, [this, entry, done](const Result<PaymentIntent> &current) mutable {
            if (!current.ok()) {
                finishCheckout(done, CheckoutError::fromStripe(current.error(), entry.voucherId, true));
                return;
            }
            if (rejectImplausible(entry, current.value(), done))
                return;
            if (!current.value().voucher) {
                ApiError noVoucher;
                noVoucher.kind = ApiError::Kind::UnexpectedState;
                noVoucher.code = QStringLiteral("payment_intent_unexpected_state");
                noVoucher.message = QStringLiteral("The PaymentIntent has no voucher.");
                noVoucher.paymentIntentStatus = current.value().status;
                finishCheckout(done, recordFailure(entry, noVoucher));
                return;
            }
            const LedgerStatus recorded = m_ledger.transaction([&]() -> LedgerStatus {
                const LedgerResult<StatusChange> applied =
                    m_ledger.vouchers().applyPaymentIntent(entry.voucherId, current.value(), now());
                if (!applied)
                    return applied.error();
                return m_ledger.journal().finish(entry.id, JournalEntry::State::Done,
                                                 QStringLiteral("already_confirmed"), now());
            });
            finishCheckout(done,
                           recorded ? voucherOutcome(entry.voucherId)
                                    : CheckoutError::fromLedger(recorded.error(), entry.voucherId, true));
        }));
}

void CheckoutEngine::reconfirm(qint64 voucherId, const QString &phone, CheckoutCallback done)
{
    if (m_busy) {
        refuseLater(std::move(done), CheckoutError::busy());
        return;
    }
    const LedgerResult<VoucherRecord> voucher = m_ledger.vouchers().voucher(voucherId);
    if (!voucher) {
        refuseLater(std::move(done),
                    voucher.error().kind == LedgerError::Kind::NotFound
                        ? CheckoutError::refused(ActionRefusal::NoSuchVoucher, voucherId)
                        : CheckoutError::fromLedger(voucher.error(), voucherId));
        return;
    }
    if (const ActionCheck check = canReconfirm(voucher.value()); !check) {
        refuseLater(std::move(done), CheckoutError::refused(check.refusal, voucherId));
        return;
    }
    if (!KonbiniRules::confirmationNumberFromPhone(phone).valid) {
        CheckoutRequest onlyPhone;
        onlyPhone.phone = phone;
        QList<FieldProblem> problems;
        for (const FieldProblem &problem : validateCheckout(onlyPhone, now())) {
            if (problem.field == CheckoutField::Phone)
                problems.append(problem);
        }
        CheckoutError invalid = CheckoutError::invalid(problems);
        invalid.voucherId = voucherId;
        refuseLater(std::move(done), invalid);
        return;
    }
    m_busy = true;
    confirmWith(voucher.value(), phone, std::move(done));
}

void CheckoutEngine::reissue(qint64 voucherId, CheckoutCallback done)
{
    done = audited(AuditAction::Reissue, voucherId, 0, std::move(done));
    const LedgerResult<VoucherRecord> voucher = m_ledger.vouchers().voucher(voucherId);
    if (!voucher) {
        refuseLater(std::move(done), CheckoutError::refused(ActionRefusal::NoSuchVoucher, voucherId));
        return;
    }
    if (const ActionCheck check = canReissue(voucher.value()); !check) {
        refuseLater(std::move(done), CheckoutError::refused(check.refusal, voucherId));
        return;
    }
    reconfirm(voucherId, voucher.value().confirmationNumber, std::move(done));
}

void CheckoutEngine::resume(qint64 voucherId, CheckoutCallback done)
{
    if (m_busy) {
        refuseLater(std::move(done), CheckoutError::busy());
        return;
    }
    const LedgerResult<QList<JournalEntry>> pending = m_ledger.journal().pending();
    if (!pending) {
        refuseLater(std::move(done), CheckoutError::fromLedger(pending.error(), voucherId, true));
        return;
    }
    for (const JournalEntry &entry : pending.value()) {
        if (entry.voucherId != voucherId)
            continue;
        if (entry.operation == JournalOperation::CreatePaymentIntent) {
            m_busy = true;
            runCreate(entry, std::move(done));
            return;
        }
        if (entry.operation == JournalOperation::ConfirmPaymentIntent) {
            m_busy = true;
            runConfirm(entry, std::move(done));
            return;
        }
    }
    refuseLater(std::move(done), CheckoutError::refused(ActionRefusal::NothingUnfinished, voucherId));
}

void CheckoutEngine::confirmWith(const VoucherRecord &voucher, const QString &phone, CheckoutCallback done)
{
    JournalEntry entry = confirmEntryFor(voucher, voucher.paymentIntentId, phone);
    const LedgerStatus written = m_ledger.transaction([&]() -> LedgerStatus {
        const LedgerStatus set = m_ledger.vouchers().setConfirmationNumber(
            voucher.id, phone, KonbiniRules::confirmationNumberFromPhone(phone).digits, now());
        if (!set)
            return set;
        return beginEntry(entry);
    });
    if (!written) {
        finishLater(std::move(done), CheckoutError::fromLedger(written.error(), voucher.id, false));
        return;
    }
    runConfirm(entry, std::move(done));
}

void CheckoutEngine::resumeUnfinished(std::function<void(int resumed, int failed)> done)
{
    const LedgerResult<QList<JournalEntry>> pending = m_ledger.journal().pending();
    if (!pending) {
        qCWarning(lcCheckout) << "cannot read the journal:" << pending.error().message;
        later(this, [done] {
            if (done)
                done(0, 1);
        });
        return;
    }
    m_replaying = true;
    emit replayStarted();
    later(this, [this, entries = pending.value(), done] {
        replayNext(entries, std::make_shared<std::pair<int, int>>(0, 0), done);
    });
}

void CheckoutEngine::replayNext(QList<JournalEntry> entries, std::shared_ptr<std::pair<int, int>> counts,
                                std::function<void(int, int)> done)
{
    if (entries.isEmpty()) {
        m_replaying = false;
        emit replayFinished(counts->first, counts->second);
        if (done)
            done(counts->first, counts->second);
        return;
    }
    const JournalEntry entry = entries.takeFirst();
    qCInfo(lcCheckout) << "resuming" << Journal::operationKey(entry.operation) << "of voucher" << entry.voucherId;
    const auto next = [this, entries, counts, done](bool ok) {
        ok ? ++counts->first : ++counts->second;
        later(this, [this, entries, counts, done] { replayNext(entries, counts, done); });
    };
    switch (entry.operation) {
    case JournalOperation::CreatePaymentIntent:
    case JournalOperation::ConfirmPaymentIntent: {
        m_busy = true;
        auto finished = [this, entry, next](const CheckoutOutcome &outcome) {
            // In the log under the clerk of the sale, who may not be the one signed in now.
            const LedgerResult<VoucherRecord> sale = m_ledger.vouchers().voucher(entry.voucherId);
            writeAudit(AuditAction::Issue, entry.voucherId, 0,
                       outcome.ok() ? QStringLiteral("ok") : auditResultOf(outcome.error()),
                       QStringLiteral("resumed after a restart"), sale ? sale.value().clerk : m_clerk);
            if (outcome.ok())
                emit saleRecovered(outcome.value());
            else
                emit saleRecoveryFailed(entry.voucherId, outcome.error());
            next(outcome.ok());
        };
        entry.operation == JournalOperation::CreatePaymentIntent ? runCreate(entry, finished)
                                                                 : runConfirm(entry, finished);
        return;
    }
    case JournalOperation::CancelPaymentIntent:
        send<PaymentIntent>(entry.request, [this, entry, next](const Result<PaymentIntent> &answer) {
            settle(entry, answer, [next](const ActionResult<VoucherRecord> &result) { next(result.ok()); });
        });
        return;
    case JournalOperation::CreateRefund:
    case JournalOperation::CancelRefund:
        send<Refund>(entry.request, [this, entry, next](const Result<Refund> &answer) {
            settle(entry, answer, [next](const ActionResult<RefundRecord> &result) { next(result.ok()); });
        });
        return;
    }
}

template <typename T>
void CheckoutEngine::post(JournalEntry entry, std::function<void(const ActionResult<T> &)> settled)
{
    entry.createdAt = now();
    if (const LedgerStatus begun = beginEntry(entry); !begun) {
        const CheckoutError error = CheckoutError::fromLedger(begun.error(), entry.voucherId);
        later(this, [settled, error] { settled(error); });
        return;
    }
    using Answer = std::conditional_t<std::is_same_v<T, VoucherRecord>, PaymentIntent, Refund>;
    send<Answer>(entry.request,
                 [this, entry, settled](const Result<Answer> &answer) { settle(entry, answer, settled); });
}

void CheckoutEngine::settleFailure(const JournalEntry &entry, const ApiError &error)
{
    // A transient failure leaves the entry pending, for the next start to send again.
    if (error.isTransient())
        return;
    if (const LedgerStatus finished =
            m_ledger.journal().finish(entry.id, JournalEntry::State::Failed, error.code, now());
        !finished)
        qCWarning(lcCheckout) << "could not close journal entry" << entry.id << ":" << finished.error().message;
}

template <typename Record>
void CheckoutEngine::finishPost(const JournalEntry &entry, const std::function<LedgerStatus()> &apply,
                                const std::function<LedgerResult<Record>()> &readBack,
                                const std::function<void(const ActionResult<Record> &)> &done)
{
    const LedgerStatus recorded = m_ledger.transaction([&]() -> LedgerStatus {
        if (const LedgerStatus applied = apply(); !applied)
            return applied;
        return m_ledger.journal().finish(entry.id, JournalEntry::State::Done, QString(), now());
    });
    if (!recorded) {
        done(CheckoutError::fromLedger(recorded.error(), entry.voucherId, true));
        return;
    }
    emit voucherChanged(entry.voucherId);
    const LedgerResult<Record> record = readBack();
    done(record ? ActionResult<Record>(record.value()) : CheckoutError::fromLedger(record.error(), entry.voucherId));
}

void CheckoutEngine::settle(const JournalEntry &entry, const Result<PaymentIntent> &answer,
                            std::function<void(const ActionResult<VoucherRecord> &)> done)
{
    if (!answer.ok()) {
        settleFailure(entry, answer.error());
        done(CheckoutError::fromStripe(answer.error(), entry.voucherId, answer.error().isTransient()));
        return;
    }
    finishPost<VoucherRecord>(
        entry,
        [&]() -> LedgerStatus {
            const LedgerResult<StatusChange> applied =
                m_ledger.vouchers().applyPaymentIntent(entry.voucherId, answer.value(), now());
            return applied ? LedgerStatus() : LedgerStatus(applied.error());
        },
        [&] { return m_ledger.vouchers().voucher(entry.voucherId); }, done);
}

void CheckoutEngine::settle(const JournalEntry &entry, const Result<Refund> &answer,
                            std::function<void(const ActionResult<RefundRecord> &)> done)
{
    if (!answer.ok()) {
        settleFailure(entry, answer.error());
        done(CheckoutError::fromStripe(answer.error(), entry.voucherId, answer.error().isTransient()));
        return;
    }
    const RefundRecord record = refundRecordOf(answer.value(), entry.voucherId);
    finishPost<RefundRecord>(
        entry,
        [&]() -> LedgerStatus {
            const LedgerResult<StatusChange> upserted = m_ledger.refunds().upsert(record, now());
            return upserted ? LedgerStatus() : LedgerStatus(upserted.error());
        },
        [&] { return m_ledger.refunds().refund(record.id); }, done);
}

void CheckoutEngine::abandon(qint64 voucherId, Callback<VoucherRecord> done)
{
    // A create that was sent but never answered may have made a PaymentIntent, with its voucher
    // (the sale is one request), that the till does not know yet. Failing the entry blindly would
    // leave a payable voucher at Stripe: ask again with the same key first, then cancel what it made.
    bool createUnanswered = false;
    if (const LedgerResult<QList<JournalEntry>> pending = m_ledger.journal().pending()) {
        for (const JournalEntry &entry : pending.value())
            createUnanswered |= entry.voucherId == voucherId && entry.operation == JournalOperation::CreatePaymentIntent;
    }
    if (createUnanswered) {
        resume(voucherId, [this, voucherId, done = std::move(done)](const CheckoutOutcome &outcome) mutable {
            if (!outcome.ok() && (outcome.error().resumable || outcome.error().kind == CheckoutError::Kind::Busy)) {
                done(outcome.error()); // still unknown: nothing is failed, the clerk can try again
                return;
            }
            abandonKnown(voucherId, std::move(done));
        });
        return;
    }
    abandonKnown(voucherId, std::move(done));
}

void CheckoutEngine::abandonKnown(qint64 voucherId, Callback<VoucherRecord> done)
{
    if (const LedgerStatus failed = m_ledger.journal().failPending(voucherId, QStringLiteral("abandoned"), now());
        !failed) {
        later(this, [done, voucherId, error = failed.error()] { done(CheckoutError::fromLedger(error, voucherId)); });
        return;
    }
    const LedgerResult<VoucherRecord> voucher = m_ledger.vouchers().voucher(voucherId);
    if (voucher && canCancel(voucher.value())) {
        cancelVoucher(voucherId, QStringLiteral("abandoned"), std::move(done));
        return;
    }
    later(this, [done, voucher, voucherId] {
        if (voucher)
            done(voucher.value());
        else
            done(CheckoutError::refused(ActionRefusal::NoSuchVoucher, voucherId));
    });
}

void CheckoutEngine::cancelVoucher(qint64 voucherId, const QString &reason, Callback<VoucherRecord> done)
{
    if (reason != u"abandoned") // giving up on an unfinished sale is part of the sale, not a cancel
        done = audited(AuditAction::Cancel, voucherId, 0, std::move(done));
    const LedgerResult<VoucherRecord> voucher = m_ledger.vouchers().voucher(voucherId);
    const ActionCheck check = voucher ? canCancel(voucher.value()) : ActionCheck{ActionRefusal::NoSuchVoucher};
    if (!check) {
        later(this, [done, check, voucherId] { done(CheckoutError::refused(check.refusal, voucherId)); });
        return;
    }
    JournalEntry entry;
    entry.voucherId = voucherId;
    entry.operation = JournalOperation::CancelPaymentIntent;
    entry.request = StripeApi::cancelPaymentIntent(voucher.value().paymentIntentId, reason);
    post<VoucherRecord>(entry, std::move(done));
}

void CheckoutEngine::refund(qint64 voucherId, qint64 amountYen, const QString &reason, Callback<RefundRecord> done)
{
    done = audited(AuditAction::Refund, voucherId, amountYen, std::move(done));
    const LedgerResult<VoucherRecord> voucher = m_ledger.vouchers().voucher(voucherId);
    const ActionCheck check =
        voucher ? canRefund(voucher.value(), amountYen) : ActionCheck{ActionRefusal::NoSuchVoucher};
    if (!check) {
        later(this, [done, check, voucherId] { done(CheckoutError::refused(check.refusal, voucherId)); });
        return;
    }
    JournalEntry entry;
    entry.voucherId = voucherId;
    entry.operation = JournalOperation::CreateRefund;
    QMap<QString, QString> metadata{{QStringLiteral("terminal"), m_terminal.terminal}};
    if (!m_clerk.isEmpty())
        metadata.insert(QStringLiteral("clerk"), m_clerk);
    entry.request = StripeApi::createRefund(voucher.value().paymentIntentId, amountYen, reason, metadata);
    post<RefundRecord>(entry, std::move(done));
}

void CheckoutEngine::cancelRefund(const QString &refundId, Callback<RefundRecord> done)
{
    const LedgerResult<RefundRecord> existing = m_ledger.refunds().refund(refundId);
    done = audited(AuditAction::CancelRefund, existing ? existing.value().voucherId : 0,
                   existing ? existing.value().amount : 0, std::move(done), refundId);
    const ActionCheck check = existing ? canCancelRefund(existing.value()) : ActionCheck{ActionRefusal::NoSuchRefund};
    if (!check) {
        const qint64 voucherId = existing ? existing.value().voucherId : 0;
        later(this, [done, check, voucherId] { done(CheckoutError::refused(check.refusal, voucherId)); });
        return;
    }
    JournalEntry entry;
    entry.voucherId = existing.value().voucherId;
    entry.operation = JournalOperation::CancelRefund;
    entry.request = StripeApi::cancelRefund(refundId);
    post<RefundRecord>(entry, std::move(done));
}

void CheckoutEngine::refreshVoucher(qint64 voucherId, Callback<VoucherRecord> done)
{
    const LedgerResult<VoucherRecord> voucher = m_ledger.vouchers().voucher(voucherId);
    if (!voucher || voucher.value().paymentIntentId.isEmpty()) {
        const ActionRefusal refusal = voucher ? ActionRefusal::NoPaymentIntent : ActionRefusal::NoSuchVoucher;
        later(this, [done, refusal, voucherId] { done(CheckoutError::refused(refusal, voucherId)); });
        return;
    }
    const QString paymentIntentId = voucher.value().paymentIntentId;
    track(m_api.retrievePaymentIntent(
        paymentIntentId, [this, voucherId, paymentIntentId, done](const Result<PaymentIntent> &pi) {
            if (!pi.ok()) {
                done(CheckoutError::fromStripe(pi.error(), voucherId));
                return;
            }
            const LedgerResult<StatusChange> applied =
                m_ledger.vouchers().applyPaymentIntent(voucherId, pi.value(), now());
            if (!applied) {
                done(CheckoutError::fromLedger(applied.error(), voucherId));
                return;
            }
            const auto answer = [this, voucherId, done] {
                emit voucherChanged(voucherId);
                const LedgerResult<VoucherRecord> current = m_ledger.vouchers().voucher(voucherId);
                done(current ? ActionResult<VoucherRecord>(current.value())
                             : CheckoutError::fromLedger(current.error(), voucherId));
            };
            if (pi.value().status != PaymentIntentStatus::Succeeded) {
                answer();
                return;
            }
            track(m_api.listRefundsOf(paymentIntentId, [this, voucherId, answer](const Result<Page<Refund>> &refunds) {
                if (refunds.ok()) {
                    for (const Refund &refund : refunds.value().items) {
                        if (const auto upserted = m_ledger.refunds().upsert(refundRecordOf(refund, voucherId), now());
                            !upserted)
                            qCWarning(lcCheckout)
                                << "could not record refund" << refund.id << ":" << upserted.error().message;
                    }
                }
                answer();
            }));
        }));
}

void CheckoutEngine::refreshRefund(const QString &refundId, Callback<RefundRecord> done)
{
    const LedgerResult<RefundRecord> existing = m_ledger.refunds().refund(refundId);
    if (!existing) {
        later(this, [done] { done(CheckoutError::refused(ActionRefusal::NoSuchRefund)); });
        return;
    }
    const qint64 voucherId = existing.value().voucherId;
    track(m_api.retrieveRefund(refundId, [this, voucherId, done](const Result<Refund> &refund) {
        if (!refund.ok()) {
            done(CheckoutError::fromStripe(refund.error(), voucherId));
            return;
        }
        const RefundRecord record = refundRecordOf(refund.value(), voucherId);
        if (const auto upserted = m_ledger.refunds().upsert(record, now()); !upserted) {
            done(CheckoutError::fromLedger(upserted.error(), voucherId));
            return;
        }
        emit voucherChanged(voucherId);
        const LedgerResult<RefundRecord> stored = m_ledger.refunds().refund(record.id);
        done(stored ? ActionResult<RefundRecord>(stored.value())
                    : CheckoutError::fromLedger(stored.error(), voucherId));
    }));
}

} // namespace konbini
