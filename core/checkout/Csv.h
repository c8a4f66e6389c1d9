#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace konbini {

enum class CsvEncoding {
    Utf8WithBom, // opens correctly in spreadsheets that assume a local code page
    ShiftJis,    // for Japanese spreadsheet users on older Excel
};

// One text cell: a spreadsheet runs a cell that starts with = + - @ (or a tab or CR) as a formula,
// so such text gets a leading apostrophe (a name like =HYPERLINK(…) stays text); quoted when it
// holds a comma, a quote or a line break.
QString csvTextField(const QString &text);
// Lines of fields already made cells, CRLF-terminated, encoded.
QByteArray encodeCsv(const QList<QStringList> &lines, CsvEncoding encoding);

} // namespace konbini
