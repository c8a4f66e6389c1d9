#include "AuditLog.h"

#include <QCoreApplication>

namespace konbini {
namespace {

struct ActionName {
    AuditAction action;
    const char *key;
    const char *label;
};

constexpr ActionName kActions[] = {
    {AuditAction::Issue, "issue", QT_TRANSLATE_NOOP("AuditAction", "Issue voucher")},
    {AuditAction::Cancel, "cancel", QT_TRANSLATE_NOOP("AuditAction", "Cancel voucher")},
    {AuditAction::Reissue, "reissue", QT_TRANSLATE_NOOP("AuditAction", "Reissue voucher")},
    {AuditAction::Refund, "refund", QT_TRANSLATE_NOOP("AuditAction", "Refund")},
    {AuditAction::CancelRefund, "cancel_refund", QT_TRANSLATE_NOOP("AuditAction", "Cancel refund")},
    {AuditAction::SettingsChange, "settings", QT_TRANSLATE_NOOP("AuditAction", "Change settings")},
    {AuditAction::SignIn, "sign_in", QT_TRANSLATE_NOOP("AuditAction", "Sign in")},
    {AuditAction::SignOut, "sign_out", QT_TRANSLATE_NOOP("AuditAction", "Sign out")},
    {AuditAction::OwnerApproval, "owner_approval", QT_TRANSLATE_NOOP("AuditAction", "Owner's PIN")},
    {AuditAction::ClerksChange, "clerks", QT_TRANSLATE_NOOP("AuditAction", "Change clerks")},
    {AuditAction::EraseCustomer, "erase_customer", QT_TRANSLATE_NOOP("AuditAction", "Erase a customer's data")},
    {AuditAction::RetentionErase, "retention_erase",
     QT_TRANSLATE_NOOP("AuditAction", "Erase customers' data after the retention period")},
    {AuditAction::Export, "export", QT_TRANSLATE_NOOP("AuditAction", "Export")},
};

const char *const kColumns = "id, at, clerk, action, voucher_id, order_ref, amount, result, detail";

} // namespace

QString auditActionKey(AuditAction action)
{
    for (const ActionName &name : kActions) {
        if (name.action == action)
            return QLatin1String(name.key);
    }
    return {};
}

std::optional<AuditAction> auditActionFromKey(const QString &key)
{
    for (const ActionName &name : kActions) {
        if (key == QLatin1String(name.key))
            return name.action;
    }
    return std::nullopt;
}

QString auditActionLabel(AuditAction action)
{
    for (const ActionName &name : kActions) {
        if (name.action == action)
            return QCoreApplication::translate("AuditAction", name.label);
    }
    return {};
}

LedgerResult<qint64> AuditLog::append(const AuditEntry &e)
{
    LedgerResult<QSqlQuery> inserted = m_db.run(
        QStringLiteral("INSERT INTO audit_log (at, clerk, action, voucher_id, order_ref, amount, result, detail)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {e.at, LedgerDatabase::text(e.clerk), auditActionKey(e.action), e.voucherId, LedgerDatabase::text(e.orderRef),
         e.amountYen, LedgerDatabase::text(e.result), LedgerDatabase::text(e.detail)});
    if (!inserted)
        return inserted.error();
    return inserted.value().lastInsertId().toLongLong();
}

LedgerResult<QList<AuditEntry>> AuditLog::entries(qint64 from, qint64 until) const
{
    LedgerResult<QSqlQuery> query =
        m_db.run(QStringLiteral("SELECT %1 FROM audit_log WHERE at >= ? AND (? = 0 OR at < ?) ORDER BY at, id")
                     .arg(QLatin1String(kColumns)),
                 {from, until, until});
    if (!query)
        return query.error();
    QList<AuditEntry> found;
    while (query.value().next()) {
        const QSqlQuery &row = query.value();
        AuditEntry e;
        e.id = row.value(0).toLongLong();
        e.at = row.value(1).toLongLong();
        e.clerk = row.value(2).toString();
        const std::optional<AuditAction> action = auditActionFromKey(row.value(3).toString());
        if (!action)
            continue; // written by a newer release
        e.action = *action;
        e.voucherId = row.value(4).toLongLong();
        e.orderRef = row.value(5).toString();
        e.amountYen = row.value(6).toLongLong();
        e.result = row.value(7).toString();
        e.detail = row.value(8).toString();
        found.append(e);
    }
    return found;
}

} // namespace konbini
