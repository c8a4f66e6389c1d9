#include "PersonalData.h"

#include "KonbiniRules.h"

namespace konbini {
namespace {

// When the voucher closed; NULL while it is open.
const char *const kClosedAt =
    "CASE v.status"
    " WHEN 'paid' THEN v.paid_at"
    " WHEN 'expired' THEN v.voucher_expires_at"
    " WHEN 'canceled' THEN CASE WHEN v.canceled_at > 0 THEN v.canceled_at ELSE v.updated_at END"
    " WHEN 'refunded' THEN (SELECT MAX(r.updated_at) FROM refunds r WHERE r.voucher_id = v.id)"
    " WHEN 'refund_failed' THEN (SELECT MAX(r.updated_at) FROM refunds r WHERE r.voucher_id = v.id)"
    " WHEN 'not_issued' THEN CASE WHEN EXISTS (SELECT 1 FROM journal j WHERE j.voucher_id = v.id"
    " AND j.state = 'pending') THEN NULL ELSE v.updated_at END"
    " ELSE NULL END";

// The condition and its values for "this customer": the e-mail when it holds an @, else the phone.
std::pair<QString, QVariantList> customerMatch(const QString &emailOrPhone)
{
    const QString typed = emailOrPhone.trimmed();
    if (typed.contains(u'@'))
        return {QStringLiteral("email = ? COLLATE NOCASE"), {typed}};
    // As the confirmation number was made from the phone typed at the sale (widths, +81).
    const QString digits = KonbiniRules::confirmationNumberFromPhone(typed).digits;
    if (!KonbiniRules::isValidConfirmationNumber(digits))
        return {};
    // The confirmation number is the phone's digits whenever a phone was typed.
    return {QStringLiteral("(confirmation_number = ? AND phone <> '')"), {digits}};
}

QList<qint64> idsOf(QSqlQuery &query)
{
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

} // namespace

LedgerStatus PersonalData::erase(const QList<qint64> &voucherIds, qint64 now)
{
    if (voucherIds.isEmpty())
        return {};
    return m_db.transaction([&]() -> LedgerStatus {
        for (qint64 id : voucherIds) {
            const QList<std::pair<QString, QVariantList>> statements = {
                {QStringLiteral("UPDATE vouchers SET customer_name = '', email = '', phone = '',"
                                " confirmation_number = '', hosted_voucher_url = '', erase_when_closed = 0,"
                                " personal_data_erased_at = ?,"
                                // Each store's copy of the confirmation number (the phone's digits).
                                " stores = ifnull((SELECT json_group_array(json(json_remove(value,"
                                " '$.confirmation_number'))) FROM json_each(stores)), '[]') WHERE id = ?"),
                 {now, id}},
                {QStringLiteral("UPDATE vouchers SET search_text = %1 WHERE id = ?")
                     .arg(QLatin1String(LedgerDatabase::searchTextExpression())),
                 {id}},
                {QStringLiteral("UPDATE refunds SET instructions_email = '' WHERE voucher_id = ?"), {id}},
                // A finished request's body held the customer's name, e-mail and phone; only a
                // pending one is ever read again, and a closed voucher has none.
                {QStringLiteral("UPDATE journal SET body = X'' WHERE voucher_id = ? AND state <> 'pending'"), {id}},
            };
            for (const auto &[sql, values] : statements) {
                if (const auto ran = m_db.run(sql, values); !ran)
                    return ran.error();
            }
        }
        // The trigram index keeps a deleted row's text in its older segments until they are merged.
        const auto merged = m_db.run(QStringLiteral("INSERT INTO voucher_search(voucher_search) VALUES ('optimize')"));
        return merged ? LedgerStatus() : LedgerStatus(merged.error());
    });
}

LedgerResult<int> PersonalData::eraseClosedBefore(qint64 closedBefore, qint64 now)
{
    LedgerResult<QSqlQuery> due = m_db.run(
        QStringLiteral("SELECT id FROM (SELECT v.id, v.erase_when_closed, %1 AS closed_at FROM vouchers v"
                       " WHERE v.personal_data_erased_at = 0 AND v.status IN ('paid', 'expired', 'canceled',"
                       " 'refunded', 'refund_failed', 'not_issued'))"
                       " WHERE closed_at IS NOT NULL AND (closed_at <= ? OR erase_when_closed = 1)")
            .arg(QLatin1String(kClosedAt)),
        {closedBefore});
    if (!due)
        return due.error();
    const QList<qint64> ids = idsOf(due.value());
    if (const LedgerStatus erased = erase(ids, now); !erased)
        return erased.error();
    return int(ids.size());
}

LedgerResult<PersonalData::CustomerErasure> PersonalData::eraseCustomer(const QString &emailOrPhone, qint64 now)
{
    const auto [condition, values] = customerMatch(emailOrPhone);
    if (condition.isEmpty())
        return CustomerErasure{};
    LedgerResult<QSqlQuery> found = m_db.run(
        QStringLiteral("SELECT v.id, %1 IS NOT NULL FROM vouchers v WHERE v.personal_data_erased_at = 0 AND %2")
            .arg(QLatin1String(kClosedAt), condition),
        values);
    if (!found)
        return found.error();
    QList<qint64> closed, open;
    while (found.value().next())
        (found.value().value(1).toBool() ? closed : open).append(found.value().value(0).toLongLong());
    CustomerErasure result{int(closed.size()), int(open.size())};
    const LedgerStatus written = m_db.transaction([&]() -> LedgerStatus {
        for (qint64 id : open) {
            if (const auto marked = m_db.run(QStringLiteral("UPDATE vouchers SET erase_when_closed = 1 WHERE id = ?"), {id});
                !marked)
                return marked.error();
        }
        return erase(closed, now);
    });
    if (!written)
        return written.error();
    return result;
}

LedgerResult<std::optional<CustomerOnFile>> PersonalData::returningCustomer(const QString &terminal,
                                                                             const QString &emailOrPhone) const
{
    const auto [condition, values] = customerMatch(emailOrPhone);
    if (condition.isEmpty())
        return std::optional<CustomerOnFile>();
    LedgerResult<QSqlQuery> found =
        m_db.run(QStringLiteral("SELECT customer_name, email, phone FROM vouchers WHERE terminal = ? AND %1"
                                " AND personal_data_erased_at = 0 AND erase_when_closed = 0 AND customer_name <> ''"
                                " ORDER BY created_at DESC LIMIT 1")
                     .arg(condition),
                 QVariantList{terminal} + values);
    if (!found)
        return found.error();
    if (!found.value().next())
        return std::optional<CustomerOnFile>();
    return std::optional(CustomerOnFile{found.value().value(0).toString(), found.value().value(1).toString(),
                                        found.value().value(2).toString()});
}

} // namespace konbini
