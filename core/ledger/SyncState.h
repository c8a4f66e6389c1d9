#pragma once

#include "LedgerDatabase.h"

namespace konbini {

// Event sync's own records: named values (the event cursor) and the events already applied.
class SyncState
{
public:
    explicit SyncState(LedgerDatabase &database) : m_db(database) {}

    // "" when never set.
    LedgerResult<QString> value(const QString &key) const;
    LedgerStatus setValue(const QString &key, const QString &value);
    // False when the event had been applied before.
    LedgerResult<bool> markEventProcessed(const QString &eventId, qint64 now);

private:
    LedgerDatabase &m_db;
};

} // namespace konbini
