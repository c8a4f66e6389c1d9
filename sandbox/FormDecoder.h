#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

namespace konbini::sandbox {

// What one request may carry. A request over these is refused whole with a Stripe-shaped 400
// before any tree is built, so no input can exhaust the stack or memory of the server (and of the
// till that embeds it).
struct FormLimits {
    int maxDepth = 8;             // segments in one name: a[b][c] is 3 (Stripe's deepest is 5)
    int maxParameters = 1000;     // name=value pairs
    int maxNameLength = 500;      // characters of a decoded name
    int maxValueLength = 50'000;  // characters of a decoded value
};

// Decodes Stripe's application/x-www-form-urlencoded parameters into a tree: `a[b][c]=v` nests
// objects, `a[]=x&a[]=y` and `a[0]=x&a[1]=y` make arrays, leaves stay strings (as Stripe reads
// them; each endpoint converts the types it expects). Returns false with a message on keys that
// contradict each other (`a=1&a[b]=2`), brackets that do not close, bad percent-escapes, or a
// request beyond `limits`.
bool decodeStripeForm(QByteArrayView encoded, QJsonObject &params, QString &error, const FormLimits &limits = {});

} // namespace konbini::sandbox
