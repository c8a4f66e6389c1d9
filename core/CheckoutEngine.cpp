#include "CheckoutEngine.h"

#include "KonbiniRules.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>
#include <QUuid>

Q_LOGGING_CATEGORY(lcCheckout, "konbini.checkout", QtInfoMsg)

namespace konbini {
namespace {

const QString kCreate = QStringLiteral("create");
const QString kConfirm = QStringLiteral("confirm");
const QString kCancel = QStringLiteral("cancel");
const QString kRefund = QStringLiteral("refund");
const QString kCancelRefund = QStringLiteral("cancel_refund");

ApiError localError(ApiError::Kind kind, const QString &code, const QString &message)
{
    ApiError error;
    error.kind = kind;
    error.code = code;
    error.message = message;
    return error;
}

// Later, never inside the caller's own call: callers may hold locks or half-updated UI state.
template <typename F>
void later(QObject *context, F &&work)
{
    QTimer::singleShot(0, context, std::forward<F>(work));
}

} // namespace

CheckoutEngine::CheckoutEngine(StripeApi &api, Ledger &ledger, TerminalIdentity terminal, Clock clock, QObject *parent)
    : QObject(parent), m_api(api), m_ledger(ledger), m_terminal(std::move(terminal)), m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = [] { return QDateTime::currentSecsSinceEpoch(); };
}

CheckoutEngine::~CheckoutEngine()
{
    for (const QPointer<StripeCall> &call : std::as_const(m_calls)) {
        if (call)
            call->cancel();
    }
}

void CheckoutEngine::track(StripeCall *call)
{
    m_calls.removeIf([](const QPointer<StripeCall> &tracked) { return tracked.isNull(); });
    m_calls.append(call);
}

qint64 CheckoutEngine::now() const
{
    return m_clock();
}

void CheckoutEngine::step(Step moment)
{
    if (m_stepHook)
        m_stepHook(moment);
}

CheckoutOutcome CheckoutEngine::failure(const ApiError &error, qint64 voucherId, bool resumable) const
{
    CheckoutOutcome outcome;
    outcome.failure.kind = CheckoutFailure::Kind::Api;
    outcome.failure.error = error;
    outcome.failure.voucherId = voucherId;
    outcome.failure.resumable = resumable;
    return outcome;
}

void CheckoutEngine::finishCheckout(CheckoutCallback &done, const CheckoutOutcome &outcome)
{
    m_busy = false;
    if (outcome.ok())
        emit voucherIssued(outcome.voucher->voucherId);
    if (outcome.failure.voucherId)
        emit voucherChanged(outcome.failure.voucherId);
    if (done)
        std::exchange(done, nullptr)(outcome);
}

CheckoutOutcome CheckoutEngine::recordFailure(const JournalEntry &entry, const ApiError &error, qint64 at)
{
    // A transient failure stays pending in the journal, to be resumed with the same key; any
    // other is final for that key.
    const bool resumable = error.isTransient();
    m_ledger.transaction([&] {
        if (!resumable)
            m_ledger.finishOperation(entry.id, JournalEntry::State::Failed, error.code, at);
        m_ledger.setLastError(entry.voucherId, error.code.isEmpty() ? QStringLiteral("network") : error.code, at);
        return true;
    });
    return failure(error, entry.voucherId, resumable);
}

JournalEntry CheckoutEngine::confirmEntryFor(const VoucherRecord &voucher, const QString &paymentIntentId, const QString &phone, qint64 at) const
{
    CheckoutRequest customer;
    customer.customerName = voucher.customerName;
    customer.email = voucher.email;
    customer.phone = phone;
    JournalEntry entry;
    entry.voucherId = voucher.id;
    entry.operation = kConfirm;
    entry.idempotencyKey = StripeClient::newIdempotencyKey();
    entry.path = QStringLiteral("/v1/payment_intents/%1/confirm").arg(paymentIntentId);
    entry.body = confirmParams(customer).encoded();
    entry.createdAt = at;
    return entry;
}

Voucher CheckoutEngine::voucherFrom(const VoucherRecord &record) const
{
    return Voucher{record.id, record.paymentIntentId, record.amountYen, record.customerName, record.confirmationNumber,
                   record.voucherExpiresAt, record.hostedVoucherUrl, record.stores};
}

