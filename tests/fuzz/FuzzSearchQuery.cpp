// Fuzz harness: the sandbox's search-query parser (GET /v1/payment_intents/search?query=…), and
// matching a parsed query against a PaymentIntent.
#include "SearchQuery.h"
#include "StripeError.h"

#include <QJsonDocument>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QJsonObject paymentIntent = QJsonDocument::fromJson(
        R"({"id":"pi_1","amount":1500,"created":1764370000,"currency":"jpy","status":"requires_action",
            "metadata":{"terminal":"till-1","order":"A-1"}})").object();
    try {
        const auto query = konbini::sandbox::SearchQuery::parse(
            QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)));
        (void)query.matches(paymentIntent);
    } catch (const konbini::sandbox::StripeError &) {
        // A malformed query is answered with Stripe's 400: the expected outcome for most inputs.
    }
    return 0;
}
