#include "FormDecoder.h"

#include "CompactJson.h"

#include <QJsonDocument>
#include <QList>

#include <map>
#include <memory>
#include <utility>
#include <vector>

namespace konbini::sandbox {
namespace {

// A mutable tree first, converted to JSON at the end: QJsonObject values cannot be edited in
// place, and arrays need their indices sorted.
struct Node {
    enum class Kind { Unset, Leaf, Object, Array };
    Kind kind = Kind::Unset;
    QString leaf;
    std::map<QString, std::unique_ptr<Node>> fields;
    std::map<qint64, std::unique_ptr<Node>> elements;
};

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Strict: every % is followed by two hex digits, as Stripe requires.
bool decodeComponent(QByteArrayView raw, QString &decoded)
{
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw.at(i) == '%' && (i + 2 >= raw.size() || !isHexDigit(raw.at(i + 1)) || !isHexDigit(raw.at(i + 2))))
            return false;
    }
    if (!raw.contains('%') && !raw.contains('+')) {
        decoded = QString::fromUtf8(raw); // most names and values: nothing to decode
        return true;
    }
    QByteArray bytes = raw.toByteArray();
    bytes.replace('+', ' ');
    decoded = QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
    return true;
}

bool splitKey(const QString &key, QList<QString> &segments)
{
    const qsizetype open = key.indexOf(u'[');
    if (open == 0 || key.isEmpty())
        return false;
    if (open < 0) {
        segments = {key};
        return true;
    }
    segments = {key.left(open)};
    qsizetype pos = open;
    while (pos < key.size()) {
        if (key.at(pos) != u'[')
            return false;
        const qsizetype close = key.indexOf(u']', pos);
        if (close < 0)
            return false;
        segments.append(key.mid(pos + 1, close - pos - 1));
        pos = close + 1;
    }
    return true;
}

bool isIndex(const QString &segment, qint64 &index)
{
    bool ok = false;
    index = segment.toLongLong(&ok);
    return ok && index >= 0 && index < 10000 && !segment.startsWith(u'+');
}

bool insert(Node &root, const QList<QString> &segments, const QString &value, QString &error)
{
    Node *node = &root;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &segment = segments.at(i);
        const bool last = i + 1 == segments.size();
        qint64 index = 0;
        std::unique_ptr<Node> *slot = nullptr;
        if (i > 0 && (segment.isEmpty() || isIndex(segment, index))) {
            if (node->kind == Node::Kind::Unset)
                node->kind = Node::Kind::Array;
            if (node->kind != Node::Kind::Array)
                break;
            if (segment.isEmpty()) {
                // `a[][k]=…`: continue the last element unless it already has `k`.
                const bool continueLast = !last && !node->elements.empty()
                    && node->elements.rbegin()->second->kind == Node::Kind::Object
                    && !node->elements.rbegin()->second->fields.count(segments.at(i + 1));
                index = node->elements.empty() ? 0 : node->elements.rbegin()->first + (continueLast ? 0 : 1);
            }
            slot = &node->elements[index];
        } else {
            if (node->kind == Node::Kind::Unset)
                node->kind = Node::Kind::Object;
            if (node->kind != Node::Kind::Object)
                break;
            slot = &node->fields[segment];
        }
        if (!*slot)
            *slot = std::make_unique<Node>();
        node = slot->get();
        if (last) {
            if (node->kind != Node::Kind::Unset && node->kind != Node::Kind::Leaf)
                break;
            node->kind = Node::Kind::Leaf;
            node->leaf = value;
            return true;
        }
        if (node->kind == Node::Kind::Leaf)
            break;
    }
    error = QStringLiteral("Invalid request: the parameter %1 was given both as a value and as a nested object.")
                .arg(segments.first());
    return false;
}

// The tree as JSON text: parsed once into a QJsonObject, that costs a fraction of building the
// object value by value.
void writeJson(const Node &node, JsonTextWriter &json)
{
    switch (node.kind) {
    case Node::Kind::Leaf:
    case Node::Kind::Unset:
        json.string(node.leaf);
        return;
    case Node::Kind::Object: {
        json.punctuation('{');
        bool first = true;
        for (const auto &[name, child] : node.fields) {
            if (!std::exchange(first, false))
                json.punctuation(',');
            json.key(name);
            writeJson(*child, json);
        }
        json.punctuation('}');
        return;
    }
    case Node::Kind::Array: {
        json.punctuation('[');
        bool first = true;
        for (const auto &[index, child] : node.elements) {
            if (!std::exchange(first, false))
                json.punctuation(',');
            writeJson(*child, json);
        }
        json.punctuation(']');
        return;
    }
    }
}

} // namespace

bool decodeStripeForm(QByteArrayView encoded, QJsonObject &params, QString &error, const FormLimits &limits)
{
    Node root;
    root.kind = Node::Kind::Object;
    qsizetype start = 0;
    int parameters = 0;
    while (start <= encoded.size()) {
        qsizetype end = encoded.indexOf('&', start);
        if (end < 0)
            end = encoded.size();
        const QByteArrayView pair = encoded.sliced(start, end - start);
        start = end + 1;
        if (pair.isEmpty())
            continue;
        if (++parameters > limits.maxParameters) {
            error = QStringLiteral("Invalid request: more than %1 parameters.").arg(limits.maxParameters);
            return false;
        }
        const qsizetype equals = pair.indexOf('=');
        const QByteArrayView rawKey = equals < 0 ? pair : pair.first(equals);
        const QByteArrayView rawValue = equals < 0 ? QByteArrayView() : pair.sliced(equals + 1);
        // Encoded text is never shorter than the text it decodes to: check before decoding.
        if (rawKey.size() > 3 * limits.maxNameLength || rawValue.size() > 3 * limits.maxValueLength) {
            error = QStringLiteral("Invalid request: a parameter name or value is too long.");
            return false;
        }
        QString key;
        QString value;
        if (!decodeComponent(rawKey, key) || !decodeComponent(rawValue, value)) {
            error = QStringLiteral("Invalid request: malformed percent-encoding in the parameters.");
            return false;
        }
        if (key.size() > limits.maxNameLength || value.size() > limits.maxValueLength) {
            error = QStringLiteral("Invalid request: a parameter name or value is too long.");
            return false;
        }
        // Counted on the raw name, before any parsing: `a[x][x]…` thirty thousand deep costs nothing.
        if (key.count(u'[') >= limits.maxDepth) {
            error = QStringLiteral("Invalid request: the parameter %1 is nested more than %2 levels deep.")
                        .arg(key.left(key.indexOf(u'[')))
                        .arg(limits.maxDepth);
            return false;
        }
        QList<QString> segments;
        if (!splitKey(key, segments)) {
            error = QStringLiteral("Invalid request: could not parse the parameter name %1.").arg(key.left(100));
            return false;
        }
        if (!insert(root, segments, value, error))
            return false;
    }
    JsonTextWriter json(encoded.size() + 64);
    writeJson(root, json);
    QJsonParseError parseError;
    params = QJsonDocument::fromJson(json.take(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError) { // not expected: the text was written above
        error = QStringLiteral("Invalid request: the parameters could not be read.");
        return false;
    }
    return true;
}

} // namespace konbini::sandbox
