#pragma once

#include "Ledger.h"

#include <QByteArray>
#include <QDate>

namespace konbini {

enum class CsvEncoding {
    Utf8WithBom, // opens correctly in spreadsheets that assume a local code page
    ShiftJis,    // for Japanese spreadsheet users on older Excel
};

// The 日計 as CSV: one line per terminal and a total line, counts and yen per category.
QByteArray dayReportCsv(QDate jstDay, const QList<DayTotals> &terminals, CsvEncoding encoding);

DayTotals sumOf(const QList<DayTotals> &terminals);

} // namespace konbini
