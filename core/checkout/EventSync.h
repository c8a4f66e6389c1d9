#pragma once

#include "Ledger.h"
#include "StripeApi.h"

#include <variant>

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>

namespace konbini {

// Keeps the ledger in step with Stripe without webhooks (a till behind NAT cannot receive them):
// polls Stripe's events for the Konbini-relevant types from a persisted cursor, walking forward
// with ending_before; applies each event's object (from the event itself when it is rendered in
// the API version the till pins, else re-read in that version) idempotently and says what changed; the cursor moves with each event applied, so a failure
// costs that event, not a page. Every request is paced within a budget (10 a second by default,
// one at a time, so the clerk's requests never queue behind sync). When the cursor is older than
// Stripe's 30-day event retention (or gone), it catches up by listing PaymentIntents created since
// the oldest open voucher, 100 a page, instead of reading them one by one; an account without
// events costs one request a poll. The back-off after a failure is capped and resets on success.
class EventSync : public QObject
{
    Q_OBJECT

public:
    struct Settings {
        std::chrono::milliseconds interval{5000};
        std::chrono::milliseconds maxBackoff{30 * 1000};
        qint64 retentionSeconds = 30 * 24 * 3600;
        // Pages of 100 events read in one pass at most; the rest waits for the next poll, so an
        // answer that always says has_more cannot keep the till polling.
        int maxPagesPerPass = 10;
        // Stripe allows roughly 25 requests a second in test mode and 100 in live mode, for the
        // whole account: background work stays well under, whatever the ledger's size.
        int maxRequestsPerSecond = 10;
    };
    using Clock = std::function<qint64()>;

    EventSync(StripeApi &api, Ledger &ledger, Settings settings, Clock clock = {}, QObject *parent = nullptr);
    // Abandons the reads in flight: none of them calls back into a destroyed sync.
    ~EventSync() override;

    void start();
    void stop();
    // One pass now (ignored while one runs).
    void syncNow();

    bool isOffline() const { return m_offline; }
    bool isRunning() const { return m_passRunning; }
    qint64 lastSyncAt() const { return m_lastSyncAt; }
    std::chrono::milliseconds currentInterval() const { return m_currentInterval; }

    static const QStringList &eventTypes();

signals:
    void voucherPaid(qint64 voucherId);
    void voucherExpired(qint64 voucherId);
    void voucherCanceled(qint64 voucherId);
    void voucherChanged(qint64 voucherId);
    void refundChanged(const QString &refundId, qint64 voucherId);
    void synced(qint64 at);
    void syncFailed(const konbini::ApiError &error);
    void ledgerFailed(const konbini::LedgerError &error);
    void offlineChanged(bool offline);
    void caughtUp(); // a pass re-read open objects instead of reading events

private:
    using SyncError = std::variant<ApiError, LedgerError>;
    void track(StripeCall *call);
    bool m_paidDetailsRead = false; // this pass has read paid details already
    // Runs `send` (which makes one request) once the budget allows it.
    void paced(std::function<void()> send);
    void fetchPage(const QString &cursor, int pagesLeft);
    void fetchSinceCatchUp(qint64 caughtUpAt);
    void applyEvents(QList<Event> oldestFirst, std::function<void()> next);
    // At the end of a pass: where and when paid vouchers were paid and Stripe's fee, one request
    // each within the budget, at most `left` of them (the rest at the next pass).
    void readPaidDetails(int left);
    void catchUp();
    void listSince(qint64 createdFrom, const QString &startingAfter, std::function<void()> next);
    void applyListed(QList<PaymentIntent> paymentIntents, std::function<void()> next);
    void rereadRefunds(QStringList refunds, std::function<void()> next);
    LedgerStatus applyPaymentIntent(const PaymentIntent &pi);
    LedgerStatus applyRefund(const Refund &refund);
    LedgerStatus setCursor(const Event &event);
    LedgerStatus markApplied(const Event &event);
    void finishPass(const std::optional<SyncError> &error);
    qint64 now() const;

    StripeApi &m_api;
    Ledger &m_ledger;
    Settings m_settings;
    Clock m_clock;
    QTimer m_timer;
    bool m_passRunning = false;
    bool m_offline = false;
    qint64 m_lastSyncAt = 0;
    std::chrono::milliseconds m_currentInterval;
    QList<QPointer<StripeCall>> m_calls;
    QElapsedTimer m_sinceLastRequest;
};

} // namespace konbini
