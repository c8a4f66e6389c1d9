#include "StatementExportDialog.h"

#include "AccountingCsv.h"
#include "CsvFiles.h"
#include "KonbiniRules.h"

#include <QDateEdit>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace konbini::ui {

StatementExportDialog::StatementExportDialog(const Ledger &ledger, ClerkDesk &desk, QWidget *parent)
    : QDialog(parent), m_ledger(ledger), m_desk(desk)
{
    setObjectName(QStringLiteral("statementExportDialog"));
    setWindowTitle(tr("Export statement"));
    auto *form = new QFormLayout(this);
    auto *about = new QLabel(tr("One line per voucher issued and per refund sent on these days (JST), with where and "
                                "when it was paid, Stripe's fee, the net and when the money is available."),
                             this);
    about->setWordWrap(true);
    form->addRow(about);
    const QDate today = KonbiniRules::jstDate(QDateTime::currentSecsSinceEpoch());
    m_first = new QDateEdit(QDate(today.year(), today.month(), 1), this);
    m_last = new QDateEdit(today, this);
    for (QDateEdit *edit : {m_first, m_last}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        connect(edit, &QDateEdit::dateChanged, this, &StatementExportDialog::updateSummary);
    }
    m_first->setAccessibleName(tr("From (JST)"));
    m_last->setAccessibleName(tr("Until (JST)"));
    form->addRow(tr("&From (JST)"), m_first);
    form->addRow(tr("&Until (JST)"), m_last);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("statementSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    form->addRow(m_summary);
    form->addRow(csvExportRow(this, [this](CsvEncoding encoding) { askAndExport(encoding); }));
    updateSummary();
}

void StatementExportDialog::setRange(QDate first, QDate last)
{
    m_first->setDate(first);
    m_last->setDate(last);
}

QString StatementExportDialog::summary() const
{
    return m_summary->text();
}

void StatementExportDialog::updateSummary()
{
    if (m_first->date() > m_last->date()) {
        m_summary->setText(tr("The first day comes after the last."));
        return;
    }
    const LedgerResult<QList<StatementRow>> rows = m_ledger.statement().rows(m_first->date(), m_last->date());
    m_summary->setText(rows ? tr("%n line(s)", nullptr, int(rows.value().size()))
                            : tr("The ledger could not be read: %1").arg(rows.error().message));
}

bool StatementExportDialog::exportTo(const QString &path, CsvEncoding encoding)
{
    if (m_first->date() > m_last->date())
        return false;
    const LedgerResult<QList<StatementRow>> rows = m_ledger.statement().rows(m_first->date(), m_last->date());
    const bool written = rows && writeCsvFile(path, statementCsv(rows.value(), encoding));
    m_desk.record(AuditAction::Export, written ? QStringLiteral("ok") : QStringLiteral("failed"),
                  QStringLiteral("statement %1..%2").arg(m_first->date().toString(Qt::ISODate),
                                                         m_last->date().toString(Qt::ISODate)));
    return written;
}

void StatementExportDialog::askAndExport(CsvEncoding encoding)
{
    if (m_first->date() > m_last->date())
        return;
    const LedgerResult<QList<StatementRow>> rows = m_ledger.statement().rows(m_first->date(), m_last->date());
    if (!rows)
        return;
    const QString path = saveCsvAsking(this, tr("Export statement"),
                                       QStringLiteral("konbini-statement-%1-%2.csv")
                                           .arg(m_first->date().toString(Qt::ISODate),
                                                m_last->date().toString(Qt::ISODate)),
                                       statementCsv(rows.value(), encoding));
    if (!path.isEmpty()) {
        m_desk.record(AuditAction::Export, QStringLiteral("ok"),
                      QStringLiteral("statement %1..%2").arg(m_first->date().toString(Qt::ISODate),
                                                             m_last->date().toString(Qt::ISODate)));
        m_summary->setText(tr("Written to %1").arg(path));
    }
}

} // namespace konbini::ui
