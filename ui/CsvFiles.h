#pragma once

#include "Csv.h"

#include <QString>

class QWidget;

namespace konbini::ui {

// Asks where to save `csv` (suggesting `fileName`) and writes it owner-only; a failure is said
// in a message box. The path written, or empty.
QString saveCsvAsking(QWidget *parent, const QString &title, const QString &fileName, const QByteArray &csv);
// Writes `csv` to `path`, owner-only from its first byte.
bool writeCsvFile(const QString &path, const QByteArray &csv);

} // namespace konbini::ui
