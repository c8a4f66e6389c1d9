// konbini-pos: wires the counter UI to the checkout engine. With a Stripe key in the OS keychain
// it talks to Stripe (test or live); without one, or without a keychain, to the built-in sandbox.
#include "LogMasking.h"
#include "PrivateFiles.h"
#include "MainWindow.h"
#include "SandboxServer.h"
#include "SecretStore.h"
#include "SettingsDialog.h"
#include "Till.h"
#include "TillSettings.h"

#include <QApplication>
#include <QEvent>
#include <QTimer>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QStandardPaths>
#include <QTranslator>
#include <QUuid>

#include <cstdio>
#include <cstring>
#include <memory>

using namespace konbini;
using namespace std::chrono_literals;

Q_LOGGING_CATEGORY(lcApp, "konbini.app", QtInfoMsg)

namespace {

// The key the embedded or a standalone sandbox accepts. It is not a secret: sandbox keys only
// work against a sandbox on this computer, and a live key is never sent to a sandbox.
const QString kSandboxKey = QStringLiteral("sk_test_konbini_pos_sandbox");

// The embedded sandbox's key, made anew at every launch and known only to this till: no other
// process on the computer can use (or kill) the sandbox inside it.
QString embeddedSandboxKey()
{
    return QStringLiteral("sk_test_embedded_") + QUuid::createUuid().toString(QUuid::Id128);
}

void installTranslators(QApplication &app, const QString &language)
{
    if (language != u"ja")
        return;
    auto *own = new QTranslator(&app);
    if (own->load(QStringLiteral(":/i18n/konbini_ja.qm")))
        QApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_ja"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

// What runs once the mode is known: the embedded sandbox (if any), the till, its window. Destroyed
// window first, then the till (its requests in flight are abandoned and resumed at the next start),
// then the sandbox.
struct Running {
    std::unique_ptr<sandbox::SandboxServer> sandbox;
    std::unique_ptr<Till> till;
    std::unique_ptr<ui::MainWindow> window;
};

// For start-up benchmarks (KONBINI_EXIT_AFTER_FIRST_PAINT): quit once the window has painted.
class FirstPaintExit : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            watched->removeEventFilter(this);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return false;
    }
};

