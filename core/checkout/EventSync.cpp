#include "EventSync.h"

#include "CheckoutEngine.h"
#include "CheckoutLogging.h"

#include <QDateTime>

#include <algorithm>

#include <memory>

namespace konbini {

// Paid vouchers whose details (chain, fee) one pass reads at most; the rest at the next.
constexpr int kPaidDetailsPerPass = 20;
namespace {

const QString kCursor = QStringLiteral("event_cursor");
const QString kCursorCreated = QStringLiteral("event_cursor_created");
// Set when a catch-up found no event at all: from then on one list of the newest events a poll.
const QString kCaughtUpAt = QStringLiteral("events_caught_up_at");

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

void EventSync::paced(std::function<void()> send)
{
    const qint64 gapMs = 1000 / std::max(1, m_settings.maxRequestsPerSecond);
    const qint64 waitMs = m_sinceLastRequest.isValid() ? gapMs - m_sinceLastRequest.elapsed() : 0;
    const auto go = [this, send = std::move(send)] {
        m_sinceLastRequest.start();
        send();
    };
    if (waitMs <= 0)
        go();
    else
        QTimer::singleShot(std::chrono::milliseconds(waitMs), this, go);
}

void EventSync::syncNow()
{
    m_paidDetailsRead = false;
    if (m_passRunning)
        return;
    m_passRunning = true;
    m_timer.stop();
    const LedgerResult<QString> cursor = m_ledger.syncState().value(kCursor);
    const LedgerResult<QString> cursorCreated = m_ledger.syncState().value(kCursorCreated);
    const LedgerResult<QString> caughtUpAt = m_ledger.syncState().value(kCaughtUpAt);
    if (!cursor || !cursorCreated || !caughtUpAt) {
        finishPass(!cursor ? cursor.error() : !cursorCreated ? cursorCreated.error() : caughtUpAt.error());
        return;
    }
    if (cursor.value().isEmpty()) {
        const qint64 since = caughtUpAt.value().toLongLong();
        if (since > 0 && now() - since <= m_settings.retentionSeconds)
            fetchSinceCatchUp(since);
        else
            catchUp();
        return;
    }
    if (now() - cursorCreated.value().toLongLong() > m_settings.retentionSeconds) {
        catchUp();
        return;
    }
    fetchPage(cursor.value(), m_settings.maxPagesPerPass);
}

void EventSync::fetchPage(const QString &cursor, int pagesLeft)
{
    paced([this, cursor, pagesLeft] {
        track(m_api.listEvents(EventQuery{cursor, 100, eventTypes()}, [this, pagesLeft](const Result<Page<Event>> &page) {
            if (!page.ok()) {
                if (page.error().kind == ApiError::Kind::NotFound) {
                    qCInfo(lcCheckout) << "event cursor no longer known to Stripe; catching up";
                    catchUp();
                    return;
                }
                finishPass(page.error());
                return;
            }
            QList<Event> oldestFirst(page.value().items.crbegin(), page.value().items.crend());
            const bool more = page.value().hasMore;
            const QString last = oldestFirst.isEmpty() ? QString() : oldestFirst.last().id;
            applyEvents(oldestFirst, [this, last, more, pagesLeft] {
                if (more && !last.isEmpty() && pagesLeft > 1) {
                    fetchPage(last, pagesLeft - 1);
                    return;
                }
                finishPass(std::nullopt);
            });
        }));
    });
}

// No event existed at the last catch-up: the newest events, if any, are all new. More than a page
// of them means a long silence; a catch-up is then cheaper than walking them.
void EventSync::fetchSinceCatchUp(qint64 caughtUpAt)
{
    paced([this, caughtUpAt] {
        track(m_api.listEvents(EventQuery{QString(), 100, eventTypes()}, [this, caughtUpAt](const Result<Page<Event>> &page) {
            if (!page.ok()) {
                finishPass(page.error());
                return;
            }
            if (page.value().hasMore) {
                catchUp();
                return;
            }
            QList<Event> oldestFirst;
            for (auto it = page.value().items.crbegin(); it != page.value().items.crend(); ++it) {
                if (it->created >= caughtUpAt - 60) // the clocks of till and Stripe differ a little
                    oldestFirst.append(*it);
            }
            applyEvents(oldestFirst, [this] { finishPass(std::nullopt); });
        }));
    });
}

// Events in order, the cursor moving past each in the same transaction as its effect. An event
// whose object is rendered in the API version the till pins is applied from that snapshot, with no
// request; such events go in batches of up to 25 per transaction, the event loop running between
// batches. Any other event of ours has its object re-read (within the budget). An object named
// again later in the page is applied at its last event only.
void EventSync::applyEvents(QList<Event> oldestFirst, std::function<void()> next)
{
    if (oldestFirst.isEmpty()) {
        next();
        return;
    }
    const auto namedAgain = [&](qsizetype index) {
        for (qsizetype later = index + 1; later < oldestFirst.size(); ++later) {
            if (oldestFirst[later].objectId == oldestFirst[index].objectId)
                return true;
        }
        return false;
    };
    const auto isOurs = [this](const Event &event) {
        if (event.objectType == u"refund") {
            const LedgerResult<RefundRecord> known = m_ledger.refunds().refund(event.objectId);
            return known || known.error().kind != LedgerError::Kind::NotFound;
        }
        const LedgerResult<std::optional<VoucherRecord>> known = m_ledger.vouchers().byPaymentIntent(event.objectId);
        return !known || known.value().has_value(); // when the ledger cannot say, reading it again does no harm
    };
    const auto fromSnapshot = [this](const Event &event) -> std::optional<std::function<LedgerStatus()>> {
        if (event.apiVersion != QLatin1String(kStripeApiVersion))
            return std::nullopt;
        if (event.objectType == u"refund") {
            const Result<Refund> refund = decodeRefund(event.object);
            if (!refund.ok())
                return std::nullopt;
            return [this, refund = refund.value()] { return applyRefund(refund); };
        }
        const Result<PaymentIntent> pi = decodePaymentIntent(event.object);
        if (!pi.ok())
            return std::nullopt;
        return [this, pi = pi.value()] { return applyPaymentIntent(pi); };
    };

    // As many leading events as need no request, in one transaction.
    qsizetype batch = 0;
    QList<std::function<LedgerStatus()>> effects;
    while (batch < oldestFirst.size() && batch < 25) {
        const Event &event = oldestFirst[batch];
        if (namedAgain(batch) || !isOurs(event)) {
            effects.append([] { return LedgerStatus(); });
        } else if (auto apply = fromSnapshot(event)) {
            effects.append(*apply);
        } else {
            break;
        }
        ++batch;
    }
    if (batch > 0) {
        const LedgerStatus moved = m_ledger.transaction([&]() -> LedgerStatus {
            for (qsizetype i = 0; i < batch; ++i) {
                if (const LedgerStatus done = effects[i](); !done)
                    return done;
                if (const LedgerStatus marked = markApplied(oldestFirst[i]); !marked)
                    return marked;
            }
            return {};
        });
        if (!moved) {
            finishPass(moved.error());
            return;
        }
        QTimer::singleShot(0, this, [this, rest = oldestFirst.mid(batch), next] { applyEvents(rest, next); });
        return;
    }

    const Event event = oldestFirst.takeFirst();
    const auto continueWith = [this, oldestFirst, next](const Event &applied, const std::function<LedgerStatus()> &apply) {
        const LedgerStatus moved = m_ledger.transaction([&]() -> LedgerStatus {
            if (const LedgerStatus done = apply(); !done)
                return done;
            return markApplied(applied);
        });
        if (!moved) {
            finishPass(moved.error());
            return;
        }
        applyEvents(oldestFirst, next);
    };
    const bool isRefund = event.objectType == u"refund";
    paced([this, event, isRefund, continueWith] {
        const auto settled = [this, event, continueWith](const std::optional<ApiError> &error,
                                                         const std::function<LedgerStatus()> &apply) {
            if (error && error->kind != ApiError::Kind::NotFound) {
                finishPass(*error);
                return;
            }
            continueWith(event, error ? std::function<LedgerStatus()>([] { return LedgerStatus(); }) : apply);
        };
        if (isRefund) {
            track(m_api.retrieveRefund(event.objectId, [this, settled](const Result<Refund> &refund) {
                if (!refund.ok())
                    settled(refund.error(), {});
                else
                    settled(std::nullopt, [this, refund = refund.value()] { return applyRefund(refund); });
            }));
        } else {
            // Read with its charge: a paid one's details come in the same request.
            track(m_api.retrievePaidPaymentIntent(event.objectId, [this, settled](const Result<PaymentIntent> &pi) {
                if (!pi.ok())
                    settled(pi.error(), {});
                else
                    settled(std::nullopt, [this, pi = pi.value()] { return applyPaymentIntent(pi); });
            }));
        }
    });
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
    // Read with its charge (a re-read or a listing): the paid details need no request of their own.
    if (pi.status == PaymentIntentStatus::Succeeded && pi.paid && !voucher.value()->paidDetailsRead) {
        if (const LedgerStatus stored = m_ledger.vouchers().setPaidDetails(voucherId, *pi.paid, now()); !stored)
            return stored;
    }
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

LedgerStatus EventSync::markApplied(const Event &event)
{
    if (const auto marked = m_ledger.syncState().markEventProcessed(event.id, now()); !marked)
        return marked.error();
    return setCursor(event);
}

// Without a usable cursor: remember the newest event first (so nothing that happens meanwhile is
// missed), then list every PaymentIntent created since the oldest open voucher, a page of 100 at a
// time, and re-read the open refunds.
void EventSync::catchUp()
{
    const LedgerResult<qint64> oldest = m_ledger.vouchers().oldestCreatedWithStatus(
        {VoucherStatus::NotIssued, VoucherStatus::Pending, VoucherStatus::RefundPending});
    const LedgerResult<QList<RefundRecord>> openRefunds = m_ledger.refunds().open();
    if (!oldest || !openRefunds) {
        finishPass(oldest ? openRefunds.error() : oldest.error());
        return;
    }
    const qint64 oldestOpen = oldest.value();
    QStringList refunds;
    for (const RefundRecord &refund : openRefunds.value())
        refunds.append(refund.id);
    paced([this, oldestOpen, refunds] {
        track(m_api.listEvents(EventQuery{QString(), 1, eventTypes()}, [this, oldestOpen, refunds](const Result<Page<Event>> &page) {
            if (!page.ok()) {
                finishPass(page.error());
                return;
            }
            const std::optional<Event> newestEvent =
                page.value().items.isEmpty() ? std::nullopt : std::optional(page.value().items.first());
            const qint64 startedAt = now();
            const auto finish = [this, newestEvent, startedAt] {
                const LedgerStatus moved = m_ledger.transaction([&]() -> LedgerStatus {
                    if (newestEvent) {
                        if (const LedgerStatus set = m_ledger.syncState().setValue(kCaughtUpAt, QString()); !set)
                            return set;
                        return setCursor(*newestEvent);
                    }
                    if (const LedgerStatus set = m_ledger.syncState().setValue(kCursor, QString()); !set)
                        return set;
                    return m_ledger.syncState().setValue(kCaughtUpAt, QString::number(startedAt));
                });
                if (!moved) {
                    finishPass(moved.error());
                    return;
                }
                emit caughtUp();
                finishPass(std::nullopt);
            };
            const auto refundsThenFinish = [this, refunds, finish] { rereadRefunds(refunds, finish); };
            if (oldestOpen == 0)
                refundsThenFinish();
            else
                listSince(oldestOpen - 3600, QString(), refundsThenFinish); // an hour for clock differences
        }));
    });
}

void EventSync::listSince(qint64 createdFrom, const QString &startingAfter, std::function<void()> next)
{
    paced([this, createdFrom, startingAfter, next] {
        track(m_api.listPaymentIntents(
            PaymentIntentListQuery{createdFrom, startingAfter, 100},
            [this, createdFrom, next](const Result<Page<PaymentIntent>> &page) {
                if (!page.ok()) {
                    finishPass(page.error());
                    return;
                }
                const QString last = page.value().items.isEmpty() ? QString() : page.value().items.last().id;
                const bool more = page.value().hasMore && !last.isEmpty();
                applyListed(page.value().items, [this, createdFrom, last, more, next] {
                    if (more)
                        listSince(createdFrom, last, next);
                    else
                        next();
                });
            }));
    });
}

// A page of listed PaymentIntents, a few per transaction with the event loop running in between:
// a page at once kept the window from painting for a few hundred milliseconds.
void EventSync::applyListed(QList<PaymentIntent> paymentIntents, std::function<void()> next)
{
    if (paymentIntents.isEmpty()) {
        next();
        return;
    }
    const QList<PaymentIntent> chunk = paymentIntents.mid(0, 10);
    const LedgerStatus applied = m_ledger.transaction([&]() -> LedgerStatus {
        for (const PaymentIntent &pi : chunk) {
            if (const LedgerStatus one = applyPaymentIntent(pi); !one)
                return one;
        }
        return {};
    });
    if (!applied) {
        finishPass(applied.error());
        return;
    }
    QTimer::singleShot(0, this, [this, rest = paymentIntents.mid(chunk.size()), next] { applyListed(rest, next); });
}

void EventSync::rereadRefunds(QStringList refunds, std::function<void()> next)
{
    if (refunds.isEmpty()) {
        next();
        return;
    }
    const QString id = refunds.takeFirst();
    paced([this, id, refunds, next] {
        track(m_api.retrieveRefund(id, [this, refunds, next](const Result<Refund> &refund) {
            if (!refund.ok() && refund.error().kind != ApiError::Kind::NotFound) {
                finishPass(refund.error());
                return;
            }
            if (refund.ok()) {
                if (const LedgerStatus applied = applyRefund(refund.value()); !applied) {
                    finishPass(applied.error());
                    return;
                }
            }
            rereadRefunds(refunds, next);
        }));
    });
}

void EventSync::readPaidDetails(int left)
{
    const LedgerResult<QList<VoucherRecord>> waiting = m_ledger.vouchers().needingPaidDetails(1);
    if (!waiting) {
        finishPass(waiting.error());
        return;
    }
    if (left <= 0 || waiting.value().isEmpty()) {
        finishPass(std::nullopt);
        return;
    }
    const VoucherRecord voucher = waiting.value().first();
    paced([this, voucher, left] {
        track(m_api.retrievePaidPaymentIntent(voucher.paymentIntentId, [this, voucher, left](const Result<PaymentIntent> &pi) {
            if (!pi.ok() && pi.error().kind != ApiError::Kind::NotFound) {
                // The events were applied; the details wait for the next pass.
                qCInfo(lcCheckout) << "paid details of voucher" << voucher.id << "not read:" << pi.error().code;
                finishPass(std::nullopt);
                return;
            }
            // Gone at Stripe, or an answer without a believable charge: nothing more to learn.
            const PaidDetails paid = pi.ok() && pi.value().paid ? *pi.value().paid : PaidDetails{};
            if (const LedgerStatus stored = m_ledger.vouchers().setPaidDetails(voucher.id, paid, now()); !stored) {
                finishPass(stored.error());
                return;
            }
            emit voucherChanged(voucher.id);
            readPaidDetails(left - 1);
        }));
    });
}

void EventSync::finishPass(const std::optional<SyncError> &error)
{
    if (!error && !m_paidDetailsRead) {
        m_paidDetailsRead = true;
        readPaidDetails(kPaidDetailsPerPass);
        return;
    }
    m_paidDetailsRead = false;
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
