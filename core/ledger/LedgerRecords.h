#pragma once

#include "PreparedRequest.h"
#include "StripeObjects.h"
#include "VoucherStatus.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

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
    PaymentIntentStatus stripeStatus = PaymentIntentStatus::Unknown;
    VoucherStatus status = VoucherStatus::NotIssued;
    bool hadPaymentAttempt = false;
    qint64 voucherExpiresAt = 0;
    QString hostedVoucherUrl;
    QList<KonbiniStore> stores;
    QString lastErrorCode;
    qint64 amountRefunded = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 paidAt = 0; // when the till learned it; the charge's time once the paid details are read
    qint64 canceledAt = 0;
    // Where it was paid and what Stripe kept, read once after the payment (paidDetailsRead).
    QString paidChain; // familymart, lawson, ministop, seicomart; empty: not known
    std::optional<qint64> fee;
    std::optional<qint64> net;
    qint64 fundsAvailableAt = 0;
    bool paidDetailsRead = false;
    QString clerk;                   // signed in when it was issued; empty: no clerks at this till then
    qint64 personalDataErasedAt = 0; // name, e-mail and phone erased (retention or the customer's request)
};

struct RefundRecord {
    QString id;
    qint64 voucherId = 0;
    qint64 amount = 0;
    RefundStatus status = RefundStatus::Unknown;
    QString reason;
    QString instructionsEmail;
    qint64 emailSentAt = 0;
    qint64 actionExpiresAt = 0;
    QString failureReason;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    QString clerk; // who sent it from this till; empty: not known (learned from Stripe's events)
};

// The clerk status of a voucher before and after a write.
struct StatusChange {
    VoucherStatus before = VoucherStatus::NotIssued;
    VoucherStatus after = VoucherStatus::NotIssued;
    bool changed() const { return before != after; }
};

// What the merchant's voucher list asks for; filtering and sorting happen in SQLite.
struct VoucherQuery {
    enum class Sort { IssuedAt, Amount, Customer, ConfirmationNumber, Deadline, Status, PaidAt, Chain, Terminal, Clerk };
    QList<VoucherStatus> statuses; // empty: every status
    QString text;                  // name, e-mail, phone, confirmation number, payment code or PaymentIntent id
    qint64 createdFrom = 0;        // Unix seconds, inclusive; 0: open
    qint64 createdUntil = 0;       // exclusive; 0: open
    Sort sort = Sort::IssuedAt;
    bool descending = true;
    std::optional<QString> clerk;  // only the vouchers this clerk issued ("" : issued with no clerk signed in)
};

// One JST day at the counter, per terminal or per clerk.
struct DayTotals {
    QString group; // the terminal, or the clerk (DayGrouping)
    qint64 issuedCount = 0, issuedYen = 0;
    qint64 paidCount = 0, paidYen = 0;
    qint64 expiredCount = 0, expiredYen = 0;
    qint64 canceledCount = 0, canceledYen = 0;
    qint64 refundedCount = 0, refundedYen = 0;
    qint64 pendingCount = 0, pendingYen = 0;
    // Of the vouchers paid that day: Stripe's fees and the net, and how many have no fee known yet.
    qint64 feeYen = 0, netYen = 0, feeUnknownCount = 0;
    // Count and yen paid at each chain (familymart, lawson, ministop, seicomart; "" not known).
    QMap<QString, std::pair<qint64, qint64>> paidByChain;
    DayTotals &operator+=(const DayTotals &other);
};

enum class DayGrouping { ByTerminal, ByClerk };

// Someone who works the till. The PIN itself is never kept: only a salted PBKDF2 hash of it.
struct ClerkRecord {
    qint64 id = 0;
    QString name;
    bool isOwner = false;
    bool active = true;
    qint64 createdAt = 0;
};

// What the audit log records: actions on vouchers, settings, sign-ins and erasures.
enum class AuditAction {
    Issue,
    Cancel,
    Reissue,
    Refund,
    CancelRefund,
    SettingsChange,
    SignIn,
    SignOut,
    OwnerApproval,
    ClerksChange,
    EraseCustomer,
    RetentionErase,
    Export,
    ViewAuditLog,
};

// One line of the append-only audit log. No customer's data goes in it.
struct AuditEntry {
    qint64 id = 0;
    qint64 at = 0;
    QString clerk;
    AuditAction action = AuditAction::Issue;
    qint64 voucherId = 0;
    QString orderRef;
    qint64 amountYen = 0;
    QString result; // "ok", "refused", or the error's code
    QString detail;
};

// A customer this terminal has served before (returning customers, opt-in).
struct CustomerOnFile {
    QString name;
    QString email;
    QString phone;
};

// One row of the 明細 (statement) for accounting: a voucher, or a refund of one.
struct StatementRow {
    enum class Kind { Voucher, Refund };
    Kind kind = Kind::Voucher;
    QString orderRef;
    qint64 issuedAt = 0; // the voucher issued; the refund sent
    qint64 paidAt = 0;
    QString chain;
    qint64 grossYen = 0;
    std::optional<qint64> feeYen;
    std::optional<qint64> netYen;
    qint64 fundsAvailableAt = 0;
    qint64 refundedYen = 0;
    QString status; // voucher status key or refund status key
    QString clerk;
};

// The POSTs the journal knows; stored by key ("create", "confirm", …), decoded once.
enum class JournalOperation {
    CreatePaymentIntent,
    ConfirmPaymentIntent,
    CancelPaymentIntent,
    CreateRefund,
    CancelRefund
};

// A POST written down exactly as it will be sent (StripeApi's PreparedRequest, idempotency key
// included) before it is sent, and marked when answered, so a crash or a quit in between is
// resumed with the same key instead of creating a second object.
struct JournalEntry {
    enum class State { Pending, Done, Failed };
    qint64 id = 0;
    qint64 voucherId = 0;
    JournalOperation operation = JournalOperation::CreatePaymentIntent;
    PreparedRequest request;
    State state = State::Pending;
    QString resultCode;
    qint64 createdAt = 0;
};

} // namespace konbini
