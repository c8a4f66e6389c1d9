#pragma once

#include "StripeApi.h"

#include <QObject>
#include <QPointer>

namespace konbini {

// Read-only: the vouchers of every terminal of this store, through Stripe's Search API on the
// `store` metadata each till stamps on its PaymentIntents (up to 50 pages of 100).
class StoreSearch : public QObject
{
    Q_OBJECT

public:
    StoreSearch(StripeApi &api, QString store, QObject *parent = nullptr)
        : QObject(parent), m_api(api), m_store(std::move(store))
    {
    }
    ~StoreSearch() override;

    void storeVouchers(std::function<void(const Result<QList<PaymentIntent>> &)> done);

private:
    StripeApi &m_api;
    QString m_store;
    QPointer<StripeCall> m_call;
};

} // namespace konbini
