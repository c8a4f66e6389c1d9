#pragma once

#include "Ledger.h"

#include <QAbstractTableModel>
#include <QHash>

#include <functional>

namespace konbini::ui {

// The ledger's vouchers as a table, fetched lazily a page at a time; filtering, searching and
// sorting are SQL (Ledger::queryVouchers), so 100,000 rows cost one page of memory.
class VoucherTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // In the order of VoucherQuery::Sort: a column sorts by its own field.
    enum Column { IssuedAt, Amount, Customer, ConfirmationNumber, Deadline, Status, PaidAt, Chain, Terminal, Clerk,
                  ColumnCount };
    static constexpr int kPageSize = 200;
    static constexpr int VoucherIdRole = Qt::UserRole + 1;

    explicit VoucherTableModel(const Ledger &ledger, std::function<qint64()> clock = {}, QObject *parent = nullptr);

    void setQuery(const VoucherQuery &query);
    const VoucherQuery &query() const { return m_query; }
    // Re-reads one voucher from the ledger (after sync or an action) without a reset.
    void refreshVoucher(qint64 voucherId);
    // The countdowns move: repaint the deadline column.
    void tick();
    std::optional<VoucherRecord> voucherAt(int row) const;
    int rowOf(qint64 voucherId) const { return m_rowById.value(voucherId, -1); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order) override;

private:
    QString countdown(qint64 deadline) const;

    const Ledger &m_ledger;
    std::function<qint64()> m_clock;
    VoucherQuery m_query;
    QList<VoucherRecord> m_rows;
    QHash<qint64, int> m_rowById;
    bool m_exhausted = false;
    bool m_resetting = false;
    bool m_fetching = false;
};

} // namespace konbini::ui
