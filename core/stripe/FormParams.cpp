#include "FormParams.h"

#include <QUrl>

namespace konbini {

FormParams &FormParams::add(const QString &key, const QString &value)
{
    m_pairs.append({key, value});
    return *this;
}

FormParams &FormParams::add(const QString &key, qint64 value)
{
    return add(key, QString::number(value));
}

FormParams &FormParams::addIfNotEmpty(const QString &key, const QString &value)
{
    return value.isEmpty() ? *this : add(key, value);
}

FormParams &FormParams::addList(const QString &key, const QStringList &values)
{
    for (qsizetype i = 0; i < values.size(); ++i)
        add(QStringLiteral("%1[%2]").arg(key).arg(i), values.at(i));
    return *this;
}

QByteArray FormParams::encoded() const
{
    QByteArray body;
    for (const auto &[key, value] : m_pairs) {
        if (!body.isEmpty())
            body.append('&');
        body.append(QUrl::toPercentEncoding(key, "[]"));
        body.append('=');
        body.append(QUrl::toPercentEncoding(value));
    }
    return body;
}

QString FormParams::value(const QString &key) const
{
    for (const auto &[name, value] : m_pairs) {
        if (name == key)
            return value;
    }
    return {};
}

FormParams FormParams::fromEncoded(const QByteArray &encoded)
{
    FormParams params;
    for (const QByteArray &pair : encoded.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const auto decode = [](QByteArray raw) {
            return QString::fromUtf8(QByteArray::fromPercentEncoding(raw.replace('+', ' ')));
        };
        params.add(decode(pair.left(equals < 0 ? pair.size() : equals)),
                   equals < 0 ? QString() : decode(pair.mid(equals + 1)));
    }
    return params;
}

} // namespace konbini
