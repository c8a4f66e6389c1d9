#include "AuditLogDialog.h"

#include "AccountingCsv.h"
#include "CsvFiles.h"
#include "Formatting.h"
#include "KonbiniRules.h"

#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QTableWidget>
#include <QVBoxLayout>

namespace konbini::ui {

AuditLogDialog::AuditLogDialog(const Ledger &ledger, ClerkDesk &desk, QWidget *parent)
    : QDialog(parent), m_ledger(ledger), m_desk(desk)
{
    setObjectName(QStringLiteral("auditLogDialog"));
    setWindowTitle(tr("Audit log"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    const QDate today = KonbiniRules::jstDate(QDateTime::currentSecsSinceEpoch());
    m_first = new QDateEdit(today.addDays(-6), this);
    m_last = new QDateEdit(today, this);
    auto *from = new QLabel(tr("&From (JST)"), this);
    auto *until = new QLabel(tr("&Until (JST)"), this);
    from->setBuddy(m_first);
    until->setBuddy(m_last);
    for (QDateEdit *edit : {m_first, m_last}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        connect(edit, &QDateEdit::dateChanged, this, &AuditLogDialog::reload);
    }
    top->addWidget(from);
    top->addWidget(m_first);
    top->addWidget(until);
    top->addWidget(m_last);
    top->addStretch();
    layout->addLayout(top);
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setAccessibleName(tr("Audit log"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table, 1);
    layout->addLayout(csvExportRow(this, [this](CsvEncoding encoding) { askAndExport(encoding); }));
    QSize size(980, 480);
    if (const QScreen *shownOn = screen())
        size = size.boundedTo(shownOn->availableGeometry().size() * 0.95);
    resize(size);
    reload();
}

void AuditLogDialog::setRange(QDate first, QDate last)
{
    m_first->setDate(first);
    m_last->setDate(last);
    reload();
}

void AuditLogDialog::reload()
{
    m_entries = m_ledger.audit()
                    .entries(KonbiniRules::startOfJstDay(m_first->date()),
                             KonbiniRules::startOfJstDay(m_last->date().addDays(1)))
                    .value_or({});
    const QStringList headers{tr("When (JST)"), tr("Clerk"),  tr("Action"), tr("Order reference"),
                              tr("Amount"),     tr("Result"), tr("Detail")};
    m_table->clear();
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(int(m_entries.size()));
    for (int row = 0; row < m_entries.size(); ++row) {
        const AuditEntry &e = m_entries.at(m_entries.size() - 1 - row); // newest first
        const QStringList cells{jstTimestamp(e.at),
                                e.clerk.isEmpty() ? tr("(no clerk)") : e.clerk,
                                auditActionLabel(e.action),
                                e.orderRef,
                                e.amountYen ? formatYen(e.amountYen) : QString(),
                                auditResultLabel(e.result),
                                auditDetailText(e)};
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column))); // items are plain text
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);
}

void AuditLogDialog::askAndExport(CsvEncoding encoding)
{
    const QString path = saveCsvAsking(
        this, tr("Export audit log"),
        QStringLiteral("konbini-audit-%1-%2.csv")
            .arg(m_first->date().toString(Qt::ISODate), m_last->date().toString(Qt::ISODate)),
        auditLogCsv(m_entries, encoding));
    if (!path.isEmpty())
        m_desk.record(AuditAction::Export, QStringLiteral("ok"),
                      QStringLiteral("audit log %1..%2").arg(m_first->date().toString(Qt::ISODate),
                                                             m_last->date().toString(Qt::ISODate)));
}

} // namespace konbini::ui