void CheckoutEngine::issueVoucher(const CheckoutRequest &request, CheckoutCallback done)
{
    CheckoutOutcome refusal;
    if (m_busy) {
        refusal.failure.kind = CheckoutFailure::Kind::Busy;
        later(this, [done, refusal] { done(refusal); });
        return;
    }
    const qint64 at = now();
    refusal.failure.problems = validateCheckout(request, at);
    if (!refusal.failure.problems.isEmpty()) {
        refusal.failure.kind = CheckoutFailure::Kind::Invalid;
        later(this, [done, refusal] { done(refusal); });
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
    const QMap<QString, QString> metadata{{QStringLiteral("store"), m_terminal.store},
                                          {QStringLiteral("terminal"), m_terminal.terminal},
                                          {QStringLiteral("order_ref"), voucher.orderRef},
                                          {QStringLiteral("app_version"), QStringLiteral(KONBINI_VERSION)}};
    JournalEntry entry;
    entry.operation = kCreate;
    entry.idempotencyKey = StripeClient::newIdempotencyKey();
    entry.path = QStringLiteral("/v1/payment_intents");
    entry.body = createParams(request, metadata).encoded();
    entry.createdAt = at;
    const bool written = m_ledger.transaction([&] {
        entry.voucherId = m_ledger.insertVoucher(voucher);
        entry.id = entry.voucherId ? m_ledger.beginOperation(entry) : 0;
        return entry.id != 0;
    });
    if (!written) {
        CheckoutOutcome outcome = failure(localError(ApiError::Kind::InvalidRequest, QStringLiteral("ledger_write_failed"),
                                                     tr("The sale could not be written to the local ledger; nothing was sent.")),
                                          0, false);
        later(this, [this, done, outcome]() mutable { finishCheckout(done, outcome); });
        return;
    }
    step(Step::CreateJournaled);
    runCreate(entry, std::move(done));
}

void CheckoutEngine::runCreate(const JournalEntry &entry, CheckoutCallback done)
{
    track(m_api.createPaymentIntent(
        FormParams::fromEncoded(entry.body), entry.idempotencyKey, [this, entry, done](const Result<PaymentIntent> &created) mutable {
            step(Step::CreateAnswered);
            const qint64 at = now();
            if (!created.ok()) {
                finishCheckout(done, recordFailure(entry, created.error(), at));
                return;
            }
            const PaymentIntent &pi = created.value();
            const VoucherRecord voucher = *m_ledger.voucher(entry.voucherId);
            JournalEntry confirmEntry = confirmEntryFor(voucher, pi.id, voucher.confirmationNumber, at);
            m_ledger.transaction([&] {
                m_ledger.setPaymentIntent(entry.voucherId, pi.id, pi.status, at);
                m_ledger.finishOperation(entry.id, JournalEntry::State::Done, QString(), at);
                confirmEntry.id = m_ledger.beginOperation(confirmEntry);
                return confirmEntry.id != 0;
            });
            step(Step::CreateRecorded);
            runConfirm(confirmEntry, std::move(done));
        }));
}

void CheckoutEngine::runConfirm(const JournalEntry &entry, CheckoutCallback done)
{
    const std::optional<VoucherRecord> voucher = m_ledger.voucher(entry.voucherId);
    if (!voucher || voucher->paymentIntentId.isEmpty()) {
        m_ledger.finishOperation(entry.id, JournalEntry::State::Failed, QStringLiteral("no_payment_intent"), now());
        CheckoutOutcome outcome;
        outcome.failure.kind = CheckoutFailure::Kind::Missing;
        later(this, [this, done, outcome]() mutable { finishCheckout(done, outcome); });
        return;
    }
    const QString paymentIntentId = voucher->paymentIntentId;
    track(m_api.confirmPaymentIntent(
        paymentIntentId, FormParams::fromEncoded(entry.body), entry.idempotencyKey,
        [this, entry, paymentIntentId, done](const Result<PaymentIntent> &confirmed) mutable {
            step(Step::ConfirmAnswered);
            const qint64 at = now();
            if (confirmed.ok()) {
                m_ledger.transaction([&] {
                    m_ledger.applyPaymentIntent(entry.voucherId, confirmed.value(), at);
                    m_ledger.finishOperation(entry.id, JournalEntry::State::Done, QString(), at);
                    return true;
                });
                CheckoutOutcome outcome;
                outcome.voucher = voucherFrom(*m_ledger.voucher(entry.voucherId));
                finishCheckout(done, outcome);
                return;
            }
            const ApiError &error = confirmed.error();
            if (error.kind == ApiError::Kind::UnexpectedState && error.paymentIntentStatus == u"requires_action") {
                // Confirmed already (an answer lost longer than Stripe keeps keys): take it as it is.
                track(m_api.retrievePaymentIntent(paymentIntentId, [this, entry, done](const Result<PaymentIntent> &current) mutable {
                    if (!current.ok() || !current.value().voucher) {
                        finishCheckout(done, failure(current.ok() ? ApiError{} : current.error(), entry.voucherId, true));
                        return;
                    }
                    m_ledger.transaction([&] {
                        m_ledger.applyPaymentIntent(entry.voucherId, current.value(), now());
                        m_ledger.finishOperation(entry.id, JournalEntry::State::Done, QStringLiteral("already_confirmed"), now());
                        return true;
                    });
                    CheckoutOutcome outcome;
                    outcome.voucher = voucherFrom(*m_ledger.voucher(entry.voucherId));
                    finishCheckout(done, outcome);
                }));
                return;
            }
            finishCheckout(done, recordFailure(entry, error, at));
        }));
}

void CheckoutEngine::reconfirm(qint64 voucherId, const QString &phone, CheckoutCallback done)
{
    CheckoutOutcome refusal;
    refusal.failure.voucherId = voucherId;
    if (m_busy) {
        refusal.failure.kind = CheckoutFailure::Kind::Busy;
        later(this, [done, refusal] { done(refusal); });
        return;
    }
    const std::optional<VoucherRecord> voucher = m_ledger.voucher(voucherId);
    if (!voucher || voucher->paymentIntentId.isEmpty() || voucher->stripeStatus != u"requires_payment_method") {
        refusal.failure.kind = CheckoutFailure::Kind::Missing;
        later(this, [done, refusal] { done(refusal); });
        return;
    }
    const KonbiniRules::ConfirmationNumber number = KonbiniRules::confirmationNumberFromPhone(phone);
    if (!number.valid) {
        CheckoutRequest onlyPhone;
        onlyPhone.phone = phone;
        for (const FieldProblem &problem : validateCheckout(onlyPhone, now())) {
            if (problem.field == CheckoutField::Phone)
                refusal.failure.problems.append(problem);
        }
        refusal.failure.kind = CheckoutFailure::Kind::Invalid;
        later(this, [done, refusal] { done(refusal); });
        return;
    }
    m_busy = true;
    confirmWith(*voucher, phone, std::move(done));
}

void CheckoutEngine::resume(qint64 voucherId, CheckoutCallback done)
{
    CheckoutOutcome refusal;
    refusal.failure.voucherId = voucherId;
    refusal.failure.kind = m_busy ? CheckoutFailure::Kind::Busy : CheckoutFailure::Kind::Missing;
    if (!m_busy) {
        for (const JournalEntry &entry : m_ledger.unfinishedOperations()) {
            if (entry.voucherId != voucherId || (entry.operation != kCreate && entry.operation != kConfirm))
                continue;
            m_busy = true;
            entry.operation == kCreate ? runCreate(entry, std::move(done)) : runConfirm(entry, std::move(done));
            return;
        }
    }
    later(this, [done, refusal] { done(refusal); });
}

void CheckoutEngine::reissue(qint64 voucherId, CheckoutCallback done)
{
    const std::optional<VoucherRecord> voucher = m_ledger.voucher(voucherId);
    reconfirm(voucherId, voucher ? voucher->confirmationNumber : QString(), std::move(done));
}

void CheckoutEngine::confirmWith(const VoucherRecord &voucher, const QString &phone, CheckoutCallback done)
{
    const qint64 at = now();
    JournalEntry entry = confirmEntryFor(voucher, voucher.paymentIntentId, phone, at);
    m_ledger.transaction([&] {
        m_ledger.setConfirmationNumber(voucher.id, phone, KonbiniRules::confirmationNumberFromPhone(phone).digits, at);
        entry.id = m_ledger.beginOperation(entry);
        return entry.id != 0;
    });
    runConfirm(entry, std::move(done));
}

void CheckoutEngine::runPost(const JournalEntry &entry, std::function<void(const Result<StripeResponse> &)> done)
{
    track(m_api.client().send("POST", entry.path, FormParams::fromEncoded(entry.body), std::move(done), entry.idempotencyKey));
}

RefundRecord CheckoutEngine::refundRecordFrom(const Refund &refund, qint64 voucherId) const
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
    return record;
}

