#pragma once

#include "LedgerDatabase.h"
#include "LedgerRecords.h"

namespace konbini {

// The till's clerks and the owner's rules for them. A PIN is kept only as PBKDF2-SHA256 of it
// with a random 16-byte salt; the iteration count is stored with each hash, so it can rise for
// new PINs without invalidating old ones.
class ClerkStore
{
public:
    static constexpr int kPinIterations = 100'000;

    explicit ClerkStore(LedgerDatabase &database) : m_db(database) {}

    // Active clerks, owner first, then by name.
    LedgerResult<QList<ClerkRecord>> clerks() const;
    LedgerResult<std::optional<ClerkRecord>> owner() const;
    LedgerResult<std::optional<ClerkRecord>> clerk(qint64 id) const;
    // `name` and `pin` must already be normalised (ClerkRules). A second active owner is refused
    // (a Write error), as is a name already taken.
    LedgerResult<qint64> add(const QString &name, const QString &pin, bool isOwner, qint64 now);
    LedgerStatus setPin(qint64 id, const QString &pin);
    // A clerk who leaves stays in the table (the audit log and the vouchers name them), inactive.
    LedgerStatus deactivate(qint64 id);
    // False for a wrong PIN, an unknown or an inactive clerk.
    LedgerResult<bool> verify(qint64 id, const QString &pin) const;

    // With it on, cancel, refund, cancel refund and the settings need the owner's PIN.
    LedgerResult<bool> ownerApprovalRequired() const;
    LedgerStatus setOwnerApprovalRequired(bool required);

    // Wrong PINs in a row and until when the clerk is locked out; kept across restarts.
    struct Tries {
        int failures = 0;
        qint64 lockedUntil = 0;
    };
    LedgerResult<Tries> tries(qint64 id) const;
    LedgerStatus setTries(qint64 id, const Tries &tries);

    // Fewer iterations for tests that sign in often; never used by the app.
    void setPinIterationsForTests(int iterations) { m_iterations = iterations; }

private:
    QByteArray hashOf(const QString &pin, const QByteArray &salt, int iterations) const;

    LedgerDatabase &m_db;
    int m_iterations = kPinIterations;
};

} // namespace konbini
