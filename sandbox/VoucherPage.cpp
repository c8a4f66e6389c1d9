#include "VoucherPage.h"

#include "KonbiniLimits.h"

#include <QLocale>
#include <QString>

namespace konbini::sandbox {
namespace {

QByteArray page(const QString &title, const QString &body)
{
    return QStringLiteral(
               "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>%1</title>"
               "<style>body{font-family:'Noto Sans CJK JP',sans-serif;max-width:36em;margin:2em auto;color:#222}"
               ".sandbox{background:#fff3cd;border:1px solid #e0b84c;padding:.5em 1em}"
               "table{border-collapse:collapse;width:100%%}td,th{border-bottom:1px solid "
               "#ccc;padding:.5em;text-align:left}"
               ".code{font-family:monospace;font-size:1.3em;letter-spacing:.05em}</style></head><body>"
               "<p "
               "class=\"sandbox\">サンドボックス（テストモード）の払込票です。実際のお支払いには使えません。</p>%2</"
               "body></html>")
        .arg(title, body)
        .toUtf8();
}

} // namespace

QByteArray renderVoucherPage(const QJsonObject &paymentIntent)
{
    const QJsonObject details = paymentIntent.value(QStringLiteral("next_action"))
                                    .toObject()
                                    .value(QStringLiteral("konbini_display_details"))
                                    .toObject();
    const QJsonObject stores = details.value(QStringLiteral("stores")).toObject();
    QString rows;
    QString confirmationNumber;
    for (const KonbiniLimits::StoreChain &chain : KonbiniLimits::kStoreChains) {
        const QJsonObject store = stores.value(QLatin1String(chain.key)).toObject();
        if (store.isEmpty())
            continue;
        confirmationNumber = store.value(QStringLiteral("confirmation_number")).toString();
        rows += QStringLiteral("<tr><th>%1</th><td class=\"code\">%2</td></tr>")
                    .arg(QString::fromUtf16(chain.name),
                         store.value(QStringLiteral("payment_code")).toString().toHtmlEscaped());
    }
    const QString amount =
        QLocale(QLocale::Japanese, QLocale::Japan).toString(paymentIntent.value(QStringLiteral("amount")).toInteger());
    const QString body =
        QStringLiteral("<h1>コンビニ払込票</h1>"
                       "<p>お支払い金額: <strong>¥%1</strong></p>"
                       "<p>お支払い期限: <strong>%2</strong></p>"
                       "<p>確認番号: <span class=\"code\">%3</span></p>"
                       "<table><tr><th>コンビニ</th><th>お支払い番号</th></tr>%4</table>")
            .arg(amount, KonbiniLimits::formatJst(details.value(QStringLiteral("expires_at")).toInteger()),
                 confirmationNumber.toHtmlEscaped(), rows);
    return page(QStringLiteral("コンビニ払込票"), body);
}

QByteArray renderVoucherGonePage()
{
    return page(
        QStringLiteral("払込票は無効です"),
        QStringLiteral("<h1>この払込票は無効です</h1><p>お支払い済み、期限切れ、またはキャンセルされました。</p>"));
}

} // namespace konbini::sandbox
