// Fuzz harness: the till's decoders for what a Stripe server answers, and the plausibility check
// an answer passes before it becomes a voucher. A hostile server controls every byte of these.
#include "AnswerCheck.h"
#include "StripeObjects.h"

#include <QJsonDocument>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace konbini;
    const QJsonObject json =
        QJsonDocument::fromJson(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size))).object();
    if (const auto paymentIntent = decodePaymentIntent(json)) {
        VoucherRecord asked;
        asked.paymentIntentId = paymentIntent.value().id;
        asked.amountYen = 1500;
        asked.expiresAfterDays = 3;
        (void)implausibleAnswer(paymentIntent.value(), asked, 1'764'370'000, true);
    }
    (void)decodeRefund(json);
    (void)decodeEvent(json);
    (void)decodePaymentIntentPage(json);
    (void)decodeRefundPage(json);
    (void)decodeEventPage(json);
    (void)decodeError(402, json, QStringLiteral("req_fuzz"));
    return 0;
}