void exitAfterFirstPaint(QWidget *window)
{
    window->installEventFilter(new FirstPaintExit(window));
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

int main(int argc, char *argv[])
{
    // Answered before the GUI starts, so they work without a display (packaging checks, scripts).
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("konbini-pos %s\n", KONBINI_VERSION);
            return 0;
        }
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("konbini-pos"));
    QApplication::setOrganizationName(QStringLiteral("KonbiniPOS"));
    QApplication::setApplicationVersion(QStringLiteral(KONBINI_VERSION));
    QNetworkProxyFactory::setUseSystemConfiguration(true);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Konbini POS: Konbini payments at the counter, through Stripe."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandboxOption(QStringLiteral("sandbox"),
                                           QStringLiteral("Use the built-in Stripe sandbox even if a key is stored."));
    const QCommandLineOption apiBaseOption(QStringLiteral("api-base"),
                                           QStringLiteral("Use the sandbox at this address (http on this computer)."),
                                           QStringLiteral("url"));
    const QCommandLineOption languageOption(
        QStringLiteral("lang"),
        QStringLiteral("User interface language: ja or en (default: settings, then the system's)."),
        QStringLiteral("ja|en"));
    parser.addOptions({sandboxOption, apiBaseOption, languageOption});
    parser.process(app);

    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!makePrivateDirectory(dataDir))
        std::fprintf(stderr, "konbini-pos: cannot make %s owner-only\n", qPrintable(dataDir));
    installFileLog(dataDir + QStringLiteral("/konbini-pos.log"));
    QSettings qsettings;
    TillSettings settings(qsettings);

    QString language = parser.value(languageOption);
    if (language.isEmpty())
        language = settings.language();
    if (language.isEmpty())
        language = QLocale::system().language() == QLocale::Japanese ? QStringLiteral("ja") : QStringLiteral("en");
    if (language != u"ja" && language != u"en") {
        std::fprintf(stderr, "konbini-pos: --lang takes ja or en\n");
        return 2;
    }
    QLocale::setDefault(language == u"ja" ? QLocale(QLocale::Japanese, QLocale::Japan)
                                          : QLocale(QLocale::English, QLocale::UnitedStates));
    installTranslators(app, language);

    QUrl externalSandbox;
    if (parser.isSet(apiBaseOption)) {
        externalSandbox = QUrl(parser.value(apiBaseOption));
        if (!StripeClient::isAllowedBaseUrl(externalSandbox) || externalSandbox.scheme() != u"http") {
            std::fprintf(stderr, "konbini-pos: --api-base takes a sandbox on this computer (http://127.0.0.1:PORT)\n");
            return 2;
        }
    }

    QNetworkAccessManager network;
    KeychainSecretStore secrets;
    Running running;

    const auto launch = [&](const QString &stripeKey, const QString &notice) {
        ui::CounterSettings counter;
        applyStoreSettings(settings, counter);
        QUrl baseUrl;
        QString apiKey = kSandboxKey;
        QString ledgerName;
        const KeyMode keyMode = keyModeOf(stripeKey);
        if (!externalSandbox.isEmpty()) {
            baseUrl = externalSandbox;
            counter.mode = ui::StripeMode::Sandbox;
            counter.modeDetail = QObject::tr("Sandbox at %1").arg(baseUrl.toDisplayString());
            ledgerName = QStringLiteral("ledger-external-sandbox.sqlite");
        } else if (keyMode == KeyMode::None || parser.isSet(sandboxOption)) {
            sandbox::SandboxOptions options;
            options.statePath = dataDir + QStringLiteral("/sandbox-state.sqlite");
            options.requiredKey = embeddedSandboxKey();
            options.checkHost = true;
            apiKey = options.requiredKey;
            running.sandbox = std::make_unique<sandbox::SandboxServer>(options);
            QString error;
            if (!running.sandbox->start(error)) {
                QMessageBox::critical(nullptr, QObject::tr("Konbini POS"),
                                      QObject::tr("The built-in sandbox could not start: %1").arg(error));
                QApplication::exit(1);
                return;
            }
            baseUrl = running.sandbox->baseUrl();
            counter.mode = ui::StripeMode::Sandbox;
            counter.modeDetail = QObject::tr("Built-in sandbox (no Stripe account needed); its data is kept in %1")
                                     .arg(QDir::toNativeSeparators(dataDir));
            ledgerName = QStringLiteral("ledger-sandbox.sqlite");
        } else {
            baseUrl = settings.apiBaseUrl().isEmpty() ? QUrl(QStringLiteral("https://api.stripe.com"))
                                                      : settings.apiBaseUrl();
            apiKey = stripeKey;
            counter.mode = keyMode == KeyMode::Live ? ui::StripeMode::Live : ui::StripeMode::Test;
            ledgerName =
                keyMode == KeyMode::Live ? QStringLiteral("ledger-live.sqlite") : QStringLiteral("ledger-test.sqlite");
        }

        TillConfig config;
        config.sandbox = counter.mode == ui::StripeMode::Sandbox; // plain http only to a sandbox, with its key
        config.baseUrl = baseUrl;
        config.apiKey = apiKey;
        config.ledgerPath = dataDir + u'/' + ledgerName;
        config.terminal = TerminalIdentity{counter.storeName, settings.terminalId()};
        config.sync.interval = std::chrono::seconds(settings.pollIntervalSeconds());
        config.retentionDays = settings.retentionDays();
        running.till = std::make_unique<Till>(network, config);
        if (const LedgerStatus opened = running.till->open(); !opened) {
            QMessageBox::critical(nullptr, QObject::tr("Konbini POS"),
                                  QObject::tr("The local ledger could not be opened: %1").arg(opened.error().message));
            QApplication::exit(1);
            return;
        }
        running.window = std::make_unique<ui::MainWindow>(*running.till, counter);
        if (!notice.isEmpty())
            running.window->showNotice(notice);
        QObject::connect(running.window.get(), &ui::MainWindow::settingsRequested, running.window.get(), [&] {
            auto *dialog = new ui::SettingsDialog(secrets, settings, network, running.window.get());
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            const QMap<QString, QVariant> before = snapshotOf(qsettings);
            QObject::connect(dialog, &ui::SettingsDialog::saved, running.window.get(), [&, before](bool keyChanged) {
                QStringList changed = changedKeys(before, snapshotOf(qsettings));
                if (keyChanged)
                    changed << QStringLiteral("stripe key (keychain)");
                running.till->clerks().recordSettingsChange(changed);
                running.till->retention().setRetentionDays(settings.retentionDays());
                ui::CounterSettings applied = running.window->counterSettings();
                applyStoreSettings(settings, applied);
                running.window->applyCounterSettings(applied);
                running.window->showInfo(
                    keyChanged ? QObject::tr("The key was saved to the keychain. Restart Konbini POS to use it.")
                               : QObject::tr("Settings saved and applied. The store name, terminal ID, language, API "
                                             "address and payment check interval take effect at the next start."));
            });
            dialog->open();
        });
        running.window->show();
        if (qEnvironmentVariableIsSet("KONBINI_EXIT_AFTER_FIRST_PAINT"))
            exitAfterFirstPaint(running.window.get());
        running.till->start();
    };

    if (!externalSandbox.isEmpty() || parser.isSet(sandboxOption)) {
        launch(QString(), QString());
    } else {
        // The key is read from the keychain asynchronously; the window appears once it is known.
        secrets.read([&](const SecretStore::Outcome &outcome) {
            qCInfo(lcApp) << "keychain read:" << int(outcome.status) << outcome.details;
            const bool problem = !outcome.ok() && outcome.status != SecretStore::Outcome::Status::NotFound;
            launch(outcome.ok() ? outcome.secret : QString(), problem ? outcome.message : QString());
        });
    }
    return app.exec();
}
