#include "SampleSales.h"

namespace konbini::test {

CheckoutRequest sampleSale(const QString &email, const QString &phone, qint64 amountYen)
{
    CheckoutRequest request;
    request.amountYen = amountYen;
    request.productDescription = QStringLiteral("お弁当");
    request.customerName = QStringLiteral("山田 花子");
    request.email = email;
    request.phone = phone;
    return request;
}

} // namespace konbini::test
