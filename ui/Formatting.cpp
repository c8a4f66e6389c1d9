#include "Formatting.h"

#include "KonbiniRules.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace konbini::ui {

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

QString formatIssuedAt(qint64 unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds + KonbiniRules::kJstOffsetSeconds, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace konbini::ui
