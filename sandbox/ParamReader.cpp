#include "ParamReader.h"

#include <algorithm>

#include <QJsonArray>

namespace konbini::sandbox {

QString ParamReader::bracketed(const QString &path)
{
    const QStringList segments = path.split(u'.');
    QString name = segments.first();
    for (qsizetype i = 1; i < segments.size(); ++i)
        name += u'[' + segments.at(i) + u']';
    return name;
}

QJsonValue ParamReader::value(const QString &path) const
{
    if (!path.contains(u'.'))
        return m_params.value(path);
    QJsonValue current = m_params;
    for (const QStringView segment : QStringView(path).tokenize(u'.')) {
        if (!current.isObject())
            return QJsonValue::Undefined;
        current = current.toObject().value(segment);
    }
    return current;
}

bool ParamReader::has(const QString &path) const
{
    return !value(path).isUndefined();
}

std::optional<QString> ParamReader::string(const QString &path) const
{
    const QJsonValue found = value(path);
    if (found.isUndefined())
        return std::nullopt;
    if (!found.isString())
        throw StripeError::invalidParameter(
            bracketed(path), QStringLiteral("Invalid string: %1 must be a string.").arg(bracketed(path)));
    return found.toString();
}

bool ParamReader::isUnset(const QString &path) const
{
    const QJsonValue found = value(path);
    return found.isString() && found.toString().isEmpty();
}

std::optional<qint64> ParamReader::integer(const QString &path) const
{
    const std::optional<QString> text = string(path);
    if (!text || text->isEmpty())
        return std::nullopt;
    // Digits and an optional minus only: Qt's conversion would also take spaces and a plus.
    const bool digitsOnly = std::all_of(text->begin() + (text->startsWith(u'-') ? 1 : 0), text->end(),
                                        [](QChar c) { return c >= u'0' && c <= u'9'; });
    bool ok = false;
    const qint64 number = digitsOnly && *text != u"-" ? text->toLongLong(&ok) : 0;
    if (!ok)
        throw StripeError::invalidInteger(bracketed(path), *text);
    return number;
}

std::optional<bool> ParamReader::boolean(const QString &path) const
{
    const std::optional<QString> text = string(path);
    if (!text)
        return std::nullopt;
    if (*text == u"true")
        return true;
    if (*text == u"false")
        return false;
    throw StripeError::invalidParameter(bracketed(path), QStringLiteral("Invalid boolean: %1").arg(*text),
                                        QStringLiteral("parameter_invalid_boolean"));
}

QStringList ParamReader::stringList(const QString &path) const
{
    const QJsonValue found = value(path);
    QStringList list;
    if (found.isArray()) {
        for (const QJsonValue &element : found.toArray())
            list.append(element.toString());
    } else if (found.isString() && !found.toString().isEmpty()) {
        list.append(found.toString());
    }
    return list;
}

QJsonObject ParamReader::object(const QString &path) const
{
    return value(path).toObject();
}

std::optional<QString> ParamReader::oneOf(const QString &path, const QStringList &allowed) const
{
    const std::optional<QString> text = string(path);
    if (text && !text->isEmpty() && !allowed.contains(*text)) {
        throw StripeError::invalidParameter(
            bracketed(path),
            QStringLiteral("Invalid %1: must be one of %2").arg(bracketed(path), allowed.join(QStringLiteral(", "))));
    }
    return text && !text->isEmpty() ? text : std::nullopt;
}

} // namespace konbini::sandbox
