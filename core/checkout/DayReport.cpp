#include "DayReport.h"

#include "StoreChains.h"

#include <QCoreApplication>

namespace konbini {

struct DayReportText {
    Q_DECLARE_TR_FUNCTIONS(DayReport)
};

DayTotals sumOf(const QList<DayTotals> &terminals)
{
    DayTotals total;
    for (const DayTotals &line : terminals)
        total += line;
    total.group = DayReportText::tr("Total");
    return total;
}

QByteArray dayReportCsv(QDate jstDay, const QList<DayTotals> &terminals, CsvEncoding encoding, DayGrouping grouping)
{
    const QStringList header{DayReportText::tr("Date (JST)"),
                             grouping == DayGrouping::ByClerk ? DayReportText::tr("Clerk") : DayReportText::tr("Terminal"),
                             DayReportText::tr("Issued"),        DayReportText::tr("Issued (yen)"),
                             DayReportText::tr("Paid"),          DayReportText::tr("Paid (yen)"),
                             DayReportText::tr("Expired"),       DayReportText::tr("Expired (yen)"),
                             DayReportText::tr("Canceled"),      DayReportText::tr("Canceled (yen)"),
                             DayReportText::tr("Refunded"),      DayReportText::tr("Refunded (yen)"),
                             DayReportText::tr("Still pending"), DayReportText::tr("Still pending (yen)"),
                             DayReportText::tr("Stripe fees (yen)"), DayReportText::tr("Net (yen)"),
                             DayReportText::tr("Paid without a known fee")};
    QStringList chainHeader;
    for (const QString &chain : storeChainKeys())
        chainHeader << DayReportText::tr("Paid at %1").arg(storeChainName(chain))
                    << DayReportText::tr("Paid at %1 (yen)").arg(storeChainName(chain));
    QStringList headerFields;
    for (const QString &name : header + chainHeader)
        headerFields << csvTextField(name); // a translated name may hold a comma
    QList<QStringList> csv{headerFields};
    QList<DayTotals> lines = terminals;
    lines.append(sumOf(terminals));
    for (const DayTotals &t : lines) {
        QStringList fields{jstDay.toString(Qt::ISODate), csvTextField(t.group)};
        for (qint64 value :
             {t.issuedCount, t.issuedYen, t.paidCount, t.paidYen, t.expiredCount, t.expiredYen, t.canceledCount,
              t.canceledYen, t.refundedCount, t.refundedYen, t.pendingCount, t.pendingYen, t.feeYen, t.netYen,
              t.feeUnknownCount})
            fields.append(QString::number(value));
        for (const QString &chain : storeChainKeys()) {
            const auto paidThere = t.paidByChain.value(chain);
            fields << QString::number(paidThere.first) << QString::number(paidThere.second);
        }
        csv.append(fields);
    }
    return encodeCsv(csv, encoding);
}

} // namespace konbini
