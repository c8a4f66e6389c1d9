#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace konbini::test {

// Checks a Stripe answer against the response schema of its operation in Stripe's OpenAPI
// description (tests/fixtures/openapi/stripe-responses.json, extracted from
// shared/stripe/openapi-subset-2022-04.json): every declared field of its type, null only where
// nullable, required fields present, enums and lengths kept; fields the description does not
// declare are allowed, as in OpenAPI (later API versions add them). Answers to paths the description does
// not know (the sandbox's own helpers) are not checked.
class OpenApiCheck
{
public:
    static const OpenApiCheck &stripe();

    // Problems with `body` as the answer to METHOD PATH with this HTTP status; empty when it fits.
    QStringList problems(const QByteArray &method, const QString &path, int status, const QJsonObject &body) const;
    QStringList problemsWithSchema(const QString &schemaName, const QJsonValue &value) const;

private:
    explicit OpenApiCheck(const QJsonObject &description);
    void check(const QJsonObject &schema, const QJsonValue &value, const QString &where, QStringList &problems,
               int depth) const;
    QJsonObject resolve(const QJsonObject &schema) const;

    QJsonObject m_operations;
    QJsonObject m_schemas;
};

} // namespace konbini::test
