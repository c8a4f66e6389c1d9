#include "EventSync.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <memory>

Q_LOGGING_CATEGORY(lcSync, "konbini.sync", QtInfoMsg)

namespace konbini {
namespace {

const QString kCursor = QStringLiteral("event_cursor");
const QString kCursorCreated = QStringLiteral("event_cursor_created");

bool meansOffline(const ApiError &error)
{
    return error.kind == ApiError::Kind::Offline || error.kind == ApiError::Kind::Timeout || error.kind == ApiError::Kind::Server;
}

} // namespace

const QStringList &EventSync::eventTypes()
{
    static const QStringList types{QStringLiteral("payment_intent.requires_action"), QStringLiteral("payment_intent.succeeded"),
                                   QStringLiteral("payment_intent.payment_failed"),  QStringLiteral("payment_intent.canceled"),
                                   QStringLiteral("refund.created"),                 QStringLiteral("refund.updated"),
                                   QStringLiteral("refund.failed")};
    return types;
}

EventSync::EventSync(StripeApi &api, Ledger &ledger, Settings settings, Clock clock, QObject *parent)
    : QObject(parent), m_api(api), m_ledger(ledger), m_settings(settings), m_clock(std::move(clock)), m_currentInterval(settings.interval)
{
    if (!m_clock)
        m_clock = [] { return QDateTime::currentSecsSinceEpoch(); };
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &EventSync::syncNow);
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
    const QString cursor = m_ledger.syncValue(kCursor);
    const qint64 cursorCreated = m_ledger.syncValue(kCursorCreated).toLongLong();
    if (cursor.isEmpty() || now() - cursorCreated > m_settings.retentionSeconds) {
        catchUp();
        return;
    }
    fetchPage(cursor);
}

void EventSync::fetchPage(const QString &cursor)
{
    FormParams query;
    query.add(QStringLiteral("ending_before"), cursor).add(QStringLiteral("limit"), 100).addList(QStringLiteral("types"), eventTypes());
    m_api.listEvents(query, [this](const Result<Page<Event>> &page) {
        if (!page.ok()) {
            if (page.error().kind == ApiError::Kind::NotFound) {
                qCInfo(lcSync) << "event cursor no longer known to Stripe; re-reading open vouchers";
                catchUp();
                return;
            }
            finishPass(page.error());
            return;
        }
        QList<Event> oldestFirst(page.value().items.crbegin(), page.value().items.crend());
        const bool more = page.value().hasMore;
        applyEvents(oldestFirst, [this, oldestFirst, more] {
            if (more && !oldestFirst.isEmpty()) {
                fetchPage(oldestFirst.last().id);
                return;
            }
            finishPass(std::nullopt);
        });
    });
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
        m_ledger.transaction([&] {
            for (const Event &event : oldestFirst)
                m_ledger.markEventProcessed(event.id, now());
            m_ledger.setSyncValue(kCursor, oldestFirst.last().id);
            m_ledger.setSyncValue(kCursorCreated, QString::number(oldestFirst.last().created));
            return true;
        });
        next();
    });
}

