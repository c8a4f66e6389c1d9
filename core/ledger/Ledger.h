#pragma once

#include "DayTotalsQuery.h"
#include "Journal.h"
#include "LedgerDatabase.h"
#include "RefundStore.h"
#include "SyncState.h"
#include "VoucherSearch.h"
#include "VoucherStore.h"

namespace konbini {

// The terminal's local record: one SQLite file (LedgerDatabase) and the units over it.
class Ledger
{
public:
    static constexpr int kSchemaVersion = LedgerDatabase::kSchemaVersion;

    explicit Ledger(QString path)
        : m_db(std::move(path)), m_vouchers(m_db), m_refunds(m_db, m_vouchers), m_journal(m_db), m_sync(m_db),
          m_search(m_db), m_days(m_db)
    {
    }

    LedgerStatus open() { return m_db.open(); }
    int schemaVersion() const { return m_db.schemaVersion(); }
    const QString &path() const { return m_db.path(); }
    LedgerDatabase &database() { return m_db; }

    // Runs `work` atomically: a failure it returns rolls all of it back.
    LedgerStatus transaction(const std::function<LedgerStatus()> &work) { return m_db.transaction(work); }

    VoucherStore &vouchers() { return m_vouchers; }
    const VoucherStore &vouchers() const { return m_vouchers; }
    RefundStore &refunds() { return m_refunds; }
    const RefundStore &refunds() const { return m_refunds; }
    Journal &journal() { return m_journal; }
    const Journal &journal() const { return m_journal; }
    SyncState &syncState() { return m_sync; }
    const VoucherSearch &search() const { return m_search; }
    const DayTotalsQuery &dayTotals() const { return m_days; }

private:
    LedgerDatabase m_db;
    VoucherStore m_vouchers;
    RefundStore m_refunds;
    Journal m_journal;
    SyncState m_sync;
    VoucherSearch m_search;
    DayTotalsQuery m_days;
};

} // namespace konbini
