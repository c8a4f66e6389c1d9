#pragma once

#include "StripeObjects.h"

#include <QAbstractTableModel>

namespace konbini::ui {

// The vouchers of every terminal of the store, as Stripe's Search API returns them: read-only,
// in the same columns as the till's own list.
class StoreVoucherModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    using QAbstractTableModel::QAbstractTableModel;

    void setPaymentIntents(QList<PaymentIntent> paymentIntents);
    const PaymentIntent &paymentIntentAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<PaymentIntent> m_rows;
};

} // namespace konbini::ui
