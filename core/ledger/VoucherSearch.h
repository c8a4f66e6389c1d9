#pragma once

#include "LedgerDatabase.h"
#include "LedgerRecords.h"

namespace konbini {

// The merchant's list: filter, search and sort in SQLite, a page at a time. Searches of three
// characters or more use the trigram index when the term is rare, a plain substring scan along the
// date index when it is common.
class VoucherSearch
{
public:
    explicit VoucherSearch(const LedgerDatabase &database) : m_db(database) {}

    LedgerResult<QList<VoucherRecord>> page(const VoucherQuery &query, int offset, int limit) const;
    LedgerResult<qint64> count(const VoucherQuery &query) const;

private:
    bool isSelective(const QString &text) const;

    const LedgerDatabase &m_db;
};

} // namespace konbini
