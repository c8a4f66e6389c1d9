#include "SettingsDialog.h"

#include "ClerkMessages.h"
#include "ConnectionCheck.h"
#include "StripeClient.h"
#include "ParagraphLabel.h"
#include "ScreenFit.h"
#include "WheelGuard.h"
#include "Tones.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QScrollArea>
#include <QVBoxLayout>

namespace konbini::ui {

SettingsDialog::SettingsDialog(SecretStore &secrets, TillSettings &settings, QNetworkAccessManager &network,
                               QWidget *parent)
    : QDialog(parent), m_secrets(secrets), m_settings(settings), m_network(network)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto *outer = new QVBoxLayout(this);
    // The settings scroll when the screen is too small for them (1366×768 at 125 %); the status
    // and Save stay in view.
    QVBoxLayout *layout = nullptr;
    m_scroll = makeContentScroll(this, QStringLiteral("settingsScroll"), layout);
    QWidget *content = layout->parentWidget();

    auto *stripeBox = new QGroupBox(tr("Stripe"), this);
    auto *stripeForm = new QFormLayout(stripeBox);
    m_key = new QLineEdit(stripeBox);
    m_key->setObjectName(QStringLiteral("keyField"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("sk_test_…, sk_live_…, rk_test_… or rk_live_… (kept in the system keychain)"));
    stripeForm->addRow(tr("API key"), m_key);
    m_keyState = new ParagraphLabel(stripeBox);
    m_keyState->setObjectName(QStringLiteral("keyState"));
    m_keyState->setTextFormat(Qt::PlainText);
    stripeForm->addRow(QString(), m_keyState);
    auto *permissions = new ParagraphLabel(
        tr("A restricted key (rk_) needs these permissions: PaymentIntents — write, Refunds — write, Events — read."),
        stripeBox);
    permissions->setObjectName(QStringLiteral("permissionsHint"));
    permissions->setWordWrap(true);
    stripeForm->addRow(QString(), permissions);
    m_testButton = new QPushButton(tr("Test connection"), stripeBox);
    m_testButton->setObjectName(QStringLiteral("testConnection"));
    connect(m_testButton, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    stripeForm->addRow(QString(), m_testButton);
    m_apiBase = new QLineEdit(stripeBox);
    m_apiBase->setObjectName(QStringLiteral("apiBaseField"));
    m_apiBase->setPlaceholderText(QStringLiteral("https://api.stripe.com"));
    stripeForm->addRow(tr("API address (advanced)"), m_apiBase);
    layout->addWidget(stripeBox);

    auto *storeBox = new QGroupBox(tr("Store and counter"), this);
    auto *storeForm = new QFormLayout(storeBox);
    m_storeName = new QLineEdit(storeBox);
    m_storeName->setObjectName(QStringLiteral("storeNameField"));
    m_storeName->setPlaceholderText(tr("e.g. Shibuya store"));
    storeForm->addRow(tr("Store name"), m_storeName);
    m_storePhone = new QLineEdit(storeBox);
    m_storePhone->setObjectName(QStringLiteral("storePhoneField"));
    storeForm->addRow(tr("Store phone (on the slip)"), m_storePhone);
    m_storeAddress = new QLineEdit(storeBox);
    m_storeAddress->setObjectName(QStringLiteral("storeAddressField"));
    storeForm->addRow(tr("Store address (on the slip)"), m_storeAddress);
    m_terminal = new QLineEdit(storeBox);
    m_terminal->setObjectName(QStringLiteral("terminalField"));
    storeForm->addRow(tr("Terminal ID"), m_terminal);
    m_description = new QLineEdit(storeBox);
    m_description->setObjectName(QStringLiteral("defaultDescriptionField"));
    storeForm->addRow(tr("Default product description"), m_description);
    m_expiryDays = new QSpinBox(storeBox);
    m_expiryDays->setRange(1, 60);
    m_expiryDays->setSuffix(tr(" days"));
    storeForm->addRow(tr("Default expiry"), m_expiryDays);
    m_language = new QComboBox(storeBox);
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("日本語"), QStringLiteral("ja"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    storeForm->addRow(tr("Language"), m_language);
    m_slipSize = new QComboBox(storeBox);
    m_slipSize->addItem(tr("80 mm receipt"), QStringLiteral("receipt80"));
    m_slipSize->addItem(tr("58 mm receipt"), QStringLiteral("receipt58"));
    m_slipSize->addItem(tr("A4"), QStringLiteral("a4"));
    storeForm->addRow(tr("Slip size"), m_slipSize);
    m_printer = new QLineEdit(storeBox);
    m_printer->setPlaceholderText(tr("System default printer"));
    storeForm->addRow(tr("Printer"), m_printer);
    m_autoPrint = new QCheckBox(tr("Print each new voucher's slip at once (no print dialog)"), storeBox);
    m_autoPrint->setObjectName(QStringLiteral("autoPrintField"));
    storeForm->addRow(tr("Auto-print"), m_autoPrint);
    m_pollSeconds = new QSpinBox(storeBox);
    m_pollSeconds->setRange(2, 600);
    m_pollSeconds->setSuffix(tr(" s"));
    storeForm->addRow(tr("Check for payments every"), m_pollSeconds);
    layout->addWidget(storeBox);

    auto *privacyBox = new QGroupBox(tr("Customers' data"), content);
    auto *privacyForm = new QFormLayout(privacyBox);
    m_retentionDays = new QSpinBox(privacyBox);
    m_retentionDays->setObjectName(QStringLiteral("retentionDaysField"));
    m_retentionDays->setRange(1, 3650);
    m_retentionDays->setSuffix(tr(" days after a voucher closes"));
    m_retentionDays->setAccessibleName(tr("Keep customers' names, e-mail and phone for"));
    privacyForm->addRow(tr("Keep names, e-mail, phone"), m_retentionDays);
    m_returningCustomers =
        new QCheckBox(tr("Offer to fill in a customer whose phone or e-mail this till has seen"), privacyBox);
    m_returningCustomers->setObjectName(QStringLiteral("returningCustomersField"));
    privacyForm->addRow(tr("Returning customers"), m_returningCustomers);
    layout->addWidget(privacyBox);
    m_scroll->setWidget(content);
    outer->addWidget(m_scroll, 1);

    m_status = new ParagraphLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    outer->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    outer->addWidget(buttons);

    m_confirmLive = [this] {
        return QMessageBox::warning(this, tr("Use a live key?"),
                                    tr("This is a LIVE key: vouchers will be real and customers will pay real money. "
                                       "Use it only at a real counter. Continue?"),
                                    QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes;
    };
    load();
    keepWheelForScrolling(m_scroll);
    fitToScreen(this, m_scroll);
}

void SettingsDialog::load()
{
    // A new till shows no placeholder name that a save would store and print.
    m_storeName->setText(m_settings.hasStoreName() ? m_settings.storeName() : QString());
    m_storePhone->setText(m_settings.storePhone());
    m_storeAddress->setText(m_settings.storeAddress());
    m_terminal->setText(m_settings.terminalId());
    m_description->setText(m_settings.defaultDescription());
    m_expiryDays->setValue(m_settings.defaultExpiryDays());
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_settings.language())));
    m_slipSize->setCurrentIndex(std::max(0, m_slipSize->findData(m_settings.slipSize())));
    m_printer->setText(m_settings.printerName());
    m_autoPrint->setChecked(m_settings.autoPrint());
    m_retentionDays->setValue(m_settings.retentionDays());
    m_returningCustomers->setChecked(m_settings.returningCustomers());
    m_pollSeconds->setValue(m_settings.pollIntervalSeconds());
    m_apiBase->setText(m_settings.apiBaseUrl().toString());
    m_keyState->setText(tr("Reading the keychain…"));
    // The keychain answers later; the dialog may be closed by then.
    m_secrets.read([this, alive = QPointer<SettingsDialog>(this)](const SecretStore::Outcome &outcome) {
        if (!alive)
            return;
        switch (keyModeOf(outcome.secret)) {
        case KeyMode::Test:
            m_keyState->setText(tr("A test-mode key is stored in the keychain."));
            break;
        case KeyMode::Live:
            m_keyState->setText(tr("A LIVE key is stored in the keychain."));
            break;
        case KeyMode::None:
            m_keyState->setText(outcome.status == SecretStore::Outcome::Status::NotFound || outcome.ok()
                                    ? tr("No key stored: the till runs on the built-in sandbox.")
                                    : outcome.message);
            break;
        }
    });
}

void SettingsDialog::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(Tones::textStyle(problem ? Tones::Tone::Problem : Tones::Tone::Good, palette(), problem));
}

