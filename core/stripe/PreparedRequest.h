#pragma once

#include <QByteArray>
#include <QString>

namespace konbini {

// One request exactly as it goes on the wire: the journal stores it before a POST is sent, and the
// client sends these bytes unchanged, on every retry and after a restart. Built only by StripeApi.
struct PreparedRequest {
    QByteArray method;      // "GET" or "POST"
    QString path;           // with percent-encoded ids, e.g. /v1/payment_intents/pi_123/confirm
    QByteArray body;        // form-encoded parameters (the query string of a GET)
    QString idempotencyKey; // every POST has one; GETs none

    bool operator==(const PreparedRequest &other) const = default;
};

} // namespace konbini
