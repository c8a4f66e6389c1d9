#include "CheckoutSession.h"

#include <QPointer>

namespace konbini {
namespace {

bool sameSale(const CheckoutRequest &a, const CheckoutRequest &b, bool ignorePhone)
{
    return a.amountYen == b.amountYen && a.productDescription == b.productDescription
        && a.customerName == b.customerName && a.email == b.email && a.expiresAfterDays == b.expiresAfterDays
        && a.expiresOn == b.expiresOn && (ignorePhone || a.phone == b.phone);
}

} // namespace

CheckoutSession::CheckoutSession(CheckoutEngine &engine, QObject *parent) : QObject(parent), m_engine(engine)
{
    connect(&m_engine, &CheckoutEngine::replayStarted, this, [this] { setState(State::Recovering); });
    connect(&m_engine, &CheckoutEngine::replayFinished, this, [this] {
        if (m_state == State::Recovering)
            setState(State::Editing);
    });
    connect(&m_engine, &CheckoutEngine::saleRecovered, this, &CheckoutSession::saleRecovered);
    connect(&m_engine, &CheckoutEngine::saleRecoveryFailed, this, &CheckoutSession::saleRecoveryFailed);
    if (m_engine.isReplaying())
        m_state = State::Recovering;
}

void CheckoutSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

bool CheckoutSession::continuesUnfinished(const CheckoutRequest &request) const
{
    return m_unfinishedVoucherId && sameSale(request, m_unfinishedRequest, m_unfinishedNeedsNewNumber);
}

bool CheckoutSession::submit(const CheckoutRequest &request)
{
    if (m_state == State::Sending || m_state == State::Recovering)
        return false; // a second Enter while the first is on its way
    const State before = m_state;
    setState(State::Sending);
    auto finished = [this, request, before, alive = QPointer<CheckoutSession>(this)](const CheckoutOutcome &outcome) {
        if (!alive)
            return;
        if (!outcome.ok() && outcome.error().kind == CheckoutError::Kind::Busy)
            setState(before == State::Sending ? State::Editing : before);
        onOutcome(outcome, request);
    };
    if (m_unfinishedVoucherId && sameSale(request, m_unfinishedRequest, m_unfinishedNeedsNewNumber)) {
        if (m_unfinishedNeedsNewNumber)
            m_engine.reconfirm(m_unfinishedVoucherId, request.phone, finished);
        else
            m_engine.resume(m_unfinishedVoucherId, finished);
        return true;
    }
    if (m_unfinishedVoucherId) {
        // The clerk changed the sale: the unfinished one must not complete behind their back, and
        // what it made at Stripe is canceled before the new sale is sent.
        abandonUnfinished([this, request, finished, before, alive = QPointer<CheckoutSession>(this)](
                              const ActionResult<VoucherRecord> &abandoned) {
            if (!alive)
                return;
            if (!abandoned.ok() && (abandoned.error().resumable || abandoned.error().kind == CheckoutError::Kind::Busy)) {
                setState(before == State::Sending ? State::Editing : before);
                onOutcome(CheckoutOutcome(abandoned.error()), m_unfinishedRequest);
                return;
            }
            m_engine.issueVoucher(request, finished);
        });
        return true;
    }
    m_engine.issueVoucher(request, finished);
    return true;
}

void CheckoutSession::onOutcome(const CheckoutOutcome &outcome, const CheckoutRequest &sent)
{
    if (outcome.ok()) {
        m_unfinishedVoucherId = 0;
        m_unfinishedNeedsNewNumber = false;
        setState(State::Issued);
        emit voucherIssued(outcome.value());
        return;
    }
    const CheckoutError &error = outcome.error();
    m_lastError = error;
    switch (error.kind) {
    case CheckoutError::Kind::Busy:
        break;
    case CheckoutError::Kind::Invalid:
        // A re-confirmation with an unusable number stays a rejected-number sale.
        setState(m_unfinishedNeedsNewNumber && m_unfinishedVoucherId ? State::NumberRejected : State::Editing);
        break;
    case CheckoutError::Kind::NotAllowed:
        m_unfinishedVoucherId = 0;
        m_unfinishedNeedsNewNumber = false;
        setState(State::Failed);
        break;
    case CheckoutError::Kind::Stripe:
    case CheckoutError::Kind::Ledger:
        if (error.voucherId != 0 && (error.resumable || error.isNumberRejected())) {
            m_unfinishedVoucherId = error.voucherId;
            m_unfinishedRequest = sent;
            m_unfinishedNeedsNewNumber = error.isNumberRejected();
        }
        setState(error.isNumberRejected() ? State::NumberRejected : State::Failed);
        break;
    }
    emit saleFailed(error);
}

void CheckoutSession::startNew()
{
    m_unfinishedVoucherId = 0;
    m_unfinishedNeedsNewNumber = false;
    if (m_state != State::Sending && m_state != State::Recovering)
        setState(State::Editing);
}

void CheckoutSession::stopWaiting()
{
    if (m_state == State::Sending)
        m_engine.cancelSale();
}

void CheckoutSession::abandonUnfinished(std::function<void(const ActionResult<VoucherRecord> &)> done)
{
    if (!m_unfinishedVoucherId) {
        if (done)
            done(VoucherRecord{});
        return;
    }
    const qint64 voucherId = m_unfinishedVoucherId;
    const CheckoutRequest request = m_unfinishedRequest;
    const bool needsNewNumber = m_unfinishedNeedsNewNumber;
    m_unfinishedVoucherId = 0;
    m_unfinishedNeedsNewNumber = false;
    m_engine.abandon(voucherId, [this, voucherId, request, needsNewNumber, done,
                                 alive = QPointer<CheckoutSession>(this)](const ActionResult<VoucherRecord> &result) {
        if (alive && !result.ok() && (result.error().resumable || result.error().kind == CheckoutError::Kind::Busy)
            && m_unfinishedVoucherId == 0) {
            // Nothing was abandoned: the sale is still there to continue (or to abandon later).
            m_unfinishedVoucherId = voucherId;
            m_unfinishedRequest = request;
            m_unfinishedNeedsNewNumber = needsNewNumber;
        }
        if (done)
            done(result);
    });
}

} // namespace konbini
