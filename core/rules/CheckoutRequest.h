#pragma once

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

namespace konbini {

// What the clerk typed for one Konbini sale.
struct CheckoutRequest {
    qint64 amountYen = 0;
    QString productDescription;
    QString customerName;
    QString email;
    QString phone;            // becomes the confirmation number; empty: Stripe generates one
    int expiresAfterDays = 3; // used unless expiresOn is set
    QDate expiresOn;          // a JST calendar date: the voucher expires 23:59:59 JST that day
};

enum class CheckoutField { Amount, ProductDescription, CustomerName, Email, Phone, Expiry };

struct FieldProblem {
    CheckoutField field;
    QString message; // translated
};

// Every problem of the request, per field, before anything is sent (`now` in Unix seconds).
QList<FieldProblem> validateCheckout(const CheckoutRequest &request, qint64 now);

// The deadline the voucher will get if confirmed at `now`.
qint64 resultingDeadline(const CheckoutRequest &request, qint64 now);

} // namespace konbini
