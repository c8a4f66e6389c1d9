#include "AuditLog.h"

#include "LedgerLogging.h"
#include "VoucherStore.h"

#include <QCoreApplication>
#include <QRegularExpression>

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
    {AuditAction::ViewAuditLog, "view_audit_log", QT_TRANSLATE_NOOP("AuditAction", "View the audit log")},
};

struct ResultName {
    const char *key;
    const char *label;
};

constexpr ResultName kResults[] = {
    {"ok", QT_TRANSLATE_NOOP("AuditResult", "done")},
    {"wrong_pin", QT_TRANSLATE_NOOP("AuditResult", "wrong PIN")},
    {"locked_out", QT_TRANSLATE_NOOP("AuditResult", "locked after wrong PINs")},
    {"canceled", QT_TRANSLATE_NOOP("AuditResult", "PIN not given")},
    {"no_such_clerk", QT_TRANSLATE_NOOP("AuditResult", "no such clerk")},
    {"ledger_error", QT_TRANSLATE_NOOP("AuditResult", "ledger not writable")},
    {"not_allowed", QT_TRANSLATE_NOOP("AuditResult", "not allowed for this voucher")},
    {"invalid", QT_TRANSLATE_NOOP("AuditResult", "invalid input")},
    {"busy", QT_TRANSLATE_NOOP("AuditResult", "another sale in progress")},
    {"failed", QT_TRANSLATE_NOOP("AuditResult", "failed")},
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

QString auditResultLabel(const QString &result)
{
    for (const ResultName &name : kResults) {
        if (result == QLatin1String(name.key))
            return QCoreApplication::translate("AuditResult", name.label);
    }
    return result; // Stripe's own error code, as Stripe wrote it
}

QString auditDetailText(const AuditEntry &entry)
{
    const auto translated = [](const char *text) { return QCoreApplication::translate("AuditDetail", text); };
    // An approval names the action it was for by its key.
    if (entry.action == AuditAction::OwnerApproval) {
        if (const std::optional<AuditAction> forWhat = auditActionFromKey(entry.detail))
            return auditActionLabel(*forWhat);
    }
    // The rest is written in one fixed (English) form and read in the UI's language.
    struct Form {
        const char *pattern;
        const char *text;
    };
    static const Form forms[] = {
        {"^added owner (.+)$", QT_TRANSLATE_NOOP("AuditDetail", "added %1 as the owner")},
        {"^added (.+)$", QT_TRANSLATE_NOOP("AuditDetail", "added %1")},
        {"^new PIN for (.+)$", QT_TRANSLATE_NOOP("AuditDetail", "new PIN for %1")},
        {"^removed (.+)$", QT_TRANSLATE_NOOP("AuditDetail", "removed %1")},
        {"^statement (.+)$", QT_TRANSLATE_NOOP("AuditDetail", "statement %1")},
        {"^audit log (.+)$", QT_TRANSLATE_NOOP("AuditDetail", "audit log %1")},
    };
    if (entry.detail == u"resumed after a restart")
        return translated(QT_TRANSLATE_NOOP("AuditDetail", "finished after a restart"));
    if (entry.detail == u"owner's PIN required")
        return translated(QT_TRANSLATE_NOOP("AuditDetail", "the owner's PIN is required"));
    if (entry.detail == u"owner's PIN not required")
        return translated(QT_TRANSLATE_NOOP("AuditDetail", "the owner's PIN is no longer required"));
    for (const Form &form : forms) {
        const QRegularExpressionMatch match = QRegularExpression(QLatin1String(form.pattern)).match(entry.detail);
        if (match.hasMatch())
            return translated(form.text).arg(match.captured(1));
    }
    static const QRegularExpression erased(QStringLiteral("^(\\d+) vouchers erased, (\\d+) erased when they close$"));
    if (const QRegularExpressionMatch match = erased.match(entry.detail); match.hasMatch())
        return translated(QT_TRANSLATE_NOOP("AuditDetail", "%1 vouchers erased, %2 when they close"))
            .arg(match.captured(1), match.captured(2));
    static const QRegularExpression retention(
        QStringLiteral("^(\\d+) vouchers, closed over (\\d+) days ago or erasure requested$"));
    if (const QRegularExpressionMatch match = retention.match(entry.detail); match.hasMatch())
        return translated(QT_TRANSLATE_NOOP("AuditDetail", "%1 vouchers, closed over %2 days ago or erasure requested"))
            .arg(match.captured(1), match.captured(2));
    return entry.detail;
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

void AuditLog::record(AuditEntry entry, const VoucherStore &vouchers, Amount amount)
{
    if (entry.voucherId > 0) {
        if (const LedgerResult<VoucherRecord> voucher = vouchers.voucher(entry.voucherId)) {
            entry.orderRef = voucher.value().orderRef;
            if (amount == Amount::VouchersWhenNone && entry.amountYen == 0)
                entry.amountYen = voucher.value().amountYen;
        }
    }
    if (const LedgerResult<qint64> written = append(entry); !written)
        qCWarning(lcLedger) << "could not write the audit log:" << written.error().message;
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
