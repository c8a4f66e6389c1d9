#pragma once

#include "AuditLog.h"
#include "ClerkStore.h"
#include "DayTotalsQuery.h"
#include "Journal.h"
#include "LedgerDatabase.h"
#include "PersonalData.h"
#include "RefundStore.h"
#include "StatementQuery.h"
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
          m_search(m_db), m_days(m_db), m_audit(m_db), m_clerks(m_db), m_personalData(m_db), m_statement(m_db)
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
    AuditLog &audit() { return m_audit; }
    const AuditLog &audit() const { return m_audit; }
    ClerkStore &clerks() { return m_clerks; }
    const ClerkStore &clerks() const { return m_clerks; }
    PersonalData &personalData() { return m_personalData; }
    const PersonalData &personalData() const { return m_personalData; }
    const StatementQuery &statement() const { return m_statement; }

private:
    LedgerDatabase m_db;
    VoucherStore m_vouchers;
    RefundStore m_refunds;
    Journal m_journal;
    SyncState m_sync;
    VoucherSearch m_search;
    DayTotalsQuery m_days;
    AuditLog m_audit;
    ClerkStore m_clerks;
    PersonalData m_personalData;
    StatementQuery m_statement;
};

} // namespace konbini
