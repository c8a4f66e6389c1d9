#include "Formatting.h"

#include "KonbiniRules.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace konbini::ui {

QString storeChainName(const QString &chainKey)
{
    if (chainKey == u"familymart")
        return QCoreApplication::translate("StoreChains", "FamilyMart");
    if (chainKey == u"lawson")
        return QCoreApplication::translate("StoreChains", "Lawson");
    if (chainKey == u"ministop")
        return QCoreApplication::translate("StoreChains", "Ministop");
    if (chainKey == u"seicomart")
        return QCoreApplication::translate("StoreChains", "Seicomart");
    return chainKey;
}

QString formatYen(qint64 amount)
{
    return QStringLiteral("¥") + QLocale(QLocale::English).toString(amount);
}

QString formatDeadline(qint64 unixSeconds)
{
    if (QLocale().language() == QLocale::Japanese)
        return KonbiniRules::formatJstDeadline(unixSeconds);
    const QDateTime jst = QDateTime::fromSecsSinceEpoch(unixSeconds + KonbiniRules::kJstOffsetSeconds, Qt::UTC);
    return QLocale(QLocale::English).toString(jst, QStringLiteral("ddd d MMM yyyy HH:mm")) + QStringLiteral(" JST");
}

} // namespace konbini::ui
