#include "OpenApiCheck.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace konbini::test {
namespace {

// "/v1/payment_intents/{intent}/confirm" matches "/v1/payment_intents/pi_123/confirm".
bool pathMatches(const QString &pattern, const QString &path)
{
    const QStringList want = pattern.split(u'/');
    const QStringList have = path.split(u'/');
    if (want.size() != have.size())
        return false;
    for (qsizetype i = 0; i < want.size(); ++i) {
        if (!want[i].startsWith(u'{') && want[i] != have[i])
            return false;
    }
    return true;
}

QString typeOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("boolean");
    case QJsonValue::Double: return QStringLiteral("number");
    case QJsonValue::String: return QStringLiteral("string");
    case QJsonValue::Array: return QStringLiteral("array");
    case QJsonValue::Object: return QStringLiteral("object");
    default: return QStringLiteral("undefined");
    }
}

} // namespace

const OpenApiCheck &OpenApiCheck::stripe()
{
    static const OpenApiCheck check([] {
        QFile file(QStringLiteral(KONBINI_OPENAPI_RESPONSES));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", KONBINI_OPENAPI_RESPONSES);
        return QJsonDocument::fromJson(file.readAll()).object();
    }());
    return check;
}

OpenApiCheck::OpenApiCheck(const QJsonObject &description)
    : m_operations(description.value(QStringLiteral("operations")).toObject()),
      m_schemas(description.value(QStringLiteral("schemas")).toObject())
{
}

QStringList OpenApiCheck::problems(const QByteArray &method, const QString &path, int status,
                                   const QJsonObject &body) const
{
    for (auto it = m_operations.begin(); it != m_operations.end(); ++it) {
        // A literal segment beats a parameter: /v1/payment_intents/search is not {intent}.
        if (!pathMatches(it.key(), path))
            continue;
        if (it.key().contains(u'{') && m_operations.contains(path))
            continue;
        const QJsonObject responses = it.value().toObject().value(QString::fromLatin1(method)).toObject();
        const QJsonValue schema = responses.value(status == 200 ? QStringLiteral("200") : QStringLiteral("default"));
        if (!schema.isObject())
            return {};
        QStringList found;
        check(schema.toObject(), body, QString(), found, 0);
        return found;
    }
    return {};
}

QStringList OpenApiCheck::problemsWithSchema(const QString &schemaName, const QJsonValue &value) const
{
    QStringList found;
    check(QJsonObject{{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/") + schemaName}}, value, QString(),
          found, 0);
    return found;
}

QJsonObject OpenApiCheck::resolve(const QJsonObject &schema) const
{
    const QString ref = schema.value(QStringLiteral("$ref")).toString();
    if (ref.isEmpty())
        return schema;
    return m_schemas.value(ref.section(u'/', -1)).toObject();
}

void OpenApiCheck::check(const QJsonObject &given, const QJsonValue &value, const QString &where,
                         QStringList &problems, int depth) const
{
    if (depth > 40) {
        problems.append(where + QStringLiteral(": nested too deep to check"));
        return;
    }
    const QJsonObject schema = resolve(given);
    const QString at = where.isEmpty() ? QStringLiteral("(answer)") : where;
    if (value.isNull()) {
        if (!schema.value(QStringLiteral("nullable")).toBool() && !given.value(QStringLiteral("nullable")).toBool())
            problems.append(at + QStringLiteral(": null, but the field is not nullable (Stripe omits it)"));
        return;
    }
    for (const QString &alternatives : {QStringLiteral("anyOf"), QStringLiteral("oneOf")}) {
        if (!schema.contains(alternatives))
            continue;
        for (const QJsonValue option : schema.value(alternatives).toArray()) {
            QStringList optionProblems;
            check(option.toObject(), value, where, optionProblems, depth + 1);
            if (optionProblems.isEmpty())
                return;
        }
        problems.append(at + QStringLiteral(": matches none of the %1 allowed shapes").arg(alternatives));
        return;
    }
    const QString type = schema.value(QStringLiteral("type")).toString();
    const QString actual = typeOf(value);
    if (type == u"integer") {
        if (!value.isDouble() || value.toDouble() != double(value.toInteger()))
            problems.append(at + QStringLiteral(": %1, not an integer").arg(actual));
    } else if (type == u"number" || type == u"boolean" || type == u"array" || type == u"object") {
        if (actual != type)
            problems.append(at + QStringLiteral(": %1, not %2").arg(actual, type));
    } else if (type == u"string") {
        if (!value.isString()) {
            problems.append(at + QStringLiteral(": %1, not a string").arg(actual));
        } else {
            const QJsonArray allowed = schema.value(QStringLiteral("enum")).toArray();
            if (!allowed.isEmpty() && !allowed.contains(value))
                problems.append(at + QStringLiteral(": \"%1\" is not one of Stripe's values").arg(value.toString()));
            const int maxLength = schema.value(QStringLiteral("maxLength")).toInt(0);
            if (maxLength > 0 && value.toString().size() > maxLength)
                problems.append(at + QStringLiteral(": longer than %1").arg(maxLength));
        }
    }
    if (value.isArray()) {
        const QJsonObject items = schema.value(QStringLiteral("items")).toObject();
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size() && !items.isEmpty(); ++i)
            check(items, array.at(i), QStringLiteral("%1[%2]").arg(where).arg(i), problems, depth + 1);
    }
    if (value.isObject() && (type == u"object" || schema.contains(QStringLiteral("properties")))) {
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
        const QJsonValue additional = schema.value(QStringLiteral("additionalProperties"));
        for (const QJsonValue required : schema.value(QStringLiteral("required")).toArray()) {
            if (!object.contains(required.toString()))
                problems.append(QStringLiteral("%1.%2: required, missing").arg(at, required.toString()));
        }
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString field = where.isEmpty() ? it.key() : where + u'.' + it.key();
            if (properties.contains(it.key()))
                check(properties.value(it.key()).toObject(), it.value(), field, problems, depth + 1);
            else if (additional.isObject())
                check(additional.toObject(), it.value(), field, problems, depth + 1);
            // Other fields are allowed, as OpenAPI allows them: Stripe adds fields in later API
            // versions (latest_charge, amount_details, …) that this 2022 description predates.
        }
    }
}

} // namespace konbini::test
