#include "DayReport.h"

#include "StoreChains.h"

#include <QCoreApplication>
#include <QStringEncoder>

namespace konbini {

struct DayReportText {
    Q_DECLARE_TR_FUNCTIONS(DayReport)
};

DayTotals sumOf(const QList<DayTotals> &terminals)
{
    DayTotals total;
    for (const DayTotals &line : terminals)
        total += line;
    total.terminal = DayReportText::tr("Total");
    return total;
}

QByteArray dayReportCsv(QDate jstDay, const QList<DayTotals> &terminals, CsvEncoding encoding)
{
    const QStringList header{DayReportText::tr("Date (JST)"),    DayReportText::tr("Terminal"),
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
    const auto quoted = [](const QString &text) {
        // A spreadsheet runs a cell that starts with = + - @ (or a tab or CR) as a formula: text
        // cells get a leading apostrophe, so a terminal named =HYPERLINK(…) stays text.
        static const QString formulaStarts = QStringLiteral("=+-@\t\r");
        const QString field = !text.isEmpty() && formulaStarts.contains(text.front()) ? u'\'' + text : text;
        if (!field.contains(u',') && !field.contains(u'"') && !field.contains(u'\n') && !field.contains(u'\r'))
            return field;
        return u'"' + QString(field).replace(u'"', QStringLiteral("\"\"")) + u'"';
    };
    QStringList headerFields;
    for (const QString &name : header + chainHeader)
        headerFields << quoted(name); // a translated name may hold a comma
    QString csv = headerFields.join(u',') + QStringLiteral("\r\n");
    QList<DayTotals> lines = terminals;
    lines.append(sumOf(terminals));
    for (const DayTotals &t : lines) {
        QStringList fields{jstDay.toString(Qt::ISODate), quoted(t.terminal)};
        for (qint64 value :
             {t.issuedCount, t.issuedYen, t.paidCount, t.paidYen, t.expiredCount, t.expiredYen, t.canceledCount,
              t.canceledYen, t.refundedCount, t.refundedYen, t.pendingCount, t.pendingYen, t.feeYen, t.netYen,
              t.feeUnknownCount})
            fields.append(QString::number(value));
        for (const QString &chain : storeChainKeys()) {
            const auto paidThere = t.paidByChain.value(chain);
            fields << QString::number(paidThere.first) << QString::number(paidThere.second);
        }
        csv += fields.join(u',') + QStringLiteral("\r\n");
    }
    if (encoding == CsvEncoding::ShiftJis) {
        QStringEncoder toShiftJis("Shift_JIS");
        return toShiftJis.encode(csv);
    }
    return QByteArrayLiteral("\xEF\xBB\xBF") + csv.toUtf8();
}

} // namespace konbini
