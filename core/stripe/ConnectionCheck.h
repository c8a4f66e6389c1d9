#pragma once

#include "ApiError.h"
#include "ApiKeyProvider.h"

#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace konbini {

struct ConnectionCheckResult {
    KeyMode mode = KeyMode::None; // test or live account
    bool restricted = false;      // rk_ key
};

// Checks a key with one cheap call (the newest PaymentIntent), before it is stored.
void checkConnection(QNetworkAccessManager &network, const QUrl &baseUrl, const QString &key,
                     std::function<void(const Result<ConnectionCheckResult> &)> done);

} // namespace konbini
