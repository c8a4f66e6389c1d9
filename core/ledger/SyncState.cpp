#include "SyncState.h"

namespace konbini {

LedgerResult<QString> SyncState::value(const QString &key) const
{
    LedgerResult<QSqlQuery> query = m_db.run(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"), {key});
    if (!query)
        return query.error();
    return query.value().next() ? query.value().value(0).toString() : QString();
}

LedgerStatus SyncState::setValue(const QString &key, const QString &value)
{
    const auto written = m_db.run(QStringLiteral("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)"),
                                  {key, LedgerDatabase::text(value)});
    return written ? LedgerStatus() : LedgerStatus(written.error());
}

LedgerResult<bool> SyncState::markEventProcessed(const QString &eventId, qint64 now)
{
    const LedgerResult<QSqlQuery> inserted = m_db.run(
        QStringLiteral("INSERT OR IGNORE INTO processed_events (id, processed_at) VALUES (?, ?)"), {eventId, now});
    if (!inserted)
        return inserted.error();
    return inserted.value().numRowsAffected() == 1;
}

} // namespace konbini
