#include "StoreChains.h"

#include <QCoreApplication>

namespace konbini {
namespace {

struct Chain {
    const char *key;
    const char *name;
};

constexpr Chain kChains[] = {
    {"familymart", QT_TRANSLATE_NOOP("StoreChains", "FamilyMart")},
    {"lawson", QT_TRANSLATE_NOOP("StoreChains", "Lawson")},
    {"ministop", QT_TRANSLATE_NOOP("StoreChains", "Ministop")},
    {"seicomart", QT_TRANSLATE_NOOP("StoreChains", "Seicomart")},
};

} // namespace

const QStringList &storeChainKeys()
{
    static const QStringList keys = [] {
        QStringList list;
        for (const Chain &chain : kChains)
            list.append(QLatin1String(chain.key));
        return list;
    }();
    return keys;
}

QString storeChainName(const QString &chainKey)
{
    for (const Chain &chain : kChains) {
        if (chainKey == QLatin1String(chain.key))
            return QCoreApplication::translate("StoreChains", chain.name);
    }
    return chainKey;
}

} // namespace konbini
