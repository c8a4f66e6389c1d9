#include "DayTotalsQuery.h"

#include "KonbiniRules.h"

#include <QMap>

namespace konbini {

DayTotals &DayTotals::operator+=(const DayTotals &o)
{
    issuedCount += o.issuedCount;
    issuedYen += o.issuedYen;
    paidCount += o.paidCount;
    paidYen += o.paidYen;
    expiredCount += o.expiredCount;
    expiredYen += o.expiredYen;
    canceledCount += o.canceledCount;
    canceledYen += o.canceledYen;
    refundedCount += o.refundedCount;
    refundedYen += o.refundedYen;
    pendingCount += o.pendingCount;
    pendingYen += o.pendingYen;
    feeYen += o.feeYen;
    netYen += o.netYen;
    feeUnknownCount += o.feeUnknownCount;
    for (auto it = o.paidByChain.begin(); it != o.paidByChain.end(); ++it) {
        paidByChain[it.key()].first += it.value().first;
        paidByChain[it.key()].second += it.value().second;
    }
    return *this;
}

LedgerResult<QList<DayTotals>> DayTotalsQuery::forDay(QDate jstDay, DayGrouping grouping) const
{
    // A refund counts for the clerk who sent it, and for the terminal of its voucher.
    const QLatin1String group(grouping == DayGrouping::ByClerk ? "clerk" : "terminal");
    const QLatin1String refundGroup(grouping == DayGrouping::ByClerk ? "r.clerk" : "v.terminal");
    const qint64 start = KonbiniRules::startOfJstDay(jstDay);
    const qint64 end = start + 24 * 3600;
    QMap<QString, DayTotals> byTerminal;
    const auto collect = [&](const QString &sql, qint64 DayTotals::*count, qint64 DayTotals::*yen,
                             const QVariantList &values) -> LedgerStatus {
        LedgerResult<QSqlQuery> query = m_db.run(sql, values);
        if (!query)
            return query.error();
        while (query.value().next()) {
            DayTotals &totals = byTerminal[query.value().value(0).toString()];
            totals.group = query.value().value(0).toString();
            totals.*count += query.value().value(1).toLongLong();
            totals.*yen += query.value().value(2).toLongLong();
        }
        return {};
    };
    const QString grouped =
        QStringLiteral("SELECT %1, COUNT(*), COALESCE(SUM(amount), 0) FROM vouchers WHERE %2 GROUP BY %1").arg(group);
    const QString expired = voucherStatusKey(VoucherStatus::Expired);
    const QString pending = voucherStatusKey(VoucherStatus::Pending);
    const LedgerStatus results[] = {
        collect(grouped.arg(QStringLiteral("voucher_expires_at > 0 AND created_at >= ? AND created_at < ?")),
                &DayTotals::issuedCount, &DayTotals::issuedYen, {start, end}),
        collect(grouped.arg(QStringLiteral("paid_at >= ? AND paid_at < ?")), &DayTotals::paidCount, &DayTotals::paidYen,
                {start, end}),
        collect(grouped.arg(QStringLiteral("status = ? AND voucher_expires_at >= ? AND voucher_expires_at < ?")),
                &DayTotals::expiredCount, &DayTotals::expiredYen, {expired, start, end}),
        collect(grouped.arg(QStringLiteral("canceled_at >= ? AND canceled_at < ?")), &DayTotals::canceledCount,
                &DayTotals::canceledYen, {start, end}),
        collect(grouped.arg(QStringLiteral("status = ? AND created_at < ?")), &DayTotals::pendingCount,
                &DayTotals::pendingYen, {pending, end}),
        collect(QStringLiteral("SELECT %1, COUNT(*), COALESCE(SUM(r.amount), 0) FROM refunds r JOIN vouchers v "
                               "ON v.id = r.voucher_id"
                               " WHERE r.status = ? AND r.updated_at >= ? AND r.updated_at < ? GROUP BY %1")
                    .arg(refundGroup),
                &DayTotals::refundedCount, &DayTotals::refundedYen, {statusKey(RefundStatus::Succeeded), start, end}),
    };
    for (const LedgerStatus &result : results) {
        if (!result)
            return result.error();
    }
    // The paid ones by chain, with Stripe's fees and the net.
    LedgerResult<QSqlQuery> paid = m_db.run(
        QStringLiteral("SELECT %1, paid_chain, COUNT(*), COALESCE(SUM(amount), 0), COALESCE(SUM(fee), 0),"
                       " COALESCE(SUM(net), 0), SUM(fee IS NULL) FROM vouchers WHERE paid_at >= ? AND paid_at < ?"
                       " GROUP BY %1, paid_chain")
            .arg(group),
        {start, end});
    if (!paid)
        return paid.error();
    while (paid.value().next()) {
        DayTotals &totals = byTerminal[paid.value().value(0).toString()];
        totals.group = paid.value().value(0).toString();
        auto &chain = totals.paidByChain[paid.value().value(1).toString()];
        chain.first += paid.value().value(2).toLongLong();
        chain.second += paid.value().value(3).toLongLong();
        totals.feeYen += paid.value().value(4).toLongLong();
        totals.netYen += paid.value().value(5).toLongLong();
        totals.feeUnknownCount += paid.value().value(6).toLongLong();
    }
    return byTerminal.values();
}

} // namespace konbini
