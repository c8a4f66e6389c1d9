#pragma once

#include "LedgerDatabase.h"
#include "LedgerRecords.h"

#include <QDate>

namespace konbini {

// The 日計 figures for one JST calendar day, per terminal (or per clerk): issued, paid, expired (deadline that
// day), canceled, refunded (succeeded that day) and still pending at the end of the day.
class DayTotalsQuery
{
public:
    explicit DayTotalsQuery(const LedgerDatabase &database) : m_db(database) {}

    LedgerResult<QList<DayTotals>> forDay(QDate jstDay, DayGrouping grouping = DayGrouping::ByTerminal) const;

private:
    const LedgerDatabase &m_db;
};

} // namespace konbini
