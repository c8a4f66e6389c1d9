#include "TillLauncher.h"

#include "MainWindow.h"
#include "SandboxServer.h"
#include "SettingsDialog.h"
#include "Till.h"
#include "TillSettings.h"

#include <QApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QMap>
#include <QMessageBox>
#include <QUuid>

#include <utility>

Q_LOGGING_CATEGORY(lcLaunch, "konbini.app", QtInfoMsg)

namespace konbini {
namespace {

// The key a standalone sandbox accepts. It is not a secret: sandbox keys only work against a
// sandbox on this computer, and a live key is never sent to a sandbox.
const QString kSandboxKey = QStringLiteral("sk_test_konbini_pos_sandbox");

// The embedded sandbox's key, made anew at every launch and known only to this till: no other
// process on the computer can use (or kill) the sandbox inside it.
QString embeddedSandboxKey()
{
    return QStringLiteral("sk_test_embedded_") + QUuid::createUuid().toString(QUuid::Id128);
}

// What the counter takes from the settings, at start and again when they are saved.
void applyStoreSettings(const TillSettings &settings, ui::CounterSettings &counter)
{
    // The till's identity: changed at the next start, except a first name for a new till (the
    // placeholder is never printed on a slip).
    if (counter.storeName.isEmpty() && settings.hasStoreName())
        counter.storeName = settings.storeName();
    counter.defaultDescription = settings.defaultDescription();
    counter.defaultExpiryDays = settings.defaultExpiryDays();
    counter.printerName = settings.printerName();
    counter.autoPrint = settings.autoPrint();
    counter.slipIsA4 = settings.slipSize() == u"a4";
    counter.slipIs58mm = settings.slipSize() == u"receipt58";
    counter.storePhone = settings.storePhone();
    counter.storeAddress = settings.storeAddress();
    counter.returningCustomers = settings.returningCustomers();
}

// Every setting as stored, to name in the audit log the ones a save changed.
QMap<QString, QVariant> snapshotOf(const QSettings &settings)
{
    QMap<QString, QVariant> values;
    for (const QString &key : settings.allKeys())
        values.insert(key, settings.value(key));
    return values;
}

QStringList changedKeys(const QMap<QString, QVariant> &before, const QMap<QString, QVariant> &after)
{
    QStringList changed;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (before.value(it.key()) != it.value())
            changed << it.key();
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()))
            changed << it.key();
    }
    return changed;
}

} // namespace

TillLauncher::TillLauncher(SecretStore &secrets, QSettings &qsettings, TillSettings &settings,
                           QNetworkAccessManager &network, LaunchOptions options)
    : m_secrets(secrets), m_qsettings(qsettings), m_settings(settings), m_network(network),
      m_options(std::move(options))
{
}

TillLauncher::~TillLauncher()
{
    teardown();
}

bool TillLauncher::start()
{
    if (!m_options.externalSandbox.isEmpty() || m_options.forceSandbox) {
        if (!launch(KeyMode::None, QString()))
            return false;
        m_keyKnown = true;
        m_till->start();
        return true;
    }
    const std::optional<KeyMode> lastMode = m_settings.lastKeyMode();
    // Asked first: the keychain works on its answer while the counter is built and painted for
    // the kind of key seen last time. Never seen (a new till, or one from before this was kept):
    // nothing is built before the answer, so no till of a kind it is not is ever made.
    m_building = lastMode.has_value();
    m_secrets.read([this](const SecretStore::Outcome &outcome) {
        if (m_building)
            m_earlyAnswer = outcome; // a store that answers at once: heard once the window is up
        else
            keyRead(outcome);
    });
    if (!lastMode)
        return true;
    const bool launched = launch(*lastMode, QString());
    m_building = false;
    if (!launched)
        return false;
    m_window->setWaitingForKey(true);
    if (m_earlyAnswer)
        keyRead(*std::exchange(m_earlyAnswer, std::nullopt));
    return true;
}

void TillLauncher::keyRead(const SecretStore::Outcome &outcome)
{
    qCInfo(lcLaunch) << "keychain read:" << int(outcome.status) << outcome.details;
    const bool problem = !outcome.ok() && outcome.status != SecretStore::Outcome::Status::NotFound;
    const QString key = outcome.ok() ? outcome.secret : QString();
    const KeyMode mode = keyModeOf(key);
    if (!m_window || mode != m_mode) {
        if (m_window)
            qCInfo(lcLaunch) << "the keychain holds another kind of key than last time: the till is built again";
        m_settings.setLastKeyMode(mode);
        teardown();
        if (!launch(mode, key)) {
            emit failed();
            return;
        }
    } else if (mode != KeyMode::None) {
        m_till->setApiKey(key);
    }
    if (problem)
        m_window->showNotice(outcome.message);
    m_keyKnown = true;
    m_window->setWaitingForKey(false);
    m_till->start();
}

