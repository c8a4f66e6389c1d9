// konbini-pos: wires the counter UI to the checkout engine. With a Stripe key in the OS keychain
// it talks to Stripe (test or live); without one, or without a keychain, to the built-in sandbox.
#include "LogMasking.h"
#include "PrivateFiles.h"
#include "MainWindow.h"
#include "SecretStore.h"
#include "StripeClient.h"
#include "TillLauncher.h"
#include "TillSettings.h"

#include <QApplication>
#include <QEvent>
#include <QTimer>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QStandardPaths>
#include <QTranslator>

#include <cstdio>
#include <cstring>
#include <functional>

using namespace konbini;

namespace {

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

// For start-up benchmarks (KONBINI_EXIT_AFTER_FIRST_PAINT): leave as soon as the window has
// painted — with the value "usable", once it has painted after the keychain's answer — without the
// orderly shutdown, whose time is not start-up's (konbini-bench-hello leaves the same way).
class FirstPaintExit : public QObject
{
public:
    FirstPaintExit(std::function<bool()> ready, QObject *parent) : QObject(parent), m_ready(std::move(ready)) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_ready()) {
            watched->removeEventFilter(this);
            QTimer::singleShot(0, [] {
                std::fflush(nullptr);
                std::_Exit(0);
            });
        }
        return false;
    }

private:
    std::function<bool()> m_ready;
};

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
    LaunchOptions options;
    options.dataDir = dataDir;
    options.externalSandbox = externalSandbox;
    options.forceSandbox = parser.isSet(sandboxOption);
    TillLauncher launcher(secrets, qsettings, settings, network, options);
    if (qEnvironmentVariableIsSet("KONBINI_EXIT_AFTER_FIRST_PAINT")) {
        const bool untilUsable = qgetenv("KONBINI_EXIT_AFTER_FIRST_PAINT") == "usable";
        QObject::connect(&launcher, &TillLauncher::windowShown, &launcher, [&launcher, untilUsable](QWidget *window) {
            window->installEventFilter(
                new FirstPaintExit([&launcher, untilUsable] { return !untilUsable || launcher.keyKnown(); }, window));
        });
    }
    QObject::connect(&launcher, &TillLauncher::failed, &app, [] { QApplication::exit(1); });
    if (!launcher.start())
        return 1;
    return app.exec();
}
