// konbini-pos: wires the counter UI to the checkout engine and, without a Stripe key, to the
// embedded sandbox.
#include "CheckoutEngine.h"
#include "EventSync.h"
#include "MainWindow.h"
#include "SandboxServer.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>
#include <QTranslator>

#include <cstdio>
#include <memory>

using namespace konbini;

namespace {

// The key the embedded or a standalone sandbox accepts; it can never reach Stripe (sandbox
// keys work only against loopback sandboxes, which Stripe's servers are not).
const QString kSandboxKey = QStringLiteral("sk_test_konbini_pos_sandbox");

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

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("konbini-pos"));
    QApplication::setOrganizationName(QStringLiteral("KonbiniPOS"));
    QApplication::setApplicationVersion(QStringLiteral(KONBINI_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Konbini POS: Konbini payments at the counter, through Stripe."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandboxOption(QStringLiteral("sandbox"), QStringLiteral("Use the embedded Stripe sandbox (the default without a key)."));
    const QCommandLineOption apiBaseOption(QStringLiteral("api-base"), QStringLiteral("Talk to this Stripe-compatible server instead (https, or http on loopback)."),
                                           QStringLiteral("url"));
    const QCommandLineOption languageOption(QStringLiteral("lang"), QStringLiteral("User interface language: ja or en (default: the system's)."),
                                            QStringLiteral("ja|en"));
    parser.addOptions({sandboxOption, apiBaseOption, languageOption});
    parser.process(app);

    QString language = parser.value(languageOption);
    if (language.isEmpty())
        language = QLocale::system().language() == QLocale::Japanese ? QStringLiteral("ja") : QStringLiteral("en");
    if (language != u"ja" && language != u"en") {
        std::fprintf(stderr, "konbini-pos: --lang takes ja or en\n");
        return 2;
    }
    QLocale::setDefault(QLocale(language == u"ja" ? QLocale::Japanese : QLocale::English, language == u"ja" ? QLocale::Japan : QLocale::UnitedStates));
    installTranslators(app, language);

    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dataDir);
    QSettings settings;
    ui::CounterSettings counter;
    counter.storeName = settings.value(QStringLiteral("store/name"), QObject::tr("My store")).toString();
    counter.defaultDescription = settings.value(QStringLiteral("store/default_description")).toString();
    const QString terminal = settings.value(QStringLiteral("store/terminal"), QStringLiteral("till-1")).toString();

    // Keys live only in the OS keychain (the settings issue); until one is configured the till
    // runs on the embedded sandbox, or on the sandbox given with --api-base.
    std::unique_ptr<sandbox::SandboxServer> embedded;
    QUrl baseUrl;
    QString ledgerName;
    if (parser.isSet(apiBaseOption)) {
        baseUrl = QUrl(parser.value(apiBaseOption));
        if (!StripeClient::isAllowedBaseUrl(baseUrl)) {
            std::fprintf(stderr, "konbini-pos: --api-base must be https, or http to this computer (127.0.0.1, ::1, localhost)\n");
            return 2;
        }
        counter.mode = ui::StripeMode::Sandbox;
        counter.modeDetail = QObject::tr("Sandbox at %1").arg(baseUrl.toDisplayString());
        ledgerName = QStringLiteral("ledger-external-sandbox.sqlite");
    } else {
        embedded = std::make_unique<sandbox::SandboxServer>(sandbox::SandboxOptions{dataDir + QStringLiteral("/sandbox-state.sqlite")});
        QString error;
        if (!embedded->start(error)) {
            QMessageBox::critical(nullptr, QObject::tr("Konbini POS"), QObject::tr("The built-in sandbox could not start: %1").arg(error));
            return 1;
        }
        baseUrl = embedded->baseUrl();
        counter.mode = ui::StripeMode::Sandbox;
        counter.modeDetail = QObject::tr("Built-in sandbox (no Stripe account needed); its data is kept in %1").arg(QDir::toNativeSeparators(dataDir));
        ledgerName = QStringLiteral("ledger-sandbox.sqlite");
    }

    Ledger ledger(dataDir + u'/' + ledgerName);
    QString ledgerError;
    if (!ledger.open(ledgerError)) {
        QMessageBox::critical(nullptr, QObject::tr("Konbini POS"), QObject::tr("The local ledger could not be opened: %1").arg(ledgerError));
        return 1;
    }
    QNetworkAccessManager network;
    FixedKeyProvider key(kSandboxKey);
    StripeClientConfig config;
    config.baseUrl = baseUrl;
    StripeClient client(network, key, config);
    StripeApi api(client);
    CheckoutEngine engine(api, ledger, TerminalIdentity{counter.storeName, terminal});
    EventSync sync(api, ledger, EventSync::Settings{});

    ui::MainWindow window(engine, counter);
    window.show();
    engine.resumeUnfinished({});
    sync.start();
    return app.exec();
}
