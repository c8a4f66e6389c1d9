#pragma once

#include "LedgerDatabase.h"
#include "LedgerRecords.h"

namespace konbini {

// The journal of POSTs: each written with its prepared request before it is sent, and marked done
// or failed once answered. A pending entry is resumed at the next start with the same key.
class Journal
{
public:
    explicit Journal(LedgerDatabase &database) : m_db(database) {}

    // The new entry's id.
    LedgerResult<qint64> begin(const JournalEntry &entry);
    LedgerStatus finish(qint64 entryId, JournalEntry::State state, const QString &resultCode, qint64 now);
    // Every pending entry of the voucher becomes failed (the clerk gave up on that sale).
    LedgerStatus failPending(qint64 voucherId, const QString &resultCode, qint64 now);
    LedgerResult<QList<JournalEntry>> pending() const;
    LedgerResult<JournalEntry> entry(qint64 entryId) const;

    static QString operationKey(JournalOperation operation);

private:
    LedgerResult<QList<JournalEntry>> select(const QString &where, const QVariantList &values) const;

    LedgerDatabase &m_db;
};

} // namespace konbini
