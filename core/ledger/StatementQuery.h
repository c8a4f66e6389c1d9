#pragma once

#include "LedgerDatabase.h"
#include "LedgerRecords.h"

#include <QDate>

namespace konbini {

// The 明細 for accounting over JST calendar days: every voucher issued in them (a voucher was
// handed out) and every refund sent in them, in time order.
class StatementQuery
{
public:
    explicit StatementQuery(const LedgerDatabase &database) : m_db(database) {}

    // Both days inclusive.
    LedgerResult<QList<StatementRow>> rows(QDate firstJstDay, QDate lastJstDay) const;

private:
    const LedgerDatabase &m_db;
};

} // namespace konbini
