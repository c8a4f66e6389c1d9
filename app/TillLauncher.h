#pragma once

#include "ApiKeyProvider.h"
#include "SecretStore.h"

#include <QObject>
#include <QSettings>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace konbini {
class Till;
class TillSettings;
namespace sandbox {
class SandboxServer;
}
namespace ui {
class MainWindow;
}

// Where the till talks to, as the command line says.
struct LaunchOptions {
    QString dataDir;         // the ledgers, the embedded sandbox's state, the log
    QUrl externalSandbox;    // --api-base: a sandbox on this computer; empty: none
    bool forceSandbox = false; // --sandbox: the embedded sandbox even with a key stored
};

// Starts the till and its window. The keychain is asked first, and the counter shown without
// waiting for its answer, built for the kind of key the keychain held last time (sandbox, test or
// live: never the key itself); the answer then gives the key, or, when its kind changed, the till
// is built again for the new kind. Until the answer the window takes no input and nothing reaches
// Stripe.
// Destroys the window first, then the till (requests in flight are resumed at the next start),
// then the embedded sandbox.
class TillLauncher : public QObject
{
    Q_OBJECT

public:
    TillLauncher(SecretStore &secrets, QSettings &qsettings, TillSettings &settings, QNetworkAccessManager &network,
                 LaunchOptions options);
    ~TillLauncher() override;

    // False (the reason shown to the user) when the sandbox or the ledger could not be opened.
    // On a till whose kind of key is not known yet, the window comes with the keychain's answer.
    bool start();

    ui::MainWindow *window() const { return m_window.get(); }
    Till *till() const { return m_till.get(); }
    // The keychain has answered (or was not needed) and the till runs.
    bool keyKnown() const { return m_keyKnown; }

signals:
    // A window was shown: the first, or one built again for another kind of key.
    void windowShown(ui::MainWindow *window);
    // The sandbox or ledger of a till built again could not be opened (the reason was shown).
    void failed();

private:
    bool launch(KeyMode mode, const QString &stripeKey);
    void keyRead(const SecretStore::Outcome &outcome);
    void teardown();
    void openSettings();

    SecretStore &m_secrets;
    QSettings &m_qsettings;
    TillSettings &m_settings;
    QNetworkAccessManager &m_network;
    LaunchOptions m_options;
    KeyMode m_mode = KeyMode::None;
    bool m_keyKnown = false;
    bool m_building = false;
    std::optional<SecretStore::Outcome> m_earlyAnswer;
    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
    std::unique_ptr<Till> m_till;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace konbini
