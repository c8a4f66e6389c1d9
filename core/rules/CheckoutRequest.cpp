#include "CheckoutRequest.h"

#include "KonbiniRules.h"
#include "ShiftJis.h"

#include <QCoreApplication>
#include <QLocale>

namespace konbini {
namespace {

using namespace KonbiniRules;

// The translation context of the messages below (lupdate reads Q_DECLARE_TR_FUNCTIONS).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(CheckoutRequest)
};

QString yen(qint64 amount)
{
    return QStringLiteral("¥") + QLocale(QLocale::Japanese, QLocale::Japan).toString(amount);
}

bool usesDate(const CheckoutRequest &request)
{
    return request.expiresOn.isValid();
}

} // namespace

QList<FieldProblem> validateCheckout(const CheckoutRequest &request, qint64 now)
{
    QList<FieldProblem> problems;
    const auto problem = [&](CheckoutField field, const QString &message) { problems.append({field, message}); };

    if (request.amountYen <= 0)
        problem(CheckoutField::Amount, Text::tr("Enter the amount in yen."));
    else if (request.amountYen < kMinimumAmountYen)
        problem(CheckoutField::Amount, Text::tr("Konbini payments must be at least %1.").arg(yen(kMinimumAmountYen)));
    else if (request.amountYen > kMaximumAmountYen)
        problem(CheckoutField::Amount, Text::tr("Konbini payments can be at most %1.").arg(yen(kMaximumAmountYen)));

    const int descriptionLength = characterCount(request.productDescription);
    const QString unprintableDescription = ShiftJis::unprintableCharacters(request.productDescription);
    if (descriptionLength > kProductDescriptionMaxLength)
        problem(CheckoutField::ProductDescription,
                Text::tr("The product description can have at most %1 characters (it has %2).")
                    .arg(kProductDescriptionMaxLength)
                    .arg(descriptionLength));
    else if (!unprintableDescription.isEmpty())
        problem(CheckoutField::ProductDescription,
                Text::tr("Convenience stores cannot print these characters: %1").arg(unprintableDescription));

    const QString name = request.customerName.trimmed();
    if (name.isEmpty())
        problem(CheckoutField::CustomerName, Text::tr("Enter the customer's name."));
    else if (previewCustomerName(name).shown.trimmed().isEmpty())
        problem(CheckoutField::CustomerName,
                Text::tr("None of the characters of this name can be printed at convenience stores."));

    const QString email = request.email.trimmed();
    if (email.isEmpty())
        problem(CheckoutField::Email, Text::tr("Enter the customer's e-mail address."));
    else if (!isPlausibleEmail(email))
        problem(CheckoutField::Email, Text::tr("This e-mail address does not look right."));

    const ConfirmationNumber number = confirmationNumberFromPhone(request.phone);
    if (!number.valid) {
        if (!number.digits.isEmpty() && number.digits.count(u'0') == number.digits.size())
            problem(CheckoutField::Phone, Text::tr("A confirmation number cannot be all zeros."));
        else
            problem(CheckoutField::Phone,
                    Text::tr("The phone number needs 10 or 11 digits (it has %1).").arg(number.digits.size()));
    }

    if (usesDate(request)) {
        const qint64 deadline = endOfJstDay(request.expiresOn);
        if (deadline < now + kMinimumExpiresAtLeadSeconds)
            problem(CheckoutField::Expiry, Text::tr("The payment deadline must be at least 30 minutes from now."));
        else if (deadline >= now + kMaximumExpiresAtLeadSeconds)
            problem(CheckoutField::Expiry, Text::tr("The payment deadline must be less than 60 days from now."));
    } else if (request.expiresAfterDays < kMinimumExpiresAfterDays
               || request.expiresAfterDays > kMaximumExpiresAfterDays) {
        problem(CheckoutField::Expiry,
                Text::tr("Choose between %1 and %2 days.").arg(kMinimumExpiresAfterDays).arg(kMaximumExpiresAfterDays));
    }
    return problems;
}

qint64 resultingDeadline(const CheckoutRequest &request, qint64 now)
{
    return usesDate(request) ? endOfJstDay(request.expiresOn) : deadlineAfterDays(now, request.expiresAfterDays);
}

} // namespace konbini
