#include "Events.h"

#include "Listing.h"

#include <QRegularExpression>

namespace konbini::sandbox {

QJsonObject Events::list(const ParamReader &params) const
{
    const std::optional<QString> type = params.string(QStringLiteral("type"));
    const QStringList types = params.stringList(QStringLiteral("types"));
    if (type && !types.isEmpty()) {
        throw StripeError::invalidParameter(
            QStringLiteral("types"), QStringLiteral("You may only specify one of these parameters: type, types."),
            QStringLiteral("parameters_exclusive"));
    }
    if (types.size() > 20)
        throw StripeError::invalidParameter(QStringLiteral("types"),
                                            QStringLiteral("You may pass at most 20 event types."));
    QRegularExpression typePattern;
    if (type) {
        typePattern.setPattern(QRegularExpression::anchoredPattern(
            QRegularExpression::escape(*type).replace(QStringLiteral("\\*"), QStringLiteral(".*"))));
    }
    const CreatedFilter created(params);
    QList<QJsonObject> newestFirst;
    const QList<QJsonObject> &events = m_state.events();
    for (auto it = events.crbegin(); it != events.crend(); ++it) {
        const QString eventType = it->value(QStringLiteral("type")).toString();
        if (type && !typePattern.match(eventType).hasMatch())
            continue;
        if (!types.isEmpty() && !types.contains(eventType))
            continue;
        if (created.matches(*it))
            newestFirst.append(*it);
    }
    return listPage(newestFirst, params, QStringLiteral("/v1/events"), QStringLiteral("event"));
}

QJsonObject Events::retrieve(const QString &id) const
{
    const QJsonObject *event = m_state.findEvent(id);
    if (!event)
        throw StripeError::noSuchObject(QStringLiteral("event"), id);
    return *event;
}

} // namespace konbini::sandbox
