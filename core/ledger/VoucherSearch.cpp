#include "VoucherSearch.h"

#include "SearchFolding.h"

#include "VoucherStore.h"

#include <algorithm>

namespace konbini {
namespace {

// Whether the trigram index should answer this search: it is fastest for rare terms; for a term
// in thousands of rows, a scan along the date index finds a page of matches sooner.
constexpr int kSelectiveMatches = 5000;

QString digitsOf(const QString &text)
{
    QString digits;
    for (QChar c : text.normalized(QString::NormalizationForm_KC)) {
        if (c.isDigit())
            digits.append(c);
    }
    return digits;
}

// "090-1234" also finds the confirmation number 0901234…: digits written with a phone number's
// separators. A code with letters ("LW000001") is searched as written.
bool isPhoneLike(const QString &text, const QString &digits)
{
    static const QString separators = QStringLiteral(" -()+.\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc");
    const bool onlyPhoneCharacters = std::all_of(text.begin(), text.end(), [](QChar c) {
        return c.isDigit() || separators.contains(c);
    });
    return digits.size() >= 3 && digits != text && onlyPhoneCharacters;
}

QString ftsPhrase(const QString &text)
{
    const QString digits = digitsOf(text);
    const auto phrase = [](QString term) { return u'"' + term.replace(u'"', QStringLiteral("\"\"")) + u'"'; };
    return isPhoneLike(text, digits) ? phrase(text) + QStringLiteral(" OR ") + phrase(digits) : phrase(text);
}

QString whereClause(const VoucherQuery &q, QVariantList &values, bool useSearchIndex)
{
    QStringList conditions{QStringLiteral("1")};
    if (!q.statuses.isEmpty()) {
        QStringList marks;
        for (VoucherStatus status : q.statuses) {
            marks.append(QStringLiteral("?"));
            values.append(voucherStatusKey(status));
        }
        conditions.append(QStringLiteral("status IN (%1)").arg(marks.join(u',')));
    }
    const QString text = foldForSearch(q.text.trimmed());
    if (!text.isEmpty()) {
        const QString digits = digitsOf(text);
        const bool phoneLike = isPhoneLike(text, digits);
        if (useSearchIndex) {
            // The trigram index finds substrings; each term is one quoted phrase.
            conditions.append(QStringLiteral("id IN (SELECT rowid FROM voucher_search WHERE voucher_search MATCH ?)"));
            values.append(ftsPhrase(text));
        } else {
            // search_text and the query are both lowered, so a plain substring test will do; it
            // is cheaper than LIKE (no pattern to interpret, nothing to escape).
            conditions.append(phoneLike ? QStringLiteral("(instr(search_text, ?) > 0 OR instr(search_text, ?) > 0)")
                                        : QStringLiteral("instr(search_text, ?) > 0"));
            values.append(text);
            if (phoneLike)
                values.append(digits);
        }
    }
    if (q.createdFrom > 0) {
        conditions.append(QStringLiteral("created_at >= ?"));
        values.append(q.createdFrom);
    }
    if (q.createdUntil > 0) {
        conditions.append(QStringLiteral("created_at < ?"));
        values.append(q.createdUntil);
    }
    if (q.clerk) {
        conditions.append(QStringLiteral("clerk = ?"));
        values.append(LedgerDatabase::text(*q.clerk));
    }
    return conditions.join(QStringLiteral(" AND "));
}

QString orderClause(const VoucherQuery &q)
{
    static const char *const columns[] = {"created_at", "amount",  "customer_name", "confirmation_number",
                                          "voucher_expires_at", "status", "paid_at", "paid_chain", "terminal",
                                          "clerk"};
    const QString direction = q.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    return QStringLiteral("%1 %2, id %2").arg(QLatin1String(columns[int(q.sort)]), direction);
}

} // namespace

bool VoucherSearch::isSelective(const QString &text) const
{
    const QString lowered = foldForSearch(text.trimmed());
    if (lowered.size() < 3)
        return false; // trigrams need three characters

    LedgerResult<QSqlQuery> query = m_db.run(
        QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM voucher_search WHERE voucher_search MATCH ? LIMIT %1)")
            .arg(kSelectiveMatches),
        {ftsPhrase(lowered)});
    return query && query.value().next() && query.value().value(0).toInt() < kSelectiveMatches;
}

LedgerResult<QList<VoucherRecord>> VoucherSearch::page(const VoucherQuery &q, int offset, int limit) const
{
    QVariantList values;
    const QString where = whereClause(q, values, isSelective(q.text));
    values << limit << offset;
    LedgerResult<QSqlQuery> query =
        m_db.run(QStringLiteral("SELECT %1 FROM vouchers WHERE %2 ORDER BY %3 LIMIT ? OFFSET ?")
                     .arg(QLatin1String(VoucherStore::columns()), where, orderClause(q)),
                 values);
    if (!query)
        return query.error();
    QList<VoucherRecord> found;
    while (query.value().next())
        found.append(VoucherStore::fromRow(query.value()));
    return found;
}

LedgerResult<qint64> VoucherSearch::count(const VoucherQuery &q) const
{
    QVariantList values;
    const QString where = whereClause(q, values, isSelective(q.text));
    LedgerResult<QSqlQuery> query =
        m_db.run(QStringLiteral("SELECT COUNT(*) FROM vouchers WHERE %1").arg(where), values);
    if (!query)
        return query.error();
    return query.value().next() ? query.value().value(0).toLongLong() : 0;
}

} // namespace konbini