void CheckoutEngine::resumeUnfinished(std::function<void(int resumed, int failed)> done)
{
    const QList<JournalEntry> entries = m_ledger.unfinishedOperations();
    auto counts = std::make_shared<std::pair<int, int>>(0, 0);
    auto next = std::make_shared<std::function<void(qsizetype)>>();
    *next = [this, entries, counts, next, done](qsizetype index) {
        if (index == entries.size()) {
            if (done)
                done(counts->first, counts->second);
            *next = nullptr; // break the self-reference
            return;
        }
        const JournalEntry &entry = entries.at(index);
        qCInfo(lcCheckout) << "resuming" << entry.operation << "of voucher" << entry.voucherId;
        const auto count = [counts](bool ok) { ok ? ++counts->first : ++counts->second; };
        const auto advance = [next, index] { QTimer::singleShot(0, [next, index] { if (*next) (*next)(index + 1); }); };
        if (entry.operation == kCreate || entry.operation == kConfirm) {
            m_busy = true;
            auto finished = [count, advance](const CheckoutOutcome &outcome) {
                count(outcome.ok());
                advance();
            };
            entry.operation == kCreate ? runCreate(entry, finished) : runConfirm(entry, finished);
            return;
        }
        runPost(entry, [this, entry, count, advance](const Result<StripeResponse> &response) {
            const qint64 at = now();
            if (response.ok()) {
                if (entry.operation == kCancel) {
                    const Result<PaymentIntent> pi = decodePaymentIntent(response.value().json);
                    if (pi.ok())
                        m_ledger.applyPaymentIntent(entry.voucherId, pi.value(), at);
                } else {
                    const Result<Refund> refund = decodeRefund(response.value().json);
                    if (refund.ok())
                        m_ledger.upsertRefund(refundRecordFrom(refund.value(), entry.voucherId), at);
                }
                m_ledger.finishOperation(entry.id, JournalEntry::State::Done, QString(), at);
                emit voucherChanged(entry.voucherId);
            } else if (!response.error().isTransient()) {
                m_ledger.finishOperation(entry.id, JournalEntry::State::Failed, response.error().code, at);
            }
            count(response.ok());
            advance();
        });
    };
    later(this, [next] { (*next)(0); });
}

