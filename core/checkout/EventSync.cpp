#include "EventSync.h"

#include "CheckoutEngine.h"
#include "CheckoutLogging.h"

#include <QDateTime>

#include <memory>

namespace konbini {
namespace {

const QString kCursor = QStringLiteral("event_cursor");
const QString kCursorCreated = QStringLiteral("event_cursor_created");

bool meansOffline(const ApiError &error)
{
    return error.kind == ApiError::Kind::Offline || error.kind == ApiError::Kind::Timeout
        || error.kind == ApiError::Kind::Server;
}

} // namespace

const QStringList &EventSync::eventTypes()
{
    static const QStringList types{QStringLiteral("payment_intent.requires_action"),
                                   QStringLiteral("payment_intent.succeeded"),
                                   QStringLiteral("payment_intent.payment_failed"),
                                   QStringLiteral("payment_intent.canceled"),
                                   QStringLiteral("refund.created"),
                                   QStringLiteral("refund.updated"),
                                   QStringLiteral("refund.failed")};
    return types;
}

EventSync::EventSync(StripeApi &api, Ledger &ledger, Settings settings, Clock clock, QObject *parent)
    : QObject(parent), m_api(api), m_ledger(ledger), m_settings(settings), m_clock(std::move(clock)),
      m_currentInterval(settings.interval)
{
    if (!m_clock)
        m_clock = [] { return QDateTime::currentSecsSinceEpoch(); };
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &EventSync::syncNow);
}

EventSync::~EventSync()
{
    for (const QPointer<StripeCall> &call : std::as_const(m_calls)) {
        if (call)
            call->abandon();
    }
}

void EventSync::track(StripeCall *call)
{
    m_calls.removeIf([](const QPointer<StripeCall> &tracked) { return tracked.isNull(); });
    m_calls.append(call);
}

qint64 EventSync::now() const
{
    return m_clock();
}

void EventSync::start()
{
    syncNow();
}

void EventSync::stop()
{
    m_timer.stop();
}

void EventSync::syncNow()
{
    if (m_passRunning)
        return;
    m_passRunning = true;
    m_passError.reset();
    m_timer.stop();
    const LedgerResult<QString> cursor = m_ledger.syncState().value(kCursor);
    const LedgerResult<QString> cursorCreated = m_ledger.syncState().value(kCursorCreated);
    if (!cursor || !cursorCreated) {
        finishPass(cursor ? cursorCreated.error() : cursor.error());
        return;
    }
    if (cursor.value().isEmpty() || now() - cursorCreated.value().toLongLong() > m_settings.retentionSeconds) {
        catchUp();
        return;
    }
    fetchPage(cursor.value(), m_settings.maxPagesPerPass);
}

void EventSync::fetchPage(const QString &cursor, int pagesLeft)
{
    track(m_api.listEvents(EventQuery{cursor, 100, eventTypes()}, [this, pagesLeft](const Result<Page<Event>> &page) {
        if (!page.ok()) {
            if (page.error().kind == ApiError::Kind::NotFound) {
                qCInfo(lcCheckout) << "event cursor no longer known to Stripe; re-reading open vouchers";
                catchUp();
                return;
            }
            finishPass(page.error());
            return;
        }
        QList<Event> oldestFirst(page.value().items.crbegin(), page.value().items.crend());
        const bool more = page.value().hasMore;
        applyEvents(oldestFirst, [this, oldestFirst, more, pagesLeft] {
            if (more && !oldestFirst.isEmpty() && pagesLeft > 1) {
                fetchPage(oldestFirst.last().id, pagesLeft - 1);
                return;
            }
            finishPass(std::nullopt);
        });
    }));
}

void EventSync::applyEvents(const QList<Event> &oldestFirst, std::function<void()> next)
{
    if (oldestFirst.isEmpty()) {
        next();
        return;
    }
    QStringList paymentIntents;
    QStringList refunds;
    for (const Event &event : oldestFirst) {
        QStringList &ids = event.objectType == u"refund" ? refunds : paymentIntents;
        if (!ids.contains(event.objectId))
            ids.append(event.objectId);
    }
    rereadObjects(paymentIntents, refunds, [this, oldestFirst, next](bool ok) {
        if (!ok) {
            finishPass(m_passError);
            return;
        }
        // Only once every object is current: remember the events and move the cursor.
        const LedgerStatus moved = m_ledger.transaction([&]() -> LedgerStatus {
            for (const Event &event : oldestFirst) {
                if (const auto marked = m_ledger.syncState().markEventProcessed(event.id, now()); !marked)
                    return marked.error();
            }
            return setCursor(oldestFirst.last());
        });
        if (!moved) {
            finishPass(moved.error());
            return;
        }
        next();
    });
}