bool TillLauncher::launch(KeyMode mode, const QString &stripeKey)
{
    m_mode = mode;
    ui::CounterSettings counter;
    applyStoreSettings(m_settings, counter);
    QUrl baseUrl;
    QString apiKey = kSandboxKey;
    QString ledgerName;
    if (!m_options.externalSandbox.isEmpty()) {
        baseUrl = m_options.externalSandbox;
        counter.mode = ui::StripeMode::Sandbox;
        counter.modeDetail = tr("Sandbox at %1").arg(baseUrl.toDisplayString());
        ledgerName = QStringLiteral("ledger-external-sandbox.sqlite");
    } else if (mode == KeyMode::None || m_options.forceSandbox) {
        sandbox::SandboxOptions options;
        options.statePath = m_options.dataDir + QStringLiteral("/sandbox-state.sqlite");
        options.requiredKey = embeddedSandboxKey();
        options.checkHost = true;
        apiKey = options.requiredKey;
        m_sandbox = std::make_unique<sandbox::SandboxServer>(options);
        QString error;
        if (!m_sandbox->start(error)) {
            QMessageBox::critical(nullptr, tr("Konbini POS"), tr("The built-in sandbox could not start: %1").arg(error));
            return false;
        }
        baseUrl = m_sandbox->baseUrl();
        counter.mode = ui::StripeMode::Sandbox;
        counter.modeDetail = tr("Built-in sandbox (no Stripe account needed); its data is kept in %1")
                                 .arg(QDir::toNativeSeparators(m_options.dataDir));
        ledgerName = QStringLiteral("ledger-sandbox.sqlite");
    } else {
        baseUrl = m_settings.apiBaseUrl().isEmpty() ? QUrl(QStringLiteral("https://api.stripe.com"))
                                                    : m_settings.apiBaseUrl();
        apiKey = stripeKey; // empty until the keychain answers: nothing is sent before
        counter.mode = mode == KeyMode::Live ? ui::StripeMode::Live : ui::StripeMode::Test;
        ledgerName = mode == KeyMode::Live ? QStringLiteral("ledger-live.sqlite") : QStringLiteral("ledger-test.sqlite");
    }

    TillConfig config;
    config.sandbox = counter.mode == ui::StripeMode::Sandbox; // plain http only to a sandbox, with its key
    config.baseUrl = baseUrl;
    config.apiKey = apiKey;
    config.ledgerPath = m_options.dataDir + u'/' + ledgerName;
    config.terminal = TerminalIdentity{counter.storeName, m_settings.terminalId()};
    config.sync.interval = std::chrono::seconds(m_settings.pollIntervalSeconds());
    config.retentionDays = m_settings.retentionDays();
    m_till = std::make_unique<Till>(m_network, config);
    if (const LedgerStatus opened = m_till->open(); !opened) {
        QMessageBox::critical(nullptr, tr("Konbini POS"),
                              tr("The local ledger could not be opened: %1").arg(opened.error().message));
        return false;
    }
    m_window = std::make_unique<ui::MainWindow>(*m_till, counter);
    connect(m_window.get(), &ui::MainWindow::settingsRequested, this, &TillLauncher::openSettings);
    m_window->show();
    emit windowShown(m_window.get());
    return true;
}

void TillLauncher::openSettings()
{
    auto *dialog = new ui::SettingsDialog(m_secrets, m_settings, m_network, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QMap<QString, QVariant> before = snapshotOf(m_qsettings);
    connect(dialog, &ui::SettingsDialog::saved, m_window.get(), [this, before](bool keyChanged) {
        QStringList changed = changedKeys(before, snapshotOf(m_qsettings));
        if (keyChanged)
            changed << QStringLiteral("stripe key (keychain)");
        m_till->clerks().recordSettingsChange(changed);
        m_till->retention().setRetentionDays(m_settings.retentionDays());
        ui::CounterSettings applied = m_window->counterSettings();
        applyStoreSettings(m_settings, applied);
        m_window->applyCounterSettings(applied);
        m_window->showInfo(keyChanged ? tr("The key was saved to the keychain. Restart Konbini POS to use it.")
                                      : tr("Settings saved and applied. The store name, terminal ID, language, API "
                                           "address and payment check interval take effect at the next start."));
    });
    dialog->open();
}

void TillLauncher::teardown()
{
    m_window.reset();
    m_till.reset();
    m_sandbox.reset();
}

} // namespace konbini
