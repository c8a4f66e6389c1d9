#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace konbini::sandbox {

// Stripe's Search Query Language for PaymentIntents, as far as the Konbini till uses it:
// `status:'requires_action' AND metadata['terminal']:'till-1' AND amount>1000`, clauses joined
// by spaces, AND or OR (not mixed), `-` negation, `~` substring, numeric `> < >= <=` on amount
// and created. parse() throws a StripeError for a malformed query.
class SearchQuery
{
public:
    static SearchQuery parse(const QString &query);
    bool matches(const QJsonObject &paymentIntent) const;

private:
    struct Clause {
        bool negated = false;
        QString field;       // "status", "amount", … or "metadata"
        QString metadataKey; // for metadata['key']
        QString op;          // ":", "~", ">", "<", ">=", "<="
        QString value;
        bool numeric = false;
    };
    bool matchesClause(const Clause &clause, const QJsonObject &paymentIntent) const;

    QList<Clause> m_clauses;
    bool m_anyOf = false; // OR instead of AND
};

} // namespace konbini::sandbox