void SettingsDialog::testConnection()
{
    const QString key = m_key->text().trimmed();
    if (keyModeOf(key) == KeyMode::None) {
        setStatus(tr("Enter a key that starts with sk_test_, sk_live_, rk_test_ or rk_live_."), true);
        return;
    }
    const QUrl base = m_apiBase->text().trimmed().isEmpty() ? QUrl(QStringLiteral("https://api.stripe.com"))
                                                            : QUrl(m_apiBase->text().trimmed());
    setStatus(tr("Checking…"), false);
    m_testButton->setEnabled(false);
    checkConnection(
        m_network, base, key,
        [this, alive = QPointer<SettingsDialog>(this)](const Result<ConnectionCheckResult> &result) {
            if (!alive)
                return;
            m_testButton->setEnabled(true);
            if (!result.ok()) {
                setStatus(result.error().kind == ApiError::Kind::Authentication ? tr("Stripe does not accept this key.")
                              : result.error().kind == ApiError::Kind::Permission
                              ? tr("The key works but lacks a permission: give it PaymentIntents write, Refunds write "
                                   "and Events read.")
                              : ClerkMessages::forAction(CheckoutError::fromStripe(result.error())),
                          true);
                return;
            }
            setStatus(result.value().mode == KeyMode::Live ? tr("Connected: LIVE account (real payments).")
                                                           : tr("Connected: test-mode account (no real payments)."),
                      false);
        });
}

