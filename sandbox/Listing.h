#pragma once

#include "ParamReader.h"
#include "SandboxState.h"

#include <QJsonObject>
#include <QList>

#include <functional>
#include <optional>

namespace konbini::sandbox {

// Stripe's cursor pagination: `limit` (1–100, default 10), `starting_after` walks older,
// `ending_before` walks newer; the page is newest first either way.
struct ListSource {
    // The cursor object's position in the list, nullopt if there is none such.
    std::function<std::optional<qint64>(const QString &id)> position;
    // Visits the list's objects from a position (none: the newest) in a direction until `visit`
    // returns false, applying every filter of the request.
    std::function<void(ScanDirection, std::optional<qint64> position,
                       const std::function<bool(const QJsonObject &)> &visit)>
        scan;
};
QJsonObject listPage(const ListSource &source, const ParamReader &params, const QString &url,
                     const QString &objectKind);

// `created=N` or `created[gt|gte|lt|lte]=N` on list endpoints.
class CreatedFilter
{
public:
    explicit CreatedFilter(const ParamReader &params);
    bool matches(const QJsonObject &object) const;
    qint64 min() const { return m_min; }
    qint64 max() const { return m_max; }

private:
    qint64 m_min = std::numeric_limits<qint64>::min();
    qint64 m_max = std::numeric_limits<qint64>::max();
};

// The records of one kind (`pi`, `re`) created within the request's range, newest first, those
// `accepts` keeps (the endpoint's other filters).
ListSource recordListSource(const SandboxState &state, const QString &kind, const CreatedFilter &created,
                            std::function<bool(const QJsonObject &)> accepts);

// Replaces ids named by `expand[]` (`latest_charge`, `data.payment_method`, …) with the objects.
QJsonObject expanded(QJsonObject object, const QStringList &paths, const SandboxState &state);

} // namespace konbini::sandbox