void EventSync::rereadObjects(const QStringList &paymentIntents, const QStringList &refunds,
                              std::function<void(bool ok)> done)
{
    // Only objects this till knows: other terminals' vouchers are read through search instead.
    QStringList ours;
    for (const QString &id : paymentIntents) {
        const LedgerResult<std::optional<VoucherRecord>> known = m_ledger.vouchers().byPaymentIntent(id);
        if (!known || known.value())
            ours.append(id); // when the ledger cannot say, reading it again does no harm
    }
    QStringList ourRefunds;
    for (const QString &id : refunds) {
        const LedgerResult<RefundRecord> known = m_ledger.refunds().refund(id);
        if (known || known.error().kind != LedgerError::Kind::NotFound)
            ourRefunds.append(id);
    }
    auto remaining = std::make_shared<int>(int(ours.size() + ourRefunds.size()));
    auto failed = std::make_shared<bool>(false);
    if (*remaining == 0) {
        done(true);
        return;
    }
    const auto settle = [this, remaining, failed, done](const std::optional<SyncError> &error) {
        if (error
            && !(std::holds_alternative<ApiError>(*error)
                 && std::get<ApiError>(*error).kind == ApiError::Kind::NotFound)) {
            *failed = true;
            m_passError = error;
        }
        if (--*remaining == 0)
            done(!*failed);
    };
    for (const QString &id : ours) {
        track(m_api.retrievePaymentIntent(id, [this, settle](const Result<PaymentIntent> &pi) {
            if (!pi.ok()) {
                settle(SyncError(pi.error()));
                return;
            }
            const LedgerStatus applied = applyPaymentIntent(pi.value());
            settle(applied ? std::nullopt : std::optional<SyncError>(applied.error()));
        }));
    }
    for (const QString &id : ourRefunds) {
        track(m_api.retrieveRefund(id, [this, settle](const Result<Refund> &refund) {
            if (!refund.ok()) {
                settle(SyncError(refund.error()));
                return;
            }
            const LedgerStatus applied = applyRefund(refund.value());
            settle(applied ? std::nullopt : std::optional<SyncError>(applied.error()));
        }));
    }
}

LedgerStatus EventSync::applyRefund(const Refund &refund)
{
    const LedgerResult<RefundRecord> known = m_ledger.refunds().refund(refund.id);
    if (!known)
        return known.error().kind == LedgerError::Kind::NotFound ? LedgerStatus() : LedgerStatus(known.error());
    const qint64 voucherId = known.value().voucherId;
    const LedgerResult<StatusChange> change = m_ledger.refunds().upsert(refundRecordOf(refund, voucherId), now());
    if (!change)
        return change.error();
    if (known.value().status != refund.status) {
        emit refundChanged(refund.id, voucherId);
        emit voucherChanged(voucherId);
    }
    return {};
}

LedgerStatus EventSync::applyPaymentIntent(const PaymentIntent &pi)
{
    const LedgerResult<std::optional<VoucherRecord>> voucher = m_ledger.vouchers().byPaymentIntent(pi.id);
    if (!voucher)
        return voucher.error();
    if (!voucher.value())
        return {};
    const qint64 voucherId = voucher.value()->id;
    const LedgerResult<StatusChange> change = m_ledger.vouchers().applyPaymentIntent(voucherId, pi, now());
    if (!change)
        return change.error();
    if (!change.value().changed())
        return {};
    emit voucherChanged(voucherId);
    if (change.value().after == VoucherStatus::Paid)
        emit voucherPaid(voucherId);
    else if (change.value().after == VoucherStatus::Expired)
        emit voucherExpired(voucherId);
    else if (change.value().after == VoucherStatus::Canceled)
        emit voucherCanceled(voucherId);
    return {};
}

LedgerStatus EventSync::setCursor(const Event &event)
{
    if (const LedgerStatus set = m_ledger.syncState().setValue(kCursor, event.id); !set)
        return set;
    return m_ledger.syncState().setValue(kCursorCreated, QString::number(event.created));
}

void EventSync::catchUp()
{
    const LedgerResult<QList<VoucherRecord>> open = m_ledger.vouchers().withStatus(
        {VoucherStatus::NotIssued, VoucherStatus::Pending, VoucherStatus::RefundPending});
    const LedgerResult<QList<RefundRecord>> openRefunds = m_ledger.refunds().open();
    if (!open || !openRefunds) {
        finishPass(open ? openRefunds.error() : open.error());
        return;
    }
    QStringList paymentIntents;
    for (const VoucherRecord &voucher : open.value()) {
        if (!voucher.paymentIntentId.isEmpty())
            paymentIntents.append(voucher.paymentIntentId);
    }
    QStringList refunds;
    for (const RefundRecord &refund : openRefunds.value())
        refunds.append(refund.id);
    // Take the newest event first, so nothing that happens while re-reading is missed.
    track(m_api.listEvents(
        EventQuery{QString(), 1, eventTypes()}, [this, paymentIntents, refunds](const Result<Page<Event>> &page) {
            if (!page.ok()) {
                finishPass(page.error());
                return;
            }
            const std::optional<Event> newestEvent =
                page.value().items.isEmpty() ? std::nullopt : std::optional(page.value().items.first());
            rereadObjects(paymentIntents, refunds, [this, newestEvent](bool ok) {
                if (!ok) {
                    finishPass(m_passError);
                    return;
                }
                // No event yet: an empty cursor, so the first events are read from the start.
                const LedgerStatus moved =
                    newestEvent ? setCursor(*newestEvent) : m_ledger.syncState().setValue(kCursor, QString());
                if (!moved) {
                    finishPass(moved.error());
                    return;
                }
                emit caughtUp();
                finishPass(std::nullopt);
            });
        }));
}

void EventSync::finishPass(const std::optional<SyncError> &error)
{
    m_passRunning = false;
    const ApiError *stripeError = error ? std::get_if<ApiError>(&*error) : nullptr;
    const bool offline = stripeError && meansOffline(*stripeError);
    if (error) {
        m_currentInterval = std::min(m_currentInterval * 2, m_settings.maxBackoff);
        if (stripeError) {
            qCInfo(lcCheckout) << "sync failed:" << stripeError->code << "- next try in" << m_currentInterval.count()
                               << "ms";
            emit syncFailed(*stripeError);
        } else {
            qCWarning(lcCheckout) << "sync could not write the ledger:" << std::get<LedgerError>(*error).message;
            emit ledgerFailed(std::get<LedgerError>(*error));
        }
    } else {
        m_currentInterval = m_settings.interval;
        m_lastSyncAt = now();
        emit synced(m_lastSyncAt);
    }
    if (offline != m_offline) {
        m_offline = offline;
        emit offlineChanged(offline);
    }
    m_timer.start(m_currentInterval);
}

} // namespace konbini
