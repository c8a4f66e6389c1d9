#include "TillSettings.h"

#include "KonbiniRules.h"
#include "StripeClient.h"

#include <QCoreApplication>

namespace konbini {

QString TillSettings::storeName() const
{
    return m_settings.value(QStringLiteral("store/name"), QCoreApplication::translate("TillSettings", "My store"))
        .toString();
}

bool TillSettings::hasStoreName() const
{
    return !m_settings.value(QStringLiteral("store/name")).toString().trimmed().isEmpty();
}

QString TillSettings::storePhone() const
{
    return m_settings.value(QStringLiteral("store/phone")).toString();
}

QString TillSettings::storeAddress() const
{
    return m_settings.value(QStringLiteral("store/address")).toString();
}

QString TillSettings::terminalId() const
{
    return m_settings.value(QStringLiteral("store/terminal"), QStringLiteral("till-1")).toString();
}

QString TillSettings::defaultDescription() const
{
    return m_settings.value(QStringLiteral("store/default_description")).toString();
}

int TillSettings::defaultExpiryDays() const
{
    const int days =
        m_settings.value(QStringLiteral("checkout/expiry_days"), KonbiniRules::kDefaultExpiresAfterDays).toInt();
    return std::clamp(days, KonbiniRules::kMinimumExpiresAfterDays, KonbiniRules::kMaximumExpiresAfterDays);
}

QString TillSettings::language() const
{
    return m_settings.value(QStringLiteral("ui/language")).toString();
}

QString TillSettings::slipSize() const
{
    return m_settings.value(QStringLiteral("printing/slip_size"), QStringLiteral("receipt80")).toString();
}

QString TillSettings::printerName() const
{
    return m_settings.value(QStringLiteral("printing/printer")).toString();
}

bool TillSettings::autoPrint() const
{
    return m_settings.value(QStringLiteral("printing/auto_print"), false).toBool();
}

int TillSettings::retentionDays() const
{
    return std::clamp(m_settings.value(QStringLiteral("privacy/retention_days"), 90).toInt(), 1, 3650);
}

bool TillSettings::returningCustomers() const
{
    return m_settings.value(QStringLiteral("privacy/returning_customers"), false).toBool();
}

void TillSettings::setRetentionDays(int value)
{
    m_settings.setValue(QStringLiteral("privacy/retention_days"), std::clamp(value, 1, 3650));
}

void TillSettings::setReturningCustomers(bool value)
{
    m_settings.setValue(QStringLiteral("privacy/returning_customers"), value);
}

int TillSettings::pollIntervalSeconds() const
{
    return std::clamp(m_settings.value(QStringLiteral("sync/poll_seconds"), 5).toInt(), 2, 600);
}

QUrl TillSettings::apiBaseUrl() const
{
    return m_settings.value(QStringLiteral("advanced/api_base")).toUrl();
}

std::optional<KeyMode> TillSettings::lastKeyMode() const
{
    const QString mode = m_settings.value(QStringLiteral("stripe/last_key_mode")).toString();
    if (mode == u"live")
        return KeyMode::Live;
    if (mode == u"test")
        return KeyMode::Test;
    if (mode == u"none")
        return KeyMode::None;
    return std::nullopt;
}

void TillSettings::setLastKeyMode(KeyMode mode)
{
    const QString names[] = {QStringLiteral("none"), QStringLiteral("test"), QStringLiteral("live")};
    m_settings.setValue(QStringLiteral("stripe/last_key_mode"), names[int(mode)]);
}

void TillSettings::setStoreName(const QString &value)
{
    m_settings.setValue(QStringLiteral("store/name"), value.trimmed());
}
void TillSettings::setStorePhone(const QString &value)
{
    m_settings.setValue(QStringLiteral("store/phone"), value.trimmed());
}

void TillSettings::setStoreAddress(const QString &value)
{
    m_settings.setValue(QStringLiteral("store/address"), value.trimmed());
}

void TillSettings::setTerminalId(const QString &value)
{
    m_settings.setValue(QStringLiteral("store/terminal"), value.trimmed());
}
void TillSettings::setDefaultDescription(const QString &value)
{
    m_settings.setValue(QStringLiteral("store/default_description"), value);
}
void TillSettings::setDefaultExpiryDays(int value)
{
    m_settings.setValue(QStringLiteral("checkout/expiry_days"), value);
}
void TillSettings::setLanguage(const QString &value)
{
    m_settings.setValue(QStringLiteral("ui/language"), value);
}
void TillSettings::setSlipSize(const QString &value)
{
    m_settings.setValue(QStringLiteral("printing/slip_size"), value);
}
void TillSettings::setPrinterName(const QString &value)
{
    m_settings.setValue(QStringLiteral("printing/printer"), value);
}
void TillSettings::setAutoPrint(bool value)
{
    m_settings.setValue(QStringLiteral("printing/auto_print"), value);
}
void TillSettings::setPollIntervalSeconds(int value)
{
    m_settings.setValue(QStringLiteral("sync/poll_seconds"), value);
}

bool TillSettings::setApiBaseUrl(const QUrl &value)
{
    if (value.isEmpty()) {
        m_settings.remove(QStringLiteral("advanced/api_base"));
        return true;
    }
    // The advanced address is used with the stored Stripe key: https only, never plain http, not
    // even to this computer (whoever binds the port first would receive the key).
    if (!StripeClient::isAllowedBaseUrl(value) || value.scheme() != u"https")
        return false;
    m_settings.setValue(QStringLiteral("advanced/api_base"), value);
    return true;
}

} // namespace konbini
