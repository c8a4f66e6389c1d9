#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

namespace konbini::sandbox {

// Decodes Stripe's application/x-www-form-urlencoded parameters into a tree: `a[b][c]=v` nests
// objects, `a[]=x&a[]=y` and `a[0]=x&a[1]=y` make arrays, leaves stay strings (as Stripe reads
// them; each endpoint converts the types it expects). Returns false with a message on keys that
// contradict each other (`a=1&a[b]=2`) or brackets that do not close.
bool decodeStripeForm(QByteArrayView encoded, QJsonObject &params, QString &error);

} // namespace konbini::sandbox
