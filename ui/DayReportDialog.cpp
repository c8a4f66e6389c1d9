#include "DayReportDialog.h"

#include "Formatting.h"
#include "StoreChains.h"
#include "KonbiniRules.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFile>
#include <QScreen>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTableWidget>
#include <QTextDocument>
#include <QVBoxLayout>

namespace konbini::ui {

DayReportDialog::DayReportDialog(const Ledger &ledger, QString storeName, QWidget *parent)
    : QDialog(parent), m_ledger(ledger), m_storeName(std::move(storeName))
{
    setObjectName(QStringLiteral("dayReportDialog"));
    setWindowTitle(tr("Day report"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *dayLabel = new QLabel(tr("Day (JST)"), this);
    top->addWidget(dayLabel);
    m_day = new QDateEdit(this);
    dayLabel->setBuddy(m_day);
    m_day->setAccessibleName(tr("Day (JST)"));
    m_day->setCalendarPopup(true);
    m_day->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_day->setDate(KonbiniRules::jstDate(QDateTime::currentSecsSinceEpoch()));
    top->addWidget(m_day);
    m_grouping = new QComboBox(this);
    m_grouping->setObjectName(QStringLiteral("reportGrouping"));
    m_grouping->setAccessibleName(tr("Lines"));
    m_grouping->addItem(tr("Per terminal"), int(DayGrouping::ByTerminal));
    m_grouping->addItem(tr("Per clerk"), int(DayGrouping::ByClerk));
    top->addWidget(m_grouping);
    top->addStretch();
    layout->addLayout(top);
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("reportTable"));
    m_table->setAccessibleName(tr("Day report"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_table, 1);
    auto *note = new QLabel(tr("Issued, paid and canceled count by when it happened; expired by the payment deadline; "
                               "refunded by when the refund "
                               "was paid out; still pending: issued by the end of the day and not paid yet."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto *buttons = new QHBoxLayout;
    auto *utf8 = new QPushButton(tr("Export CSV (UTF-8)…"), this);
    auto *sjis = new QPushButton(tr("Export CSV (Shift_JIS)…"), this);
    auto *printButton = new QPushButton(tr("Print…"), this);
    auto *close = new QPushButton(tr("Close"), this);
    buttons->addWidget(utf8);
    buttons->addWidget(sjis);
    buttons->addWidget(printButton);
    buttons->addStretch();
    buttons->addWidget(close);
    layout->addLayout(buttons);
    connect(m_day, &QDateEdit::dateChanged, this, &DayReportDialog::reload);
    connect(m_grouping, &QComboBox::currentIndexChanged, this, &DayReportDialog::reload);
    connect(utf8, &QPushButton::clicked, this, [this] { askAndExport(CsvEncoding::Utf8WithBom); });
    connect(sjis, &QPushButton::clicked, this, [this] { askAndExport(CsvEncoding::ShiftJis); });
    connect(printButton, &QPushButton::clicked, this, &DayReportDialog::print);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    // Wide enough for the per-chain column, within the screen.
    QSize size(1120, 380);
    if (const QScreen *shownOn = screen())
        size = size.boundedTo(shownOn->availableGeometry().size() * 0.95);
    resize(size);
    reload();
}

void DayReportDialog::setDay(QDate jstDay)
{
    m_day->setDate(jstDay);
    reload();
}

void DayReportDialog::reload()
{
    const DayGrouping grouping = DayGrouping(m_grouping->currentData().toInt());
    m_totals = m_ledger.dayTotals().forDay(m_day->date(), grouping).value_or({});
    QList<DayTotals> rows = m_totals;
    rows.append(sumOf(m_totals));
    const QStringList headers{grouping == DayGrouping::ByClerk ? tr("Clerk") : tr("Terminal"), tr("Issued"),   tr("Paid"),          tr("Expired"),
                              tr("Canceled"), tr("Refunded"), tr("Still pending"), tr("Stripe fees"),
                              tr("Net"),      tr("Paid at")};
    m_table->clear();
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        const DayTotals &t = rows.at(row);
        const QList<std::pair<qint64, qint64>> cells{{t.issuedCount, t.issuedYen},     {t.paidCount, t.paidYen},
                                                     {t.expiredCount, t.expiredYen},   {t.canceledCount, t.canceledYen},
                                                     {t.refundedCount, t.refundedYen}, {t.pendingCount, t.pendingYen}};
        m_table->setItem(row, 0, new QTableWidgetItem(t.group.isEmpty() ? tr("(no clerk)") : t.group));
        for (int column = 0; column < cells.size(); ++column) {
            auto *item =
                new QTableWidgetItem(tr("%1 (%2)").arg(cells.at(column).first).arg(formatYen(cells.at(column).second)));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column + 1, item);
        }
        const auto money = [&](int column, const QString &text) {
            auto *item = new QTableWidgetItem(text);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, item);
        };
        // A fee not known yet is said, not counted as nothing.
        const QString unknown = t.feeUnknownCount > 0 ? u' ' + tr("(%n without a fee yet)", "", int(t.feeUnknownCount))
                                                      : QString();
        money(int(cells.size()) + 1, formatYen(t.feeYen) + unknown);
        money(int(cells.size()) + 2, formatYen(t.netYen) + unknown);
        QStringList chains;
        for (const QString &chain : storeChainKeys()) {
            const auto paidThere = t.paidByChain.value(chain);
            if (paidThere.first > 0)
                chains << tr("%1 %2 (%3)").arg(storeChainName(chain)).arg(paidThere.first).arg(formatYen(paidThere.second));
        }
        if (const auto elsewhere = t.paidByChain.value(QString()); elsewhere.first > 0)
            chains << tr("not known %1 (%2)").arg(elsewhere.first).arg(formatYen(elsewhere.second));
        auto *byChain = new QTableWidgetItem(chains.join(tr(", ")));
        m_table->setItem(row, int(cells.size()) + 3, byChain);
    }
    m_table->resizeColumnsToContents();
}

bool DayReportDialog::exportCsv(const QString &path, CsvEncoding encoding) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(dayReportCsv(m_day->date(), m_totals, encoding, DayGrouping(m_grouping->currentData().toInt()))) > 0;
}

void DayReportDialog::askAndExport(CsvEncoding encoding)
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export day report"), QStringLiteral("konbini-%1.csv").arg(m_day->date().toString(Qt::ISODate)),
        tr("CSV files (*.csv)"));
    if (!path.isEmpty() && !exportCsv(path, encoding))
        QMessageBox::warning(this, tr("Export failed"), tr("The report could not be written to %1.").arg(path));
}

QString DayReportDialog::html() const
{
    QString html =
        QStringLiteral("<h2>%1 — %2</h2><p>%3</p><table border=1 cellspacing=0 cellpadding=4><tr>")
            .arg(tr("Day report").toHtmlEscaped(), m_storeName.toHtmlEscaped(), m_day->date().toString(Qt::ISODate));
    for (int column = 0; column < m_table->columnCount(); ++column)
        html += QStringLiteral("<th>%1</th>").arg(m_table->horizontalHeaderItem(column)->text().toHtmlEscaped());
    html += QStringLiteral("</tr>");
    for (int row = 0; row < m_table->rowCount(); ++row) {
        html += QStringLiteral("<tr>");
        for (int column = 0; column < m_table->columnCount(); ++column)
            html += QStringLiteral("<td>%1</td>").arg(m_table->item(row, column)->text().toHtmlEscaped());
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

void DayReportDialog::print()
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QTextDocument document;
    document.setDefaultFont(QFont(QStringLiteral("Noto Sans CJK JP"), 10));
    document.setHtml(html());
    document.print(&printer);
}

} // namespace konbini::ui
