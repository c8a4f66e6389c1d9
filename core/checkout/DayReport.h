#pragma once

#include "Csv.h"
#include "Ledger.h"

#include <QByteArray>
#include <QDate>

namespace konbini {

// The 日計 as CSV: one line per terminal (or clerk) and a total line, counts and yen per category.
QByteArray dayReportCsv(QDate jstDay, const QList<DayTotals> &lines, CsvEncoding encoding,
                        DayGrouping grouping = DayGrouping::ByTerminal);

DayTotals sumOf(const QList<DayTotals> &terminals);

} // namespace konbini