void CheckoutEngine::abandon(qint64 voucherId, Callback<VoucherRecord> done)
{
    m_ledger.failPendingOperations(voucherId, QStringLiteral("abandoned"), now());
    const std::optional<VoucherRecord> voucher = m_ledger.voucher(voucherId);
    const bool open = voucher && !voucher->paymentIntentId.isEmpty()
        && (voucher->stripeStatus == u"requires_payment_method" || voucher->stripeStatus == u"requires_action");
    if (open) {
        cancelVoucher(voucherId, QStringLiteral("abandoned"), std::move(done));
        return;
    }
    later(this, [this, voucherId, done] {
        const std::optional<VoucherRecord> current = m_ledger.voucher(voucherId);
        if (current)
            done(*current);
        else
            done(localError(ApiError::Kind::NotFound, QStringLiteral("resource_missing"), tr("No such sale in this terminal's ledger.")));
    });
}

void CheckoutEngine::cancelVoucher(qint64 voucherId, const QString &reason, Callback<VoucherRecord> done)
{
    const std::optional<VoucherRecord> voucher = m_ledger.voucher(voucherId);
    if (!voucher || voucher->paymentIntentId.isEmpty()) {
        later(this, [done] { done(localError(ApiError::Kind::NotFound, QStringLiteral("no_payment_intent"), tr("This sale has no voucher at Stripe."))); });
        return;
    }
    JournalEntry entry;
    entry.voucherId = voucherId;
    entry.operation = kCancel;
    entry.idempotencyKey = StripeClient::newIdempotencyKey();
    entry.path = QStringLiteral("/v1/payment_intents/%1/cancel").arg(voucher->paymentIntentId);
    entry.body = FormParams().addIfNotEmpty(QStringLiteral("cancellation_reason"), reason).encoded();
    entry.createdAt = now();
    entry.id = m_ledger.beginOperation(entry);
    runPost(entry, [this, entry, done](const Result<StripeResponse> &response) {
        const qint64 at = now();
        if (!response.ok()) {
            if (!response.error().isTransient())
                m_ledger.finishOperation(entry.id, JournalEntry::State::Failed, response.error().code, at);
            done(response.error());
            return;
        }
        const Result<PaymentIntent> pi = decodePaymentIntent(response.value().json);
        if (!pi.ok()) {
            done(pi.error());
            return;
        }
        m_ledger.transaction([&] {
            m_ledger.applyPaymentIntent(entry.voucherId, pi.value(), at);
            m_ledger.finishOperation(entry.id, JournalEntry::State::Done, QString(), at);
            return true;
        });
        emit voucherChanged(entry.voucherId);
        done(*m_ledger.voucher(entry.voucherId));
    });
}

