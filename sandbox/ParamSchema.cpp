#include "ParamSchema.h"

#include <QFile>
#include <QJsonArray>

namespace konbini::sandbox {
namespace {

QString bracketed(const QString &prefix, const QString &name)
{
    return prefix.isEmpty() ? name : prefix + u'[' + name + u']';
}

const ParamSchema::Node *childFor(const ParamSchema::Node &node, const QString &name)
{
    auto it = node.children.constFind(name);
    if (it == node.children.cend())
        it = node.children.constFind(QStringLiteral("*"));
    return it == node.children.cend() ? nullptr : it->get();
}

// The bracketed name of the first parameter the schema does not know, or empty. Names are built
// only for the path to an unknown one (every request goes through here).
QString firstUnknownIn(const ParamSchema::Node &node, const QJsonObject &params, const QString &prefix)
{
    for (auto it = params.begin(); it != params.end(); ++it) {
        const QString key = it.key();
        if (it->isArray()) {
            const ParamSchema::Node *element = childFor(node, key + QStringLiteral("[]"));
            if (!element)
                return bracketed(prefix, key);
            const QJsonArray array = it->toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                if (!array.at(i).isObject())
                    continue;
                const QString unknown = firstUnknownIn(*element, array.at(i).toObject(),
                                                       bracketed(prefix, key) + u'[' + QString::number(i) + u']');
                if (!unknown.isEmpty())
                    return unknown;
            }
            continue;
        }
        const ParamSchema::Node *child = childFor(node, key);
        if (!child)
            return bracketed(prefix, key);
        if (it->isObject()) {
            const QString unknown = firstUnknownIn(*child, it->toObject(), bracketed(prefix, key));
            if (!unknown.isEmpty())
                return unknown;
        }
    }
    return {};
}

} // namespace

const ParamSchema &ParamSchema::stripe()
{
    static const ParamSchema schema;
    return schema;
}

ParamSchema::ParamSchema()
{
    QFile file(QStringLiteral(":/konbini-sandbox/stripe_params.txt"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("The sandbox's parameter list is missing from its resources.");
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype tab = line.indexOf('\t');
        if (tab < 0)
            continue;
        const QString operation = QString::fromLatin1(line.left(tab));
        auto &root = m_operations[operation];
        if (!root)
            root = std::make_shared<Node>();
        Node *node = root.get();
        for (const QByteArray &segment : line.mid(tab + 1).split('.')) {
            auto &child = node->children[QString::fromLatin1(segment)];
            if (!child)
                child = std::make_shared<Node>();
            node = child.get();
        }
    }
}

QString ParamSchema::firstUnknown(const QString &operation, const QJsonObject &params) const
{
    const auto root = m_operations.constFind(operation);
    if (root == m_operations.cend())
        return params.isEmpty() ? QString() : params.begin().key();
    return firstUnknownIn(**root, params, QString());
}

} // namespace konbini::sandbox