void SettingsDialog::storeOtherSettings()
{
    m_settings.setStoreName(m_storeName->text());
    m_settings.setStorePhone(m_storePhone->text());
    m_settings.setStoreAddress(m_storeAddress->text());
    m_settings.setTerminalId(m_terminal->text().isEmpty() ? QStringLiteral("till-1") : m_terminal->text());
    m_settings.setDefaultDescription(m_description->text());
    m_settings.setDefaultExpiryDays(m_expiryDays->value());
    m_settings.setLanguage(m_language->currentData().toString());
    m_settings.setSlipSize(m_slipSize->currentData().toString());
    m_settings.setPrinterName(m_printer->text().trimmed());
    m_settings.setAutoPrint(m_autoPrint->isChecked());
    m_settings.setRetentionDays(m_retentionDays->value());
    m_settings.setReturningCustomers(m_returningCustomers->isChecked());
    m_settings.setPollIntervalSeconds(m_pollSeconds->value());
    m_settings.setApiBaseUrl(QUrl(m_apiBase->text().trimmed()));
}

void SettingsDialog::save()
{
    const QString apiBase = m_apiBase->text().trimmed();
    if (!apiBase.isEmpty() && (!StripeClient::isAllowedBaseUrl(QUrl(apiBase)) || QUrl(apiBase).scheme() != u"https")) {
        setStatus(tr("The API address must use https: the Stripe key is never sent over plain http. "
                     "(A sandbox on this computer is started with --api-base instead.)"),
                  true);
        m_apiBase->setFocus();
        return;
    }
    const QString key = m_key->text().trimmed();
    if (key.isEmpty()) {
        storeOtherSettings();
        emit saved(false);
        accept();
        return;
    }
    const KeyMode mode = keyModeOf(key);
    if (mode == KeyMode::None) {
        setStatus(tr("Enter a key that starts with sk_test_, sk_live_, rk_test_ or rk_live_."), true);
        m_key->setFocus();
        return;
    }
    if (mode == KeyMode::Live && !m_confirmLive()) {
        setStatus(tr("The live key was not saved."), true);
        return;
    }
    setStatus(tr("Saving the key to the keychain…"), false);
    m_secrets.write(key, [this, alive = QPointer<SettingsDialog>(this)](const SecretStore::Outcome &outcome) {
        if (!alive)
            return;
        if (!outcome.ok()) {
            setStatus(outcome.message, true);
            return;
        }
        m_key->clear();
        storeOtherSettings();
        emit saved(true);
        accept();
    });
}

} // namespace konbini::ui
