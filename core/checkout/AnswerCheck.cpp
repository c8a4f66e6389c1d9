#include "AnswerCheck.h"

#include <QHostAddress>
#include <QUrl>

namespace konbini {
namespace {

// Stripe's window for a Konbini deadline is at most 60 days ahead; a day of slack either side.
constexpr qint64 kLatestDeadlineSeconds = 61LL * 24 * 3600;
constexpr qint64 kEarliestDeadlineSeconds = 24 * 3600;
constexpr qsizetype kMaxCodeLength = 32;

bool isSaneCode(const QString &code)
{
    if (code.isEmpty() || code.size() > kMaxCodeLength)
        return false;
    for (QChar c : code) {
        const bool allowed = (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || c == u'-';
        if (!allowed)
            return false;
    }
    return true;
}

bool isLoopback(const QUrl &url)
{
    return url.host() == u"localhost" || QHostAddress(url.host()).isLoopback();
}

} // namespace

std::optional<QString> implausibleAnswer(const PaymentIntent &answer, const VoucherRecord &asked, qint64 now,
                                         bool loopbackHttpAllowed)
{
    if (answer.amount != asked.amountYen)
        return QStringLiteral("amount %1 instead of %2").arg(answer.amount).arg(asked.amountYen);
    if (answer.currency != u"jpy")
        return QStringLiteral("currency %1 instead of jpy").arg(answer.currency.left(10));
    if (!asked.paymentIntentId.isEmpty() && answer.id != asked.paymentIntentId)
        return QStringLiteral("another PaymentIntent than the one confirmed");
    if (!answer.voucher)
        return std::nullopt;
    const KonbiniVoucherDetails &voucher = *answer.voucher;
    if (voucher.expiresAt < now - kEarliestDeadlineSeconds || voucher.expiresAt > now + kLatestDeadlineSeconds)
        return QStringLiteral("a deadline outside Stripe's window");
    if (voucher.stores.isEmpty())
        return QStringLiteral("no payment codes");
    for (const KonbiniStore &store : voucher.stores) {
        if (!isSaneCode(store.paymentCode) || (!store.confirmationNumber.isEmpty() && !isSaneCode(store.confirmationNumber)))
            return QStringLiteral("a payment code or confirmation number that is not one");
    }
    const QUrl url(voucher.hostedVoucherUrl, QUrl::StrictMode);
    const bool https = url.scheme() == u"https" && !url.host().isEmpty();
    const bool sandboxHttp = loopbackHttpAllowed && url.scheme() == u"http" && isLoopback(url);
    if (!url.isValid() || !(https || sandboxHttp))
        return QStringLiteral("a voucher page that is not on https");
    return std::nullopt;
}

} // namespace konbini