void CheckoutEngine::refund(qint64 voucherId, qint64 amountYen, const QString &reason, Callback<RefundRecord> done)
{
    const std::optional<VoucherRecord> voucher = m_ledger.voucher(voucherId);
    if (!voucher || voucher->stripeStatus != u"succeeded") {
        later(this, [done] { done(localError(ApiError::Kind::UnexpectedState, QStringLiteral("not_paid"), tr("Only a paid voucher can be refunded."))); });
        return;
    }
    const qint64 remaining = voucher->amountYen - voucher->amountRefunded;
    if (amountYen < 0 || amountYen > remaining || remaining <= 0) {
        const QString message = tr("At most ¥%1 can still be refunded.").arg(QLocale(QLocale::Japanese, QLocale::Japan).toString(remaining));
        later(this, [done, message] { done(localError(ApiError::Kind::InvalidRequest, QStringLiteral("amount_too_large"), message)); });
        return;
    }
    FormParams params;
    params.add(QStringLiteral("payment_intent"), voucher->paymentIntentId);
    if (amountYen > 0)
        params.add(QStringLiteral("amount"), amountYen);
    params.addIfNotEmpty(QStringLiteral("reason"), reason);
    params.add(QStringLiteral("metadata[terminal]"), m_terminal.terminal);
    JournalEntry entry;
    entry.voucherId = voucherId;
    entry.operation = kRefund;
    entry.idempotencyKey = StripeClient::newIdempotencyKey();
    entry.path = QStringLiteral("/v1/refunds");
    entry.body = params.encoded();
    entry.createdAt = now();
    entry.id = m_ledger.beginOperation(entry);
    runPost(entry, [this, entry, done](const Result<StripeResponse> &response) { finishRefundOperation(entry, response, done); });
}

void CheckoutEngine::finishRefundOperation(const JournalEntry &entry, const Result<StripeResponse> &response, Callback<RefundRecord> done)
{
    const qint64 at = now();
    const Result<Refund> refund = response.ok() ? decodeRefund(response.value().json) : Result<Refund>(response.error());
    if (!refund.ok()) {
        if (!refund.error().isTransient())
            m_ledger.finishOperation(entry.id, JournalEntry::State::Failed, refund.error().code, at);
        done(refund.error());
        return;
    }
    const RefundRecord record = refundRecordFrom(refund.value(), entry.voucherId);
    m_ledger.transaction([&] {
        m_ledger.upsertRefund(record, at);
        m_ledger.finishOperation(entry.id, JournalEntry::State::Done, QString(), at);
        return true;
    });
    emit voucherChanged(entry.voucherId);
    done(*m_ledger.refund(record.id));
}

