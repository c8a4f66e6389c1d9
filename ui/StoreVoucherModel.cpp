#include "StoreVoucherModel.h"

#include "ClerkRules.h"

#include <iterator>

#include "Formatting.h"
#include "KonbiniRules.h"
#include "VoucherStatus.h"
#include "ClerkMessages.h"

#include <QDateTime>
#include "VoucherTableModel.h"

#include <QCoreApplication>
#include <QDateTime>

namespace konbini::ui {

void StoreVoucherModel::setPaymentIntents(QList<PaymentIntent> paymentIntents)
{
    beginResetModel();
    m_rows = std::move(paymentIntents);
    std::sort(m_rows.begin(), m_rows.end(),
              [](const PaymentIntent &a, const PaymentIntent &b) { return a.created > b.created; });
    endResetModel();
}

int StoreVoucherModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StoreVoucherModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : VoucherTableModel::ColumnCount;
}

QVariant StoreVoucherModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const PaymentIntent &pi = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() == VoucherTableModel::Amount)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case VoucherTableModel::IssuedAt:
        return formatIssuedAt(pi.created);
    case VoucherTableModel::Amount:
        return formatYen(pi.amount);
    case VoucherTableModel::Customer:
        return pi.customerName;
    case VoucherTableModel::ConfirmationNumber:
        return pi.voucher && !pi.voucher->stores.isEmpty() ? pi.voucher->stores.first().confirmationNumber : QString();
    case VoucherTableModel::Deadline:
        return pi.voucher ? formatDeadline(pi.voucher->expiresAt) : QString();
    case VoucherTableModel::Status:
        return ClerkMessages::statusText(pi, QDateTime::currentSecsSinceEpoch());
    case VoucherTableModel::PaidAt:
        return pi.paid ? formatIssuedAt(pi.paid->paidAt) : QString();
    case VoucherTableModel::Chain:
        return pi.paid && !pi.paid->chain.isEmpty() ? storeChainName(pi.paid->chain) : QString();
    case VoucherTableModel::Terminal:
        return pi.metadata.value(QStringLiteral("terminal"));
    case VoucherTableModel::Clerk:
        return pi.metadata.value(QStringLiteral("clerk")).left(ClerkRules::kMaximumNameLength);
    default:
        return {};
    }
}

QVariant StoreVoucherModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    // The same headers as the till's own list.
    static const char *const headers[] = {QT_TRANSLATE_NOOP("konbini::ui::VoucherTableModel", "Issued (JST)"),
                                          QT_TRANSLATE_NOOP("konbini::ui::VoucherTableModel", "Amount"),
                                          QT_TRANSLATE_NOOP("konbini::ui::VoucherTableModel", "Customer"),
                                          QT_TRANSLATE_NOOP("konbini::ui::VoucherTableModel", "Confirmation number"),
                                          QT_TRANSLATE_NOOP("konbini::ui::VoucherTableModel", "Payment deadline"),
                                          QT_TRANSLATE_NOOP("konbini::ui::VoucherTableModel", "Status"),
                                          QT_TRANSLATE_NOOP("konbini::ui::VoucherTableModel", "Paid (JST)"),
                                          QT_TRANSLATE_NOOP("konbini::ui::VoucherTableModel", "Paid at"),
                                          QT_TRANSLATE_NOOP("konbini::ui::VoucherTableModel", "Terminal"),
                                          QT_TRANSLATE_NOOP("konbini::ui::VoucherTableModel", "Clerk")};
    static_assert(std::size(headers) == VoucherTableModel::ColumnCount, "a header for every column");
    return section >= 0 && section < VoucherTableModel::ColumnCount
        ? QCoreApplication::translate("konbini::ui::VoucherTableModel", headers[section])
        : QVariant();
}

} // namespace konbini::ui
