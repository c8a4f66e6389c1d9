#include "StoreSearch.h"

#include <memory>

namespace konbini {

StoreSearch::~StoreSearch()
{
    if (m_call)
        m_call->abandon();
}

void StoreSearch::storeVouchers(std::function<void(const Result<QList<PaymentIntent>> &)> done)
{
    const QString query = StripeApi::storeQuery(m_store);
    auto collected = std::make_shared<QList<PaymentIntent>>();
    auto fetch = std::make_shared<std::function<void(const QString &, int)>>();
    *fetch = [this, query, collected, fetch, done](const QString &page, int pagesLeft) {
        m_call = m_api.searchPaymentIntents(
            query, page, 100, [collected, fetch, done, pagesLeft](const Result<Page<PaymentIntent>> &result) {
                if (!result.ok()) {
                    done(result.error());
                    *fetch = nullptr;
                    return;
                }
                *collected += result.value().items;
                if (result.value().hasMore && pagesLeft > 1) {
                    (*fetch)(result.value().nextPage, pagesLeft - 1);
                    return;
                }
                done(*collected);
                *fetch = nullptr;
            });
    };
    (*fetch)(QString(), 50);
}

} // namespace konbini
