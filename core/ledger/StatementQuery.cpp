#include "StatementQuery.h"

#include "KonbiniRules.h"

namespace konbini {

LedgerResult<QList<StatementRow>> StatementQuery::rows(QDate firstJstDay, QDate lastJstDay) const
{
    const qint64 from = KonbiniRules::startOfJstDay(firstJstDay);
    const qint64 until = KonbiniRules::startOfJstDay(lastJstDay.addDays(1));
    LedgerResult<QSqlQuery> query = m_db.run(
        QStringLiteral(
            "SELECT 0, order_ref, created_at, paid_at, paid_chain, amount, fee, net, funds_available_at,"
            " amount_refunded, status, clerk, id FROM vouchers"
            " WHERE voucher_expires_at > 0 AND created_at >= ? AND created_at < ?"
            " UNION ALL "
            "SELECT 1, v.order_ref, r.created_at, 0, '', 0, NULL, NULL, 0, r.amount, r.status, r.clerk, v.id"
            " FROM refunds r JOIN vouchers v ON v.id = r.voucher_id WHERE r.created_at >= ? AND r.created_at < ?"
            " ORDER BY 3, 1, 13"),
        {from, until, from, until});
    if (!query)
        return query.error();
    QList<StatementRow> rows;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        StatementRow row;
        row.kind = q.value(0).toInt() == 0 ? StatementRow::Kind::Voucher : StatementRow::Kind::Refund;
        row.orderRef = q.value(1).toString();
        row.issuedAt = q.value(2).toLongLong();
        row.paidAt = q.value(3).toLongLong();
        row.chain = q.value(4).toString();
        row.grossYen = q.value(5).toLongLong();
        if (!q.value(6).isNull() && !q.value(7).isNull()) {
            row.feeYen = q.value(6).toLongLong();
            row.netYen = q.value(7).toLongLong();
        }
        row.fundsAvailableAt = q.value(8).toLongLong();
        row.refundedYen = q.value(9).toLongLong();
        row.status = q.value(10).toString();
        row.clerk = q.value(11).toString();
        rows.append(row);
    }
    return rows;
}

} // namespace konbini
