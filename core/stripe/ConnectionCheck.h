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
// `sandbox`: the key is a sandbox's own and may go over plain http to this computer; a key the
// clerk is about to store never is (the settings dialog passes false).
void checkConnection(QNetworkAccessManager &network, const QUrl &baseUrl, const QString &key,
                     std::function<void(const Result<ConnectionCheckResult> &)> done, bool sandbox = false);

} // namespace konbini
