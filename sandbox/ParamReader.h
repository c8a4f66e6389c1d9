#pragma once

#include "StripeError.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace konbini::sandbox {

// Typed access to decoded form parameters by path ("payment_method_options.konbini.expires_at"),
// throwing Stripe's validation errors named in bracket notation.
class ParamReader
{
public:
    explicit ParamReader(QJsonObject params) : m_params(std::move(params)) {}

    const QJsonObject &all() const { return m_params; }
    bool has(const QString &path) const;
    QJsonValue value(const QString &path) const;
    std::optional<QString> string(const QString &path) const;
    // Stripe unsets a field when it is sent as an empty string.
    bool isUnset(const QString &path) const;
    std::optional<qint64> integer(const QString &path) const;
    std::optional<bool> boolean(const QString &path) const;
    QStringList stringList(const QString &path) const;
    QJsonObject object(const QString &path) const;
    std::optional<QString> oneOf(const QString &path, const QStringList &allowed) const;

    static QString bracketed(const QString &path);

private:
    QJsonObject m_params;
};

} // namespace konbini::sandbox
