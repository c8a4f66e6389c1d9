#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace konbini {

// Stripe's request encoding: ordered key/value pairs with nested keys in brackets
// (`payment_method_options[konbini][expires_after_days]=3`), arrays with indices
// (`payment_method_types[0]=konbini`), values percent-encoded as UTF-8.
class FormParams
{
public:
    FormParams &add(const QString &key, const QString &value);
    FormParams &add(const QString &key, qint64 value);
    FormParams &addIfNotEmpty(const QString &key, const QString &value);
    FormParams &addList(const QString &key, const QStringList &values);

    QByteArray encoded() const;
    QString value(const QString &key) const;
    bool isEmpty() const { return m_pairs.isEmpty(); }
    const QList<QPair<QString, QString>> &pairs() const { return m_pairs; }

    static FormParams fromEncoded(const QByteArray &encoded);

private:
    QList<QPair<QString, QString>> m_pairs;
};

} // namespace konbini
