#pragma once

#include "Csv.h"

#include <QString>

#include <functional>

class QDialog;
class QHBoxLayout;
class QWidget;

namespace konbini::ui {

// Asks where to save `csv` (suggesting `fileName`) and writes it owner-only; a failure is said
// in a message box. The path written, or empty.
QString saveCsvAsking(QWidget *parent, const QString &title, const QString &fileName, const QByteArray &csv);
// The row under a report: export as CSV in UTF-8 or Shift_JIS, and Close for `dialog`.
QHBoxLayout *csvExportRow(QDialog *dialog, std::function<void(CsvEncoding)> exportAs);
// Writes `csv` to `path`, owner-only from its first byte.
bool writeCsvFile(const QString &path, const QByteArray &csv);

} // namespace konbini::ui
