#include "ClerkStore.h"

#include <QPasswordDigestor>
#include <QRandomGenerator>

namespace konbini {
namespace {

const char *const kColumns = "id, name, is_owner, active, created_at";
const QString kOwnerApprovalKey = QStringLiteral("owner_approval_required");

ClerkRecord clerkFrom(const QSqlQuery &row)
{
    ClerkRecord c;
    c.id = row.value(0).toLongLong();
    c.name = row.value(1).toString();
    c.isOwner = row.value(2).toBool();
    c.active = row.value(3).toBool();
    c.createdAt = row.value(4).toLongLong();
    return c;
}

QByteArray randomSalt()
{
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), salt.size() / 4);
    return salt;
}

// Equal without leaking, by its timing, how many leading bytes matched.
bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

} // namespace

QByteArray ClerkStore::hashOf(const QString &pin, const QByteArray &salt, int iterations) const
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, pin.toUtf8(), salt, iterations, 32);
}

LedgerResult<QList<ClerkRecord>> ClerkStore::clerks() const
{
    LedgerResult<QSqlQuery> query = m_db.run(
        QStringLiteral("SELECT %1 FROM clerks WHERE active = 1 ORDER BY is_owner DESC, name").arg(QLatin1String(kColumns)));
    if (!query)
        return query.error();
    QList<ClerkRecord> found;
    while (query.value().next())
        found.append(clerkFrom(query.value()));
    return found;
}

LedgerResult<std::optional<ClerkRecord>> ClerkStore::owner() const
{
    LedgerResult<QSqlQuery> query = m_db.run(
        QStringLiteral("SELECT %1 FROM clerks WHERE active = 1 AND is_owner = 1").arg(QLatin1String(kColumns)));
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<ClerkRecord>();
    return std::optional(clerkFrom(query.value()));
}

LedgerResult<std::optional<ClerkRecord>> ClerkStore::clerk(qint64 id) const
{
    LedgerResult<QSqlQuery> query =
        m_db.run(QStringLiteral("SELECT %1 FROM clerks WHERE id = ?").arg(QLatin1String(kColumns)), {id});
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<ClerkRecord>();
    return std::optional(clerkFrom(query.value()));
}

LedgerResult<qint64> ClerkStore::add(const QString &name, const QString &pin, bool isOwner, qint64 now)
{
    const QByteArray salt = randomSalt();
    LedgerResult<QSqlQuery> inserted = m_db.run(
        QStringLiteral("INSERT INTO clerks (name, is_owner, pin_salt, pin_hash, pin_iterations, created_at)"
                       " VALUES (?, ?, ?, ?, ?, ?)"),
        {name, isOwner, salt, hashOf(pin, salt, m_iterations), m_iterations, now});
    if (!inserted)
        return inserted.error();
    return inserted.value().lastInsertId().toLongLong();
}

LedgerStatus ClerkStore::setPin(qint64 id, const QString &pin)
{
    const QByteArray salt = randomSalt();
    const auto updated =
        m_db.run(QStringLiteral("UPDATE clerks SET pin_salt = ?, pin_hash = ?, pin_iterations = ? WHERE id = ?"),
                 {salt, hashOf(pin, salt, m_iterations), m_iterations, id});
    return updated ? LedgerStatus() : LedgerStatus(updated.error());
}

LedgerStatus ClerkStore::deactivate(qint64 id)
{
    const auto updated = m_db.run(QStringLiteral("UPDATE clerks SET active = 0 WHERE id = ?"), {id});
    return updated ? LedgerStatus() : LedgerStatus(updated.error());
}

LedgerResult<bool> ClerkStore::verify(qint64 id, const QString &pin) const
{
    LedgerResult<QSqlQuery> query = m_db.run(
        QStringLiteral("SELECT pin_salt, pin_hash, pin_iterations FROM clerks WHERE id = ? AND active = 1"), {id});
    if (!query)
        return query.error();
    if (!query.value().next())
        return false;
    const int iterations = query.value().value(2).toInt();
    if (iterations < 1 || iterations > 10 * kPinIterations)
        return false; // not a hash this till wrote: never a sign-in that hangs the counter
    return sameBytes(hashOf(pin, query.value().value(0).toByteArray(), iterations), query.value().value(1).toByteArray());
}

LedgerResult<ClerkStore::Tries> ClerkStore::tries(qint64 id) const
{
    LedgerResult<QSqlQuery> query =
        m_db.run(QStringLiteral("SELECT value FROM till_policy WHERE key = ?"), {QStringLiteral("pin_tries:%1").arg(id)});
    if (!query)
        return query.error();
    if (!query.value().next())
        return Tries{};
    const QStringList parts = query.value().value(0).toString().split(u',');
    return Tries{parts.value(0).toInt(), parts.value(1).toLongLong()};
}

LedgerStatus ClerkStore::setTries(qint64 id, const Tries &tries)
{
    const auto written =
        m_db.run(QStringLiteral("INSERT INTO till_policy (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                                "value = excluded.value"),
                 {QStringLiteral("pin_tries:%1").arg(id), QStringLiteral("%1,%2").arg(tries.failures).arg(tries.lockedUntil)});
    return written ? LedgerStatus() : LedgerStatus(written.error());
}

LedgerResult<bool> ClerkStore::ownerApprovalRequired() const
{
    LedgerResult<QSqlQuery> query =
        m_db.run(QStringLiteral("SELECT value FROM till_policy WHERE key = ?"), {kOwnerApprovalKey});
    if (!query)
        return query.error();
    return query.value().next() && query.value().value(0).toString() == u"1";
}

LedgerStatus ClerkStore::setOwnerApprovalRequired(bool required)
{
    const auto written =
        m_db.run(QStringLiteral("INSERT INTO till_policy (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                                "value = excluded.value"),
                 {kOwnerApprovalKey, required ? QStringLiteral("1") : QStringLiteral("0")});
    return written ? LedgerStatus() : LedgerStatus(written.error());
}

} // namespace konbini
