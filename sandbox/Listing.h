#pragma once

#include "ParamReader.h"
#include "SandboxState.h"

#include <QJsonObject>
#include <QList>

namespace konbini::sandbox {

// Stripe's cursor pagination over objects already filtered and sorted newest first:
// `limit` (1–100, default 10), `starting_after` walks older, `ending_before` walks newer.
QJsonObject listPage(const QList<QJsonObject> &newestFirst, const ParamReader &params, const QString &url,
                     const QString &objectKind);

// `created=N` or `created[gt|gte|lt|lte]=N` on list endpoints.
class CreatedFilter
{
public:
    explicit CreatedFilter(const ParamReader &params);
    bool matches(const QJsonObject &object) const;

private:
    qint64 m_min = std::numeric_limits<qint64>::min();
    qint64 m_max = std::numeric_limits<qint64>::max();
};

// Replaces ids named by `expand[]` (`latest_charge`, `data.payment_method`, …) with the objects.
QJsonObject expanded(QJsonObject object, const QStringList &paths, const SandboxState &state);

} // namespace konbini::sandbox
