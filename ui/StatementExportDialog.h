#pragma once

#include "ClerkDesk.h"
#include "Csv.h"
#include "Ledger.h"

#include <QDialog>

#include <functional>

class QDateEdit;
class QLabel;

namespace konbini::ui {

// The 明細 for accounting over a range of JST days: how many lines it will hold, then a CSV in
// UTF-8 (with BOM) or Shift_JIS. Each export is in the audit log.
class StatementExportDialog : public QDialog
{
    Q_OBJECT

public:
    StatementExportDialog(const Ledger &ledger, ClerkDesk &desk, QWidget *parent = nullptr);

    void setRange(QDate first, QDate last);
    // Writes to `path` (tests; the buttons ask where). False when it could not.
    bool exportTo(const QString &path, CsvEncoding encoding);
    QString summary() const;

private:
    void updateSummary();
    void askAndExport(CsvEncoding encoding);

    const Ledger &m_ledger;
    ClerkDesk &m_desk;
    QDateEdit *m_first = nullptr;
    QDateEdit *m_last = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace konbini::ui