void CheckoutEngine::cancelRefund(const QString &refundId, Callback<RefundRecord> done)
{
    const std::optional<RefundRecord> existing = m_ledger.refund(refundId);
    if (!existing) {
        later(this, [done] { done(localError(ApiError::Kind::NotFound, QStringLiteral("resource_missing"), tr("No such refund in this terminal's ledger."))); });
        return;
    }
    JournalEntry entry;
    entry.voucherId = existing->voucherId;
    entry.operation = kCancelRefund;
    entry.idempotencyKey = StripeClient::newIdempotencyKey();
    entry.path = QStringLiteral("/v1/refunds/%1/cancel").arg(refundId);
    entry.createdAt = now();
    entry.id = m_ledger.beginOperation(entry);
    runPost(entry, [this, entry, done](const Result<StripeResponse> &response) { finishRefundOperation(entry, response, done); });
}

void CheckoutEngine::refreshVoucher(qint64 voucherId, Callback<VoucherRecord> done)
{
    const std::optional<VoucherRecord> voucher = m_ledger.voucher(voucherId);
    if (!voucher || voucher->paymentIntentId.isEmpty()) {
        later(this, [done] { done(localError(ApiError::Kind::NotFound, QStringLiteral("no_payment_intent"), tr("This sale has no voucher at Stripe."))); });
        return;
    }
    const QString paymentIntentId = voucher->paymentIntentId;
    track(m_api.retrievePaymentIntent(paymentIntentId, [this, voucherId, paymentIntentId, done](const Result<PaymentIntent> &pi) {
        if (!pi.ok()) {
            done(pi.error());
            return;
        }
        m_ledger.applyPaymentIntent(voucherId, pi.value(), now());
        if (pi.value().status != u"succeeded") {
            emit voucherChanged(voucherId);
            done(*m_ledger.voucher(voucherId));
            return;
        }
        FormParams query;
        query.add(QStringLiteral("payment_intent"), paymentIntentId).add(QStringLiteral("limit"), 100);
        track(m_api.listRefunds(query, [this, voucherId, done](const Result<Page<Refund>> &refunds) {
            if (refunds.ok()) {
                for (const Refund &refund : refunds.value().items)
                    m_ledger.upsertRefund(refundRecordFrom(refund, voucherId), now());
            }
            emit voucherChanged(voucherId);
            done(*m_ledger.voucher(voucherId));
        }));
    }));
}

void CheckoutEngine::refreshRefund(const QString &refundId, Callback<RefundRecord> done)
{
    const std::optional<RefundRecord> existing = m_ledger.refund(refundId);
    if (!existing) {
        later(this, [done] { done(localError(ApiError::Kind::NotFound, QStringLiteral("resource_missing"), tr("No such refund in this terminal's ledger."))); });
        return;
    }
    const qint64 voucherId = existing->voucherId;
    track(m_api.retrieveRefund(refundId, [this, voucherId, done](const Result<Refund> &refund) {
        if (!refund.ok()) {
            done(refund.error());
            return;
        }
        m_ledger.upsertRefund(refundRecordFrom(refund.value(), voucherId), now());
        emit voucherChanged(voucherId);
        done(*m_ledger.refund(refund.value().id));
    }));
}

void CheckoutEngine::storeVouchers(std::function<void(const Result<QList<PaymentIntent>> &)> done)
{
    QString store = m_terminal.store;
    store.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
    const QString query = QStringLiteral("metadata['store']:'%1'").arg(store);
    auto collected = std::make_shared<QList<PaymentIntent>>();
    auto fetch = std::make_shared<std::function<void(const QString &, int)>>();
    *fetch = [this, query, collected, fetch, done](const QString &page, int pagesLeft) {
        track(m_api.searchPaymentIntents(query, page, 100, [collected, fetch, done, pagesLeft](const Result<Page<PaymentIntent>> &result) {
            if (!result.ok()) {
                done(result.error());
                *fetch = nullptr;
                return;
            }
            *collected += result.value().items;
            if (result.value().hasMore && pagesLeft > 1) {
                (*fetch)(result.value().nextPage, pagesLeft - 1);
                return;
            }
            done(*collected);
            *fetch = nullptr;
        }));
    };
    (*fetch)(QString(), 50);
}

} // namespace konbini
