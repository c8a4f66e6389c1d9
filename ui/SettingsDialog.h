#pragma once

#include "SecretStore.h"
#include "TillSettings.h"

#include <QDialog>
#include <QUrl>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QScrollArea;
class QSpinBox;

namespace konbini::ui {

class ParagraphLabel;

// The till's settings. The Stripe key goes only to the keychain (masked entry, never shown
// again); everything else to QSettings. Saving a live key needs an explicit confirmation.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(SecretStore &secrets, TillSettings &settings, QNetworkAccessManager &network,
                   QWidget *parent = nullptr);

    // Test hook: answers the live-key confirmation instead of a message box.
    void setLiveKeyConfirmation(std::function<bool()> confirm) { m_confirmLive = std::move(confirm); }

    void save();
    void testConnection();

signals:
    void saved(bool keyChanged);

private:
    void load();
    void setStatus(const QString &text, bool problem);
    void storeOtherSettings();

    SecretStore &m_secrets;
    TillSettings &m_settings;
    QNetworkAccessManager &m_network;
    std::function<bool()> m_confirmLive;

    QLineEdit *m_key = nullptr;
    ParagraphLabel *m_keyState = nullptr;
    ParagraphLabel *m_status = nullptr;
    QPushButton *m_testButton = nullptr;
    QLineEdit *m_storeName = nullptr;
    QLineEdit *m_storePhone = nullptr;
    QLineEdit *m_storeAddress = nullptr;
    QLineEdit *m_terminal = nullptr;
    QLineEdit *m_description = nullptr;
    QSpinBox *m_expiryDays = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_slipSize = nullptr;
    QLineEdit *m_printer = nullptr;
    QCheckBox *m_autoPrint = nullptr;
    QSpinBox *m_retentionDays = nullptr;
    QCheckBox *m_returningCustomers = nullptr;
    QScrollArea *m_scroll = nullptr;
    QSpinBox *m_pollSeconds = nullptr;
    QLineEdit *m_apiBase = nullptr;
};

} // namespace konbini::ui
