#pragma once

#include <QString>
#include <QStringList>

namespace konbini {

// The convenience-store chains a Konbini voucher can be paid at, by Stripe's keys, in the order
// Stripe lists them in `next_action.konbini_display_details.stores`.
const QStringList &storeChainKeys();

// The chain's name as the clerk and the customer know it ("ファミリーマート" in Japanese); the key
// itself for a chain Stripe adds later.
QString storeChainName(const QString &chainKey);

} // namespace konbini
