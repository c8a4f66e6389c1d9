#include "SearchQuery.h"

#include "StripeError.h"

namespace konbini::sandbox {
namespace {

const QStringList kTextFields = {QStringLiteral("status"), QStringLiteral("currency"), QStringLiteral("customer")};
const QStringList kNumberFields = {QStringLiteral("amount"), QStringLiteral("created")};

[[noreturn]] void malformed(const QString &detail)
{
    throw StripeError::invalidParameter(QStringLiteral("query"),
                                        QStringLiteral("Search query is malformed: %1").arg(detail));
}

class Scanner
{
public:
    explicit Scanner(const QString &text) : m_text(text) {}
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text.at(m_pos); }
    bool skipSpaces()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && peek().isSpace())
            ++m_pos;
        return m_pos > start;
    }
    bool take(QStringView token)
    {
        if (!QStringView(m_text).mid(m_pos).startsWith(token))
            return false;
        m_pos += token.size();
        return true;
    }
    QString identifier()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && (peek().isLetterOrNumber() || peek() == u'_'))
            ++m_pos;
        return m_text.mid(start, m_pos - start);
    }
    QString quoted()
    {
        const QChar quote = peek();
        if (quote != u'\'' && quote != u'"')
            malformed(QStringLiteral("expected a quoted value at position %1.").arg(m_pos));
        ++m_pos;
        QString value;
        while (!atEnd() && peek() != quote) {
            if (peek() == u'\\' && m_pos + 1 < m_text.size())
                ++m_pos;
            value.append(m_text.at(m_pos++));
        }
        if (atEnd())
            malformed(QStringLiteral("a quoted value is not closed."));
        ++m_pos;
        return value;
    }
    QString number()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && (peek().isDigit() || (m_pos == start && peek() == u'-')))
            ++m_pos;
        if (m_pos == start)
            malformed(QStringLiteral("expected a value at position %1.").arg(start));
        return m_text.mid(start, m_pos - start);
    }
    qsizetype position() const { return m_pos; }

private:
    const QString &m_text;
    qsizetype m_pos = 0;
};

} // namespace

SearchQuery SearchQuery::parse(const QString &query)
{
    SearchQuery parsed;
    Scanner scanner(query);
    QString joiner;
    scanner.skipSpaces();
    if (scanner.atEnd())
        malformed(QStringLiteral("the query is empty."));
    while (!scanner.atEnd()) {
        Clause clause;
        clause.negated = scanner.take(u"-");
        clause.field = scanner.identifier();
        if (clause.field.isEmpty())
            malformed(QStringLiteral("expected a field name at position %1.").arg(scanner.position()));
        if (clause.field == u"metadata") {
            if (!scanner.take(u"["))
                malformed(QStringLiteral("metadata must name a key, as in metadata['order_id']."));
            clause.metadataKey = scanner.quoted();
            if (!scanner.take(u"]"))
                malformed(QStringLiteral("expected ] after the metadata key."));
        } else if (!kTextFields.contains(clause.field) && !kNumberFields.contains(clause.field)) {
            throw StripeError::invalidParameter(
                QStringLiteral("query"),
                QStringLiteral("Field '%1' is an unsupported search field for resource `payment_intents`.")
                    .arg(clause.field));
        }
        for (const QString &op : {QStringLiteral(">="), QStringLiteral("<="), QStringLiteral(":"), QStringLiteral("~"),
                                  QStringLiteral(">"), QStringLiteral("<")}) {
            if (scanner.take(op)) {
                clause.op = op;
                break;
            }
        }
        if (clause.op.isEmpty())
            malformed(QStringLiteral("expected one of : ~ > < >= <= after %1.").arg(clause.field));
        const bool numberField = kNumberFields.contains(clause.field);
        if (!numberField && clause.op != u":" && clause.op != u"~")
            malformed(QStringLiteral("%1 is not a number; it takes : or ~.").arg(clause.field));
        if (scanner.peek() == u'\'' || scanner.peek() == u'"') {
            clause.value = scanner.quoted();
        } else {
            clause.value = scanner.number();
            clause.numeric = true;
        }
        if (numberField && clause.op != u"~") {
            bool ok = false;
            clause.value.toLongLong(&ok);
            if (!ok)
                malformed(QStringLiteral("%1 takes a whole number.").arg(clause.field));
            clause.numeric = true;
        }
        parsed.m_clauses.append(clause);

        const bool spaced = scanner.skipSpaces();
        if (scanner.atEnd())
            break;
        if (!spaced)
            malformed(QStringLiteral("expected a space between clauses at position %1.").arg(scanner.position()));
        QString thisJoiner = QStringLiteral("AND");
        if (scanner.take(u"AND ") || scanner.take(u"and "))
            thisJoiner = QStringLiteral("AND");
        else if (scanner.take(u"OR ") || scanner.take(u"or "))
            thisJoiner = QStringLiteral("OR");
        scanner.skipSpaces();
        if (!joiner.isEmpty() && joiner != thisJoiner)
            malformed(QStringLiteral("AND and OR cannot be mixed in one query."));
        joiner = thisJoiner;
        if (scanner.atEnd())
            malformed(QStringLiteral("the query ends with %1.").arg(joiner));
    }
    parsed.m_anyOf = joiner == u"OR";
    if (parsed.m_clauses.size() > 10)
        malformed(QStringLiteral("a query takes at most 10 clauses."));
    return parsed;
}

bool SearchQuery::matches(const QJsonObject &paymentIntent) const
{
    for (const Clause &clause : m_clauses) {
        const bool hit = matchesClause(clause, paymentIntent) != clause.negated;
        if (m_anyOf && hit)
            return true;
        if (!m_anyOf && !hit)
            return false;
    }
    return !m_anyOf;
}

bool SearchQuery::matchesClause(const Clause &clause, const QJsonObject &paymentIntent) const
{
    const QJsonValue field = clause.field == u"metadata"
        ? paymentIntent.value(QStringLiteral("metadata")).toObject().value(clause.metadataKey)
        : paymentIntent.value(clause.field);
    if (kNumberFields.contains(clause.field) && clause.op != u"~") {
        const qint64 actual = field.toInteger();
        const qint64 wanted = clause.value.toLongLong();
        if (clause.op == u":")
            return actual == wanted;
        if (clause.op == u">")
            return actual > wanted;
        if (clause.op == u"<")
            return actual < wanted;
        if (clause.op == u">=")
            return actual >= wanted;
        return actual <= wanted;
    }
    const QString actual = field.isDouble() ? QString::number(field.toInteger()) : field.toString();
    if (field.isUndefined() || field.isNull())
        return false;
    if (clause.op == u"~")
        return actual.contains(clause.value, Qt::CaseInsensitive);
    return actual.compare(clause.value, Qt::CaseInsensitive) == 0;
}

} // namespace konbini::sandbox
