#include "VoucherTableModel.h"

#include "ClerkMessages.h"

#include "Formatting.h"
#include "KonbiniRules.h"
#include "Tones.h"

#include <QGuiApplication>

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace konbini::ui {

VoucherTableModel::VoucherTableModel(const Ledger &ledger, std::function<qint64()> clock, QObject *parent)
    : QAbstractTableModel(parent), m_ledger(ledger), m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = [] { return QDateTime::currentSecsSinceEpoch(); };
}

void VoucherTableModel::setQuery(const VoucherQuery &query)
{
    beginResetModel();
    m_query = query;
    m_rows = m_ledger.search().page(m_query, 0, kPageSize).value_or({});
    m_exhausted = m_rows.size() < kPageSize;
    m_rowById.clear();
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowById.insert(m_rows.at(row).id, row);
    // Views (and QAbstractItemModelTester) may ask for more from inside the reset signal; rows
    // inserted before the reset has finished notifying would confuse them.
    m_resetting = true;
    endResetModel();
    m_resetting = false;
}

void VoucherTableModel::refreshVoucher(qint64 voucherId)
{
    const int row = rowOf(voucherId);
    const LedgerResult<VoucherRecord> found = m_ledger.vouchers().voucher(voucherId);
    const std::optional<VoucherRecord> current = found ? std::optional(found.value()) : std::nullopt;
    if (row < 0 || !current) {
        // New or unknown to this page: it belongs at the top of the default order.
        if (current && row < 0 && m_query.sort == VoucherQuery::Sort::IssuedAt && m_query.descending
            && m_query.text.isEmpty() && (m_query.statuses.isEmpty() || m_query.statuses.contains(current->status))) {
            beginInsertRows({}, 0, 0);
            m_rows.prepend(*current);
            for (auto it = m_rowById.begin(); it != m_rowById.end(); ++it)
                ++it.value();
            m_rowById.insert(voucherId, 0);
            endInsertRows();
        }
        return;
    }
    m_rows[row] = *current;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void VoucherTableModel::tick()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Deadline), index(int(m_rows.size()) - 1, Deadline), {Qt::DisplayRole});
}

std::optional<VoucherRecord> VoucherTableModel::voucherAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows.at(row);
}

int VoucherTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VoucherTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString VoucherTableModel::countdown(qint64 deadline) const
{
    const qint64 left = deadline - m_clock();
    if (left <= 0)
        return tr("past the deadline");
    const qint64 days = left / 86400;
    const qint64 hours = (left % 86400) / 3600;
    const qint64 minutes = (left % 3600) / 60;
    if (days > 0)
        return tr("%1 d %2 h left").arg(days).arg(hours);
    if (hours > 0)
        return tr("%1 h %2 min left").arg(hours).arg(minutes);
    return tr("%1 min left").arg(minutes);
}

QVariant VoucherTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const VoucherRecord &v = m_rows.at(index.row());
    if (role == VoucherIdRole)
        return v.id;
    if (role == Qt::TextAlignmentRole && index.column() == Amount)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == Status) {
        switch (v.status) {
        case VoucherStatus::Paid:
        case VoucherStatus::Refunded:
            return QBrush(Tones::color(Tones::Tone::Good, QGuiApplication::palette()));
        case VoucherStatus::Expired:
        case VoucherStatus::RefundFailed:
            return QBrush(Tones::color(Tones::Tone::Problem, QGuiApplication::palette()));
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case IssuedAt:
        return formatIssuedAt(v.createdAt);
    case Amount:
        return formatYen(v.amountYen);
    case Customer:
        if (v.personalDataErasedAt > 0)
            return tr("(erased)");
        return role == Qt::ToolTipRole ? v.customerName + u'\n' + v.email : v.customerName;
    case ConfirmationNumber:
        return v.confirmationNumber;
    case Deadline:
        if (v.voucherExpiresAt == 0)
            return QString();
        return v.status == VoucherStatus::Pending
            ? formatDeadline(v.voucherExpiresAt) + QStringLiteral(" (") + countdown(v.voucherExpiresAt) + u')'
            : formatDeadline(v.voucherExpiresAt);
    case Status:
        return ClerkMessages::statusText(v, QDateTime::currentSecsSinceEpoch());
    case PaidAt:
        return v.paidAt > 0 ? formatIssuedAt(v.paidAt) : QString();
    case Chain:
        return v.paidChain.isEmpty() ? QString() : storeChainName(v.paidChain);
    case Terminal:
        return v.terminal;
    case Clerk:
        return v.clerk;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant VoucherTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case IssuedAt:
        return tr("Issued (JST)");
    case Amount:
        return tr("Amount");
    case Customer:
        return tr("Customer");
    case ConfirmationNumber:
        return tr("Confirmation number");
    case Deadline:
        return tr("Payment deadline");
    case Status:
        return tr("Status");
    case PaidAt:
        return tr("Paid (JST)");
    case Chain:
        return tr("Paid at");
    case Terminal:
        return tr("Terminal");
    case Clerk:
        return tr("Clerk");
    case ColumnCount:
        break;
    }
    return {};
}

bool VoucherTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted && !m_resetting && !m_fetching;
}

void VoucherTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_exhausted || m_resetting || m_fetching)
        return;
    const QList<VoucherRecord> page = m_ledger.search().page(m_query, int(m_rows.size()), kPageSize).value_or({});
    m_exhausted = page.size() < kPageSize;
    if (page.isEmpty())
        return;
    const int first = int(m_rows.size());
    m_fetching = true; // a view asking for more while this insertion is announced waits for the next call
    beginInsertRows({}, first, first + int(page.size()) - 1);
    for (const VoucherRecord &v : page) {
        m_rowById.insert(v.id, int(m_rows.size()));
        m_rows.append(v);
    }
    endInsertRows();
    m_fetching = false;
}

void VoucherTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    VoucherQuery query = m_query;
    query.sort = VoucherQuery::Sort(column);
    query.descending = order == Qt::DescendingOrder;
    setQuery(query);
}

} // namespace konbini::ui
