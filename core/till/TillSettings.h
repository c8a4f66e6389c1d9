#pragma once

#include "ApiKeyProvider.h"

#include <QSettings>
#include <QString>
#include <QUrl>

#include <optional>

namespace konbini {

// The till's ordinary settings (QSettings). The Stripe key is deliberately not here: it lives
// only in the keychain (SecretStore).
class TillSettings
{
public:
    explicit TillSettings(QSettings &settings) : m_settings(settings) {}

    QString storeName() const;
    // False on a new till: storeName() is then only a placeholder, never printed.
    bool hasStoreName() const;
    QString storePhone() const;   // printed on the slip; empty: none
    QString storeAddress() const; // printed on the slip; empty: none
    QString terminalId() const;
    QString defaultDescription() const;
    int defaultExpiryDays() const;
    QString language() const; // "", "ja" or "en"
    QString slipSize() const; // "receipt80", "receipt58" or "a4"
    QString printerName() const;
    bool autoPrint() const; // each new voucher's slip goes to the printer without asking
    int pollIntervalSeconds() const;
    // Customers' data is erased this many days after a voucher closes (1 to 3650; default 90).
    int retentionDays() const;
    // A phone or e-mail seen before at this terminal offers to fill in the customer (off by default).
    bool returningCustomers() const;
    QUrl apiBaseUrl() const; // empty: Stripe's own
    // Which kind of key the keychain held at the last start (never the key itself): the counter
    // is built for it while the keychain is still answering. None known before a first answer.
    std::optional<KeyMode> lastKeyMode() const;

    void setStoreName(const QString &value);
    void setStorePhone(const QString &value);
    void setStoreAddress(const QString &value);
    void setTerminalId(const QString &value);
    void setDefaultDescription(const QString &value);
    void setDefaultExpiryDays(int value);
    void setLanguage(const QString &value);
    void setSlipSize(const QString &value);
    void setPrinterName(const QString &value);
    void setAutoPrint(bool value);
    void setPollIntervalSeconds(int value);
    void setRetentionDays(int value);
    void setReturningCustomers(bool value);
    // False (and nothing stored) unless https, or http to a loopback host.
    bool setApiBaseUrl(const QUrl &value);
    void setLastKeyMode(KeyMode mode);

    QString fileName() const { return m_settings.fileName(); }

private:
    QSettings &m_settings;
};

} // namespace konbini
