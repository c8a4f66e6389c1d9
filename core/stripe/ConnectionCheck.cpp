#include "ConnectionCheck.h"

#include "StripeApi.h"

#include <memory>

namespace konbini {

void checkConnection(QNetworkAccessManager &network, const QUrl &baseUrl, const QString &key,
                     std::function<void(const Result<ConnectionCheckResult> &)> done, bool sandbox)
{
    struct Probe {
        FixedKeyProvider keys;
        StripeClient client;
        StripeApi api;
        Probe(QNetworkAccessManager &network, const QUrl &base, const QString &key, bool sandbox)
            : keys(key), client(network, keys,
                                [&] {
                                    StripeClientConfig config;
                                    config.baseUrl = base;
                                    config.retry.maxNetworkRetries = 0;
                                    config.loopbackHttpAllowed = sandbox;
                                    return config;
                                }()),
              api(client)
        {
        }
    };
    auto probe = std::make_shared<Probe>(network, baseUrl, key, sandbox);
    probe->api.listNewestPaymentIntent([probe, key, done](const Result<Page<PaymentIntent>> &page) mutable {
        if (!page.ok()) {
            done(page.error());
        } else {
            done(ConnectionCheckResult{keyModeOf(key), key.startsWith(u"rk_")});
        }
        // Released after the client's own bookkeeping for this call has finished.
        QMetaObject::invokeMethod(
            &probe->client, [probe] {}, Qt::QueuedConnection);
        probe.reset();
    });
}

} // namespace konbini
