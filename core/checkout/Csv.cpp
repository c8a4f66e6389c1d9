#include "Csv.h"

#include <QStringEncoder>

namespace konbini {

QString csvTextField(const QString &text)
{
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    const QString field = !text.isEmpty() && formulaStarts.contains(text.front()) ? u'\'' + text : text;
    if (!field.contains(u',') && !field.contains(u'"') && !field.contains(u'\n') && !field.contains(u'\r'))
        return field;
    return u'"' + QString(field).replace(u'"', QStringLiteral("\"\"")) + u'"';
}

QByteArray encodeCsv(const QList<QStringList> &lines, CsvEncoding encoding)
{
    QString csv;
    for (const QStringList &fields : lines)
        csv += fields.join(u',') + QStringLiteral("\r\n");
    if (encoding == CsvEncoding::ShiftJis) {
        QStringEncoder toShiftJis("Shift_JIS");
        return toShiftJis.encode(csv);
    }
    return QByteArrayLiteral("\xEF\xBB\xBF") + csv.toUtf8();
}

} // namespace konbini
