#include "DayReport.h"

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
                             DayReportText::tr("Still pending"), DayReportText::tr("Still pending (yen)")};
    const auto quoted = [](const QString &text) {
        // A spreadsheet runs a cell that starts with = + - @ (or a tab or CR) as a formula: text
        // cells get a leading apostrophe, so a terminal named =HYPERLINK(…) stays text.
        static const QString formulaStarts = QStringLiteral("=+-@\t\r");
        const QString field = !text.isEmpty() && formulaStarts.contains(text.front()) ? u'\'' + text : text;
        if (!field.contains(u',') && !field.contains(u'"') && !field.contains(u'\n') && !field.contains(u'\r'))
            return field;
        return u'"' + QString(field).replace(u'"', QStringLiteral("\"\"")) + u'"';
    };
    QString csv = header.join(u',') + QStringLiteral("\r\n");
    QList<DayTotals> lines = terminals;
    lines.append(sumOf(terminals));
    for (const DayTotals &t : lines) {
        QStringList fields{jstDay.toString(Qt::ISODate), quoted(t.terminal)};
        for (qint64 value :
             {t.issuedCount, t.issuedYen, t.paidCount, t.paidYen, t.expiredCount, t.expiredYen, t.canceledCount,
              t.canceledYen, t.refundedCount, t.refundedYen, t.pendingCount, t.pendingYen})
            fields.append(QString::number(value));
        csv += fields.join(u',') + QStringLiteral("\r\n");
    }
    if (encoding == CsvEncoding::ShiftJis) {
        QStringEncoder toShiftJis("Shift_JIS");
        return toShiftJis.encode(csv);
    }
    return QByteArrayLiteral("\xEF\xBB\xBF") + csv.toUtf8();
}

} // namespace konbini
