#pragma once

#include "DayReport.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QTableWidget;

namespace konbini::ui {

// 日計: a JST day's vouchers per terminal, with CSV export (UTF-8 with BOM or Shift_JIS) and print.
class DayReportDialog : public QDialog
{
    Q_OBJECT

public:
    DayReportDialog(const Ledger &ledger, QString storeName, QWidget *parent = nullptr);

    void setDay(QDate jstDay);
    const QList<DayTotals> &totals() const { return m_totals; }
    QTableWidget *table() const { return m_table; }
    bool exportCsv(const QString &path, CsvEncoding encoding) const;
    QString html() const;

private:
    void reload();
    void askAndExport(CsvEncoding encoding);
    void print();

    const Ledger &m_ledger;
    QString m_storeName;
    QDateEdit *m_day = nullptr;
    QComboBox *m_grouping = nullptr;
    QTableWidget *m_table = nullptr;
    QList<DayTotals> m_totals;
};

} // namespace konbini::ui
