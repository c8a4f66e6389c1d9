#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace konbini::sandbox {

// The sandbox's stand-in for Stripe's hosted Konbini voucher page: a printable Japanese page
// with the amount, the deadline in JST, the confirmation number and each chain's payment code.
QByteArray renderVoucherPage(const QJsonObject &paymentIntent);
QByteArray renderVoucherGonePage();

} // namespace konbini::sandbox
