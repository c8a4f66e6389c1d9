#include "Listing.h"

#include <QJsonArray>

#include <algorithm>
#include <limits>

namespace konbini::sandbox {

QJsonObject listPage(const ListSource &source, const ParamReader &params, const QString &url,
                     const QString &objectKind)
{
    const qint64 limit = params.integer(QStringLiteral("limit")).value_or(10);
    if (limit < 1 || limit > 100) {
        throw StripeError::invalidParameter(QStringLiteral("limit"),
                                            QStringLiteral("This value must be between 1 and 100."),
                                            QStringLiteral("parameter_invalid_integer"));
    }
    const std::optional<QString> startingAfter = params.string(QStringLiteral("starting_after"));
    const std::optional<QString> endingBefore = params.string(QStringLiteral("ending_before"));
    if (startingAfter && endingBefore) {
        throw StripeError::invalidParameter(
            QStringLiteral("ending_before"),
            QStringLiteral("You may only specify one of these parameters: ending_before, starting_after."),
            QStringLiteral("parameters_exclusive"));
    }
    const auto positionOf = [&](const QString &id, const QString &param) {
        const std::optional<qint64> position = source.position(id);
        if (!position)
            throw StripeError::noSuchObject(objectKind, id, param);
        return *position;
    };

    // One more than a page tells whether there are more.
    QList<QJsonObject> found;
    const auto collect = [&](const QJsonObject &object) {
        found.append(object);
        return found.size() <= limit;
    };
    if (endingBefore) {
        // The `limit` objects just newer than the cursor, nearest first.
        source.scan(ScanDirection::NewerThan, positionOf(*endingBefore, QStringLiteral("ending_before")), collect);
    } else {
        source.scan(ScanDirection::OlderThan,
                    startingAfter ? std::optional(positionOf(*startingAfter, QStringLiteral("starting_after")))
                                  : std::nullopt,
                    collect);
    }
    const bool hasMore = found.size() > limit;
    if (hasMore)
        found.removeLast();
    if (endingBefore)
        std::reverse(found.begin(), found.end());
    QJsonArray data;
    for (const QJsonObject &object : std::as_const(found))
        data.append(object);
    return QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                       {QStringLiteral("data"), data},
                       {QStringLiteral("has_more"), hasMore},
                       {QStringLiteral("url"), url}};
}

CreatedFilter::CreatedFilter(const ParamReader &params)
{
    const QJsonValue created = params.value(QStringLiteral("created"));
    if (created.isString()) {
        m_min = m_max = params.integer(QStringLiteral("created")).value_or(0);
        return;
    }
    // Bounds at the ends of qint64 must not overflow: created[gt]=9223372036854775807 matches nothing.
    if (const auto gt = params.integer(QStringLiteral("created.gt")))
        m_min = *gt == std::numeric_limits<qint64>::max() ? *gt : std::max(m_min, *gt + 1);
    if (const auto gte = params.integer(QStringLiteral("created.gte")))
        m_min = std::max(m_min, *gte);
    if (const auto lt = params.integer(QStringLiteral("created.lt")))
        m_max = *lt == std::numeric_limits<qint64>::min() ? *lt : std::min(m_max, *lt - 1);
    if (const auto lte = params.integer(QStringLiteral("created.lte")))
        m_max = std::min(m_max, *lte);
}

bool CreatedFilter::matches(const QJsonObject &object) const
{
    const qint64 created = object.value(QStringLiteral("created")).toInteger();
    return created >= m_min && created <= m_max;
}

ListSource recordListSource(const SandboxState &state, const QString &kind, const CreatedFilter &created,
                            std::function<bool(const QJsonObject &)> accepts)
{
    SandboxState::Scan scan;
    scan.kind = kind;
    scan.createdMin = created.min();
    scan.createdMax = created.max();
    ListSource source;
    source.position = [&state, kind](const QString &id) { return state.recordPosition(kind, id); };
    source.scan = [&state, scan, accepts = std::move(accepts)](ScanDirection direction, std::optional<qint64> position,
                                                               const std::function<bool(const QJsonObject &)> &visit) {
        SandboxState::Scan directed = scan;
        directed.direction = direction;
        state.scanRecords(directed, position,
                          [&](const QJsonObject &object) { return !accepts(object) || visit(object); });
    };
    return source;
}

namespace {

QJsonValue expandedValue(const QJsonValue &value, QStringList path, const SandboxState &state)
{
    if (path.isEmpty()) {
        if (value.isString()) {
            if (const Record *record = state.find(value.toString()))
                return record->object;
        }
        return value;
    }
    const QString head = path.takeFirst();
    if (value.isString()) {
        // `a.b` expands `a` too, as Stripe does: an id on the way is replaced by its object.
        if (const Record *record = state.find(value.toString()))
            return expandedValue(record->object, QStringList{head} + path, state);
        return value;
    }
    if (value.isArray() && head == u"data") {
        // Lists: `data.x` applies to each element.
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array.replace(i, expandedValue(array.at(i), path, state));
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    if (object.contains(head))
        object.insert(head, expandedValue(object.value(head), path, state));
    return object;
}

} // namespace

QJsonObject expanded(QJsonObject object, const QStringList &paths, const SandboxState &state)
{
    for (const QString &path : paths) {
        QStringList segments = path.split(u'.');
        if (segments.first() == u"data" && object.value(QStringLiteral("data")).isArray()) {
            segments.removeFirst();
            object.insert(QStringLiteral("data"),
                          expandedValue(object.value(QStringLiteral("data")),
                                        QStringList{QStringLiteral("data")} + segments, state));
        } else {
            object = expandedValue(object, segments, state).toObject();
        }
    }
    return object;
}

} // namespace konbini::sandbox
