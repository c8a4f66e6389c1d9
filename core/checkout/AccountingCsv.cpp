#include "AccountingCsv.h"

#include "AuditLog.h"
#include "KonbiniRules.h"
#include "StoreChains.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

namespace konbini {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(AccountingCsv)
};

QString number(const std::optional<qint64> &value)
{
    return value ? QString::number(*value) : QString();
}

QStringList header(const QStringList &names)
{
    QStringList fields;
    for (const QString &name : names)
        fields << csvTextField(name); // a translated name may hold a comma
    return fields;
}

} // namespace

QString jstTimestamp(qint64 unixSeconds)
{
    if (unixSeconds <= 0)
        return {};
    return QDateTime::fromSecsSinceEpoch(unixSeconds, QTimeZone(KonbiniRules::kJstOffsetSeconds))
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QByteArray statementCsv(const QList<StatementRow> &rows, CsvEncoding encoding)
{
    QList<QStringList> lines{header({Text::tr("Type"), Text::tr("Order reference"), Text::tr("Issued (JST)"),
                                     Text::tr("Paid at (JST)"), Text::tr("Store chain"), Text::tr("Gross (yen)"),
                                     Text::tr("Stripe fee (yen)"), Text::tr("Net (yen)"),
                                     Text::tr("Funds available on (JST)"), Text::tr("Refunded (yen)"),
                                     Text::tr("Status"), Text::tr("Clerk")})};
    for (const StatementRow &row : rows) {
        const bool voucher = row.kind == StatementRow::Kind::Voucher;
        const QString status = voucher ? voucherStatusLabel(voucherStatusFromKey(row.status))
                                       : refundStatusLabel(refundStatusFromKey(row.status));
        lines.append({voucher ? Text::tr("Voucher") : Text::tr("Refund"),
                      csvTextField(row.orderRef),
                      jstTimestamp(row.issuedAt),
                      jstTimestamp(row.paidAt),
                      csvTextField(row.chain.isEmpty() ? QString() : storeChainName(row.chain)),
                      voucher ? QString::number(row.grossYen) : QString(),
                      number(row.feeYen),
                      number(row.netYen),
                      row.fundsAvailableAt > 0 ? KonbiniRules::jstDate(row.fundsAvailableAt).toString(Qt::ISODate)
                                               : QString(),
                      QString::number(row.refundedYen),
                      csvTextField(status),
                      csvTextField(row.clerk)});
    }
    return encodeCsv(lines, encoding);
}

QByteArray auditLogCsv(const QList<AuditEntry> &entries, CsvEncoding encoding)
{
    QList<QStringList> lines{header({Text::tr("When (JST)"), Text::tr("Clerk"), Text::tr("Action"),
                                     Text::tr("Order reference"), Text::tr("Amount (yen)"), Text::tr("Result"),
                                     Text::tr("Detail")})};
    for (const AuditEntry &e : entries) {
        lines.append({jstTimestamp(e.at), csvTextField(e.clerk), csvTextField(auditActionLabel(e.action)),
                      csvTextField(e.orderRef), e.amountYen ? QString::number(e.amountYen) : QString(),
                      csvTextField(auditResultLabel(e.result)), csvTextField(auditDetailText(e))});
    }
    return encodeCsv(lines, encoding);
}

} // namespace konbini