void EventSync::rereadObjects(const QStringList &paymentIntents, const QStringList &refunds, std::function<void(bool ok)> done)
{
    // Only objects this till knows: other terminals' vouchers are read through search instead.
    QStringList ours;
    for (const QString &id : paymentIntents) {
        if (m_ledger.voucherByPaymentIntent(id))
            ours.append(id);
    }
    QStringList ourRefunds;
    for (const QString &id : refunds) {
        if (m_ledger.refund(id))
            ourRefunds.append(id);
    }
    auto remaining = std::make_shared<int>(int(ours.size() + ourRefunds.size()));
    auto failed = std::make_shared<bool>(false);
    if (*remaining == 0) {
        done(true);
        return;
    }
    const auto settle = [this, remaining, failed, done](const std::optional<ApiError> &error) {
        if (error && error->kind != ApiError::Kind::NotFound) {
            *failed = true;
            m_passError = error;
        }
        if (--*remaining == 0)
            done(!*failed);
    };
    for (const QString &id : ours) {
        m_api.retrievePaymentIntent(id, [this, settle](const Result<PaymentIntent> &pi) {
            if (pi.ok())
                applyPaymentIntent(pi.value());
            settle(pi.ok() ? std::nullopt : std::optional(pi.error()));
        });
    }
    for (const QString &id : ourRefunds) {
        m_api.retrieveRefund(id, [this, settle](const Result<Refund> &refund) {
            if (refund.ok()) {
                const std::optional<RefundRecord> known = m_ledger.refund(refund.value().id);
                if (known) {
                    RefundRecord record = *known;
                    const bool changed = record.status != refund.value().status;
                    record.status = refund.value().status;
                    record.amount = refund.value().amount;
                    record.emailSentAt = refund.value().emailSentAt;
                    record.actionExpiresAt = refund.value().actionExpiresAt;
                    record.failureReason = refund.value().failureReason;
                    m_ledger.upsertRefund(record, now());
                    if (changed) {
                        emit refundChanged(record.id, record.voucherId);
                        emit voucherChanged(record.voucherId);
                    }
                }
            }
            settle(refund.ok() ? std::nullopt : std::optional(refund.error()));
        });
    }
}

void EventSync::applyPaymentIntent(const PaymentIntent &pi)
{
    const std::optional<VoucherRecord> voucher = m_ledger.voucherByPaymentIntent(pi.id);
    if (!voucher)
        return;
    const auto [before, after] = m_ledger.applyPaymentIntent(voucher->id, pi, now());
    if (before == after)
        return;
    emit voucherChanged(voucher->id);
    if (after == VoucherStatus::Paid)
        emit voucherPaid(voucher->id);
    else if (after == VoucherStatus::Expired)
        emit voucherExpired(voucher->id);
    else if (after == VoucherStatus::Canceled)
        emit voucherCanceled(voucher->id);
}

void EventSync::catchUp()
{
    QStringList paymentIntents;
    for (const VoucherRecord &voucher : m_ledger.vouchersWithStatus({VoucherStatus::NotIssued, VoucherStatus::Pending, VoucherStatus::RefundPending})) {
        if (!voucher.paymentIntentId.isEmpty())
            paymentIntents.append(voucher.paymentIntentId);
    }
    QStringList refunds;
    for (const RefundRecord &refund : m_ledger.openRefunds())
        refunds.append(refund.id);
    // Take the newest event first, so nothing that happens while re-reading is missed.
    FormParams newest;
    newest.add(QStringLiteral("limit"), 1).addList(QStringLiteral("types"), eventTypes());
    m_api.listEvents(newest, [this, paymentIntents, refunds](const Result<Page<Event>> &page) {
        if (!page.ok()) {
            finishPass(page.error());
            return;
        }
        const std::optional<Event> newestEvent = page.value().items.isEmpty() ? std::nullopt : std::optional(page.value().items.first());
        rereadObjects(paymentIntents, refunds, [this, newestEvent](bool ok) {
            if (!ok) {
                finishPass(m_passError);
                return;
            }
            if (newestEvent) {
                m_ledger.setSyncValue(kCursor, newestEvent->id);
                m_ledger.setSyncValue(kCursorCreated, QString::number(newestEvent->created));
            } else {
                // No event yet: start from "now", so the first events are read from the start.
                m_ledger.setSyncValue(kCursor, QString());
            }
            emit caughtUp();
            finishPass(std::nullopt);
        });
    });
}

void EventSync::finishPass(const std::optional<ApiError> &error)
{
    m_passRunning = false;
    const bool offline = error && meansOffline(*error);
    if (error) {
        m_currentInterval = std::min(m_currentInterval * 2, m_settings.maxBackoff);
        qCInfo(lcSync) << "sync failed:" << error->code << "- next try in" << m_currentInterval.count() << "ms";
        emit syncFailed(*error);
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
