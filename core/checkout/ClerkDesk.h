#pragma once

#include "CheckoutEngine.h"
#include "Ledger.h"

#include <QObject>

#include <functional>
#include <optional>

namespace konbini {

// Who is at the till: clerks sign in with their PIN, the owner approves cancels, refunds and
// settings with theirs (when the owner asks for it) and manages the clerks. Every sign-in,
// approval and change goes to the audit log. A till with no clerks works as before, anonymously.
class ClerkDesk : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<qint64()>;
    static constexpr int kTriesBeforeLockout = 5;
    static constexpr int kLockoutSeconds = 60;

    ClerkDesk(Ledger &ledger, CheckoutEngine &engine, Clock clock, QObject *parent = nullptr);

    // Any active clerk: the till then asks for a sign-in.
    bool clerksInUse() const;
    QList<ClerkRecord> clerks() const;
    std::optional<ClerkRecord> owner() const;
    const std::optional<ClerkRecord> &signedIn() const { return m_signedIn; }

    struct PinAnswer {
        enum class Kind { Accepted, Wrong, LockedOut, NoSuchClerk, LedgerError };
        Kind kind = Kind::Wrong;
        qint64 secondsLocked = 0; // LockedOut: how long until the next try
        bool accepted() const { return kind == Kind::Accepted; }
    };
    PinAnswer signIn(qint64 clerkId, const QString &typedPin);
    void signOut();

    // True when cancel, refund, cancel refund and the settings need the owner's PIN now: the owner
    // asked for it and is not the one signed in.
    bool ownerApprovalNeeded() const;
    bool ownerApprovalRequired() const;
    // The owner's PIN for one action (`what`, on `voucherId` if any); logged either way.
    PinAnswer approveAsOwner(const QString &typedPin, AuditAction what, qint64 voucherId = 0);
    // The owner's PIN was asked for and not given: `what` does not happen; logged.
    void approvalNotGiven(AuditAction what, qint64 voucherId = 0);

    // Managing clerks. Each returns a translated problem, or an empty string when done.
    QString addClerk(const QString &typedName, const QString &typedPin, bool isOwner);
    QString changePin(qint64 clerkId, const QString &typedPin);
    QString removeClerk(qint64 clerkId);
    QString setOwnerApprovalRequired(bool required);

    // The settings dialog was accepted with these keys changed.
    void recordSettingsChange(const QStringList &changedKeys);
    // Anything else worth the log (an export, an erasure) by whoever is signed in.
    void record(AuditAction action, const QString &result, const QString &detail = {}, qint64 voucherId = 0,
                qint64 amountYen = 0);

signals:
    void signedInChanged();
    void clerksChanged();

private:
    PinAnswer checkPin(qint64 clerkId, const QString &typedPin);
    void recordAs(const QString &clerk, AuditAction action, const QString &result, const QString &detail = {},
                  qint64 voucherId = 0, qint64 amountYen = 0);
    QString currentName() const;

    Ledger &m_ledger;
    CheckoutEngine &m_engine;
    Clock m_clock;
    std::optional<ClerkRecord> m_signedIn;
};

} // namespace konbini
