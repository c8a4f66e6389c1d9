#pragma once

#include "SqliteConnection.h"
#include "StripeObjects.h"
#include "VoucherStatus.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace konbini {

// A voucher this terminal issued, with what the clerk typed and what Stripe answered.
struct VoucherRecord {
    qint64 id = 0;
    QString orderRef;
    QString store;
    QString terminal;
    QString paymentIntentId;
    qint64 amountYen = 0;
    QString productDescription;
    QString customerName;
    QString email;
    QString phone;
    QString confirmationNumber;
    int expiresAfterDays = 0;
    qint64 expiresAtOption = 0;
    QString stripeStatus;
    VoucherStatus status = VoucherStatus::NotIssued;
    bool hadPaymentAttempt = false;
    qint64 voucherExpiresAt = 0;
    QString hostedVoucherUrl;
    QList<KonbiniStore> stores;
    QString lastErrorCode;
    qint64 amountRefunded = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 paidAt = 0;
    qint64 canceledAt = 0;
};

struct RefundRecord {
    QString id;
    qint64 voucherId = 0;
    qint64 amount = 0;
    QString status;
    QString reason;
    QString instructionsEmail;
    qint64 emailSentAt = 0;
    qint64 actionExpiresAt = 0;
    QString failureReason;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

// What the merchant's voucher list asks for; filtering and sorting happen in SQLite.
struct VoucherQuery {
    enum class Sort { IssuedAt, Amount, Customer, ConfirmationNumber, Deadline, Status, Terminal };
    QList<VoucherStatus> statuses; // empty: every status
    QString text;                  // name, e-mail, phone, confirmation number, payment code or PaymentIntent id
    qint64 createdFrom = 0;        // Unix seconds, inclusive; 0: open
    qint64 createdUntil = 0;       // exclusive; 0: open
    Sort sort = Sort::IssuedAt;
    bool descending = true;
};

// One JST day at the counter, per terminal.
struct DayTotals {
    QString terminal;
    qint64 issuedCount = 0, issuedYen = 0;
    qint64 paidCount = 0, paidYen = 0;
    qint64 expiredCount = 0, expiredYen = 0;
    qint64 canceledCount = 0, canceledYen = 0;
    qint64 refundedCount = 0, refundedYen = 0;
    qint64 pendingCount = 0, pendingYen = 0;
    DayTotals &operator+=(const DayTotals &other);
};

// A POST written down with its idempotency key before it is sent, and marked when answered,
// so a crash in between is resumed with the same key instead of creating a second object.
struct JournalEntry {
    enum class State { Pending, Done, Failed };
    qint64 id = 0;
    qint64 voucherId = 0;
    QString operation; // create, confirm, cancel, refund, cancel_refund
    QString idempotencyKey;
    QString path;
    QByteArray body; // form-encoded parameters
    State state = State::Pending;
    QString resultCode;
    qint64 createdAt = 0;
};

// The terminal's local record (SQLite through QtSql, WAL, versioned migrations, readable by the
// owner only). All writes happen on the thread that opened it.
class Ledger
{
public:
    static constexpr int kSchemaVersion = 2;

    explicit Ledger(QString path);
    ~Ledger();
    Ledger(const Ledger &) = delete;
    Ledger &operator=(const Ledger &) = delete;

    bool open(QString &error);
    int schemaVersion() const;
    const QString &path() const { return m_path; }

    // Runs `work` in one transaction; rolls back when it returns false.
    bool transaction(const std::function<bool()> &work);

    qint64 insertVoucher(const VoucherRecord &voucher);
    std::optional<VoucherRecord> voucher(qint64 id) const;
    std::optional<VoucherRecord> voucherByPaymentIntent(const QString &paymentIntentId) const;
    QList<VoucherRecord> vouchersWithStatus(const QList<VoucherStatus> &statuses) const;
    qint64 voucherCount() const;
    QList<VoucherRecord> queryVouchers(const VoucherQuery &query, int offset, int limit) const;
    qint64 countVouchers(const VoucherQuery &query) const;
    // Issued, paid, expired (deadline that day), canceled, refunded (succeeded that day) and
    // still pending, for the JST calendar day, per terminal.
    QList<DayTotals> dayTotals(QDate jstDay) const;
    // Many vouchers in one transaction (benchmarks, imports).
    void insertVouchers(const QList<VoucherRecord> &vouchers);
    void setPaymentIntent(qint64 voucherId, const QString &paymentIntentId, const QString &stripeStatus, qint64 now);
    void setLastError(qint64 voucherId, const QString &code, qint64 now);
    void setConfirmationNumber(qint64 voucherId, const QString &phone, const QString &confirmationNumber, qint64 now);
    // Takes over Stripe's view of the PaymentIntent; returns the clerk status before and after.
    std::pair<VoucherStatus, VoucherStatus> applyPaymentIntent(qint64 voucherId, const PaymentIntent &paymentIntent, qint64 now);

    // Returns the voucher's clerk status before and after.
    std::pair<VoucherStatus, VoucherStatus> upsertRefund(const RefundRecord &refund, qint64 now);
    std::optional<RefundRecord> refund(const QString &id) const;
    QList<RefundRecord> refundsOf(qint64 voucherId) const;
    QList<RefundRecord> openRefunds() const;

    qint64 beginOperation(const JournalEntry &entry);
    void finishOperation(qint64 journalId, JournalEntry::State state, const QString &resultCode, qint64 now);
    QList<JournalEntry> unfinishedOperations() const;
    void failPendingOperations(qint64 voucherId, const QString &resultCode, qint64 now);
    std::optional<JournalEntry> operation(qint64 journalId) const;

    QString syncValue(const QString &key) const;
    void setSyncValue(const QString &key, const QString &value);
    // False when the event had been applied before.
    bool markEventProcessed(const QString &eventId, qint64 now);

private:
    VoucherStatus recomputeStatus(qint64 voucherId, qint64 now);
    bool searchIsSelective(const QString &text) const;
    QList<VoucherRecord> selectVouchers(const QString &where, const QVariantList &values) const;

    QString m_path;
    SqliteConnection m_connection;
};

} // namespace konbini
