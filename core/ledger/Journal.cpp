#include "Journal.h"

#include <array>
#include <utility>

namespace konbini {
namespace {

// The keys schema 1 and 2 wrote; never change one.
constexpr std::array<std::pair<JournalOperation, const char *>, 5> kOperations{{
    {JournalOperation::CreatePaymentIntent, "create"},
    {JournalOperation::ConfirmPaymentIntent, "confirm"},
    {JournalOperation::CancelPaymentIntent, "cancel"},
    {JournalOperation::CreateRefund, "refund"},
    {JournalOperation::CancelRefund, "cancel_refund"},
}};

constexpr std::array<std::pair<JournalEntry::State, const char *>, 3> kStates{{
    {JournalEntry::State::Pending, "pending"},
    {JournalEntry::State::Done, "done"},
    {JournalEntry::State::Failed, "failed"},
}};

template <typename Enum, std::size_t N>
QString keyOf(const std::array<std::pair<Enum, const char *>, N> &names, Enum value)
{
    for (const auto &[candidate, key] : names) {
        if (candidate == value)
            return QString::fromLatin1(key);
    }
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char *>, N> &names, const QString &key)
{
    for (const auto &[value, candidate] : names) {
        if (key == QLatin1String(candidate))
            return value;
    }
    return std::nullopt;
}

const char *const kColumns =
    "id, voucher_id, operation, method, path, body, idempotency_key, state, result_code, created_at";

} // namespace

QString Journal::operationKey(JournalOperation operation)
{
    return keyOf(kOperations, operation);
}

LedgerResult<qint64> Journal::begin(const JournalEntry &entry)
{
    const LedgerResult<QSqlQuery> inserted = m_db.run(
        QStringLiteral("INSERT INTO journal (voucher_id, operation, method, path, body, idempotency_key, state, "
                       "created_at, updated_at)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {entry.voucherId, operationKey(entry.operation), QString::fromLatin1(entry.request.method), entry.request.path,
         entry.request.body.isNull() ? QByteArray("") : entry.request.body, entry.request.idempotencyKey,
         keyOf(kStates, JournalEntry::State::Pending), entry.createdAt, entry.createdAt});
    if (!inserted)
        return inserted.error();
    return inserted.value().lastInsertId().toLongLong();
}

LedgerStatus Journal::finish(qint64 entryId, JournalEntry::State state, const QString &resultCode, qint64 now)
{
    const auto updated =
        m_db.run(QStringLiteral("UPDATE journal SET state = ?, result_code = ?, updated_at = ? WHERE id = ?"),
                 {keyOf(kStates, state), LedgerDatabase::text(resultCode), now, entryId});
    return updated ? LedgerStatus() : LedgerStatus(updated.error());
}

LedgerStatus Journal::failPending(qint64 voucherId, const QString &resultCode, qint64 now)
{
    const auto updated = m_db.run(
        QStringLiteral(
            "UPDATE journal SET state = ?, result_code = ?, updated_at = ? WHERE voucher_id = ? AND state = ?"),
        {keyOf(kStates, JournalEntry::State::Failed), LedgerDatabase::text(resultCode), now, voucherId,
         keyOf(kStates, JournalEntry::State::Pending)});
    return updated ? LedgerStatus() : LedgerStatus(updated.error());
}

LedgerResult<QList<JournalEntry>> Journal::select(const QString &where, const QVariantList &values) const
{
    LedgerResult<QSqlQuery> query =
        m_db.run(QStringLiteral("SELECT %1 FROM journal WHERE %2").arg(QLatin1String(kColumns), where), values);
    if (!query)
        return query.error();
    QList<JournalEntry> found;
    QSqlQuery &row = query.value();
    while (row.next()) {
        JournalEntry e;
        e.id = row.value(0).toLongLong();
        e.voucherId = row.value(1).toLongLong();
        const std::optional<JournalOperation> operation = valueOf(kOperations, row.value(2).toString());
        if (!operation) // written by a newer release: not ours to replay
            continue;
        e.operation = *operation;
        e.request.method = row.value(3).toString().toLatin1();
        e.request.path = row.value(4).toString();
        e.request.body = row.value(5).toByteArray();
        e.request.idempotencyKey = row.value(6).toString();
        e.state = valueOf(kStates, row.value(7).toString()).value_or(JournalEntry::State::Failed);
        e.resultCode = row.value(8).toString();
        e.createdAt = row.value(9).toLongLong();
        found.append(e);
    }
    return found;
}

LedgerResult<QList<JournalEntry>> Journal::pending() const
{
    return select(QStringLiteral("state = ? ORDER BY id"), {keyOf(kStates, JournalEntry::State::Pending)});
}

LedgerResult<JournalEntry> Journal::entry(qint64 entryId) const
{
    const LedgerResult<QList<JournalEntry>> found = select(QStringLiteral("id = ?"), {entryId});
    if (!found)
        return found.error();
    if (found.value().isEmpty())
        return LedgerError{LedgerError::Kind::NotFound, QStringLiteral("No journal entry %1.").arg(entryId)};
    return found.value().first();
}

} // namespace konbini
