#pragma once

#include "ClerkDesk.h"
#include "Csv.h"
#include "Ledger.h"

#include <QDialog>

class QDateEdit;
class QTableWidget;

namespace konbini::ui {

// The owner's view of the audit log over a range of JST days, newest first, exportable as CSV.
class AuditLogDialog : public QDialog
{
    Q_OBJECT

public:
    AuditLogDialog(const Ledger &ledger, ClerkDesk &desk, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    void setRange(QDate first, QDate last);

private:
    void reload();
    void askAndExport(CsvEncoding encoding);

    const Ledger &m_ledger;
    ClerkDesk &m_desk;
    QDateEdit *m_first = nullptr;
    QDateEdit *m_last = nullptr;
    QTableWidget *m_table = nullptr;
    QList<AuditEntry> m_entries;
};

} // namespace konbini::ui
