#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace konbini::sandbox {

// The request parameters Stripe's API accepts for each operation, read from
// resources/stripe_params.txt (generated from Stripe's OpenAPI spec by tools/gen_stripe_params.py).
class ParamSchema
{
public:
    static const ParamSchema &stripe();

    // The first parameter of `params` that `operation` ("POST /v1/payment_intents/{intent}")
    // does not accept, in Stripe's bracket notation (`payment_method_options[konbini][foo]`), or
    // an empty string when all are known.
    QString firstUnknown(const QString &operation, const QJsonObject &params) const;

    struct Node {
        QHash<QString, std::shared_ptr<Node>> children;
    };

private:
    ParamSchema();
    QHash<QString, std::shared_ptr<Node>> m_operations;
};

} // namespace konbini::sandbox
