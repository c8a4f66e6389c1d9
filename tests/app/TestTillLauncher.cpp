// The launcher: the counter is on screen before the keychain answers, takes nothing until it has,
// and is built again when the keychain holds another kind of key than last time.
#include "CheckoutPage.h"
#include "MainWindow.h"
#include "SecretStore.h"
#include "Till.h"
#include "TillLauncher.h"
#include "TillSettings.h"

#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace konbini;

namespace {

// A keychain that answers when the test says so.
class SlowSecretStore : public SecretStore
{
public:
    void read(Callback done) override
    {
        ++reads;
        if (onRead)
            onRead();
        if (answerAtOnce) {
            done(*std::exchange(answerAtOnce, std::nullopt));
            return;
        }
        m_pending = std::move(done);
    }
    void write(const QString &, Callback done) override { done(Outcome{}); }
    void remove(Callback done) override { done(Outcome{}); }

    void answer(const Outcome &outcome)
    {
        QVERIFY(m_pending);
        Callback done = std::move(m_pending);
        m_pending = nullptr;
        done(outcome);
    }
    static Outcome found(const QString &key) { return Outcome{Outcome::Status::Ok, key, {}, {}}; }
    static Outcome notFound() { return Outcome{Outcome::Status::NotFound, {}, {}, {}}; }

    int reads = 0;
    std::function<void()> onRead;
    std::optional<Outcome> answerAtOnce;

private:
    Callback m_pending;
};

// Counts a widget's paint events.
class PaintCounter : public QObject
{
public:
    using QObject::QObject;
    int paints = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        paints += event->type() == QEvent::Paint;
        return false;
    }
};

QString bannerText(const ui::MainWindow &window)
{
    return window.findChild<QLabel *>(QStringLiteral("modeBanner"))->text();
}

} // namespace

class TestTillLauncher : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void counterIsShownBeforeTheKeychainAnswers_andTakesNothingUntilThen();
    void keyOfAnotherKind_buildsTheTillAgainForIt();
    void sameKindAsLastTime_keepsTheWindowAndGivesTheTillItsKey();
    void keychainProblem_isSaidAndTheSandboxIsUsed();
    void commandLineSandbox_needsNoKeychain();
    void keychainThatAnswersAtOnce_isHeardAfterTheWindowIsBuilt();
    void kindNeverSeen_buildsNothingBeforeTheKeychainAnswers();

private:
    std::unique_ptr<TillLauncher> launcher(bool forceSandbox = false);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<TillSettings> m_settings;
    QNetworkAccessManager m_network;
    SlowSecretStore m_secrets;
};

void TestTillLauncher::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_qsettings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("konbini-pos.conf")), QSettings::IniFormat);
    m_settings = std::make_unique<TillSettings>(*m_qsettings);
    m_settings->setStoreName(QStringLiteral("テスト店"));
    // Test and live tills talk to a port of this computer where nothing listens: never the internet.
    QVERIFY(m_settings->setApiBaseUrl(QUrl(QStringLiteral("https://127.0.0.1:9"))));
    m_secrets = SlowSecretStore();
}

void TestTillLauncher::cleanup()
{
    m_settings.reset();
    m_qsettings.reset();
    m_dir.reset();
}

std::unique_ptr<TillLauncher> TestTillLauncher::launcher(bool forceSandbox)
{
    LaunchOptions options;
    options.dataDir = m_dir->path();
    options.forceSandbox = forceSandbox;
    return std::make_unique<TillLauncher>(m_secrets, *m_qsettings, *m_settings, m_network, options);
}

void TestTillLauncher::counterIsShownBeforeTheKeychainAnswers_andTakesNothingUntilThen()
{
    m_settings->setLastKeyMode(KeyMode::None); // the sandbox, last time
    auto till = launcher();
    QSignalSpy shown(till.get(), &TillLauncher::windowShown);
    bool windowWhenAsked = true;
    m_secrets.onRead = [&] { windowWhenAsked = till->window() != nullptr; };
    QVERIFY(till->start());
    QCOMPARE(shown.count(), 1);
    ui::MainWindow *window = till->window();
    // The keychain is asked before the counter is built, which does not wait for its answer.
    QCOMPARE(m_secrets.reads, 1);
    QVERIFY(!windowWhenAsked);
    PaintCounter painted;
    window->installEventFilter(&painted);
    QTRY_VERIFY(painted.paints > 0);
    QVERIFY(window->isVisible());
    QVERIFY(window->waitingForKey());
    QVERIFY(!window->isEnabled());
    QVERIFY(!till->keyKnown());
    QVERIFY(bannerText(*window).contains(QStringLiteral("SANDBOX")));

    // Keys typed now reach nothing.
    auto *amount = window->checkoutPage()->findChild<QLineEdit *>(QStringLiteral("amountField"));
    QVERIFY(amount);
    QTest::keyClicks(amount, QStringLiteral("1500"));
    QTest::keyClick(amount, Qt::Key_Return);
    QVERIFY(amount->text().isEmpty());

    m_secrets.answer(SlowSecretStore::notFound());
    QVERIFY(till->keyKnown());
    QCOMPARE(till->window(), window); // the same window: the kind of key did not change
    QVERIFY(!window->waitingForKey());
    QVERIFY(window->isEnabled());
    QCOMPARE(shown.count(), 1);
    QCOMPARE(m_settings->lastKeyMode(), KeyMode::None);
}

void TestTillLauncher::keyOfAnotherKind_buildsTheTillAgainForIt()
{
    m_settings->setLastKeyMode(KeyMode::None);
    auto till = launcher();
    QVERIFY(till->start());
    QPointer<ui::MainWindow> first = till->window();
    QSignalSpy shown(till.get(), &TillLauncher::windowShown);

    m_secrets.answer(SlowSecretStore::found(QStringLiteral("sk_test_launcher_key")));
    QVERIFY(first.isNull());
    QCOMPARE(shown.count(), 1);
    ui::MainWindow *window = till->window();
    QVERIFY(window->isVisible() && window->isEnabled());
    QVERIFY(bannerText(*window).contains(QStringLiteral("TEST")));
    QVERIFY(till->till()->config().ledgerPath.endsWith(QStringLiteral("/ledger-test.sqlite")));
    QVERIFY(till->till()->hasApiKey());
    QCOMPARE(m_settings->lastKeyMode(), KeyMode::Test);
    // The key is in the keychain only: not in the settings file.
    m_qsettings->sync();
    QFile file(m_qsettings->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("sk_test_launcher_key"));
}

void TestTillLauncher::sameKindAsLastTime_keepsTheWindowAndGivesTheTillItsKey()
{
    m_settings->setLastKeyMode(KeyMode::Test);
    auto till = launcher();
    QVERIFY(till->start());
    ui::MainWindow *window = till->window();
    QVERIFY(bannerText(*window).contains(QStringLiteral("TEST")));
    QVERIFY(!till->till()->hasApiKey()); // nothing can be sent before the keychain answers
    QVERIFY(!window->isEnabled());

    m_secrets.answer(SlowSecretStore::found(QStringLiteral("sk_test_launcher_key")));
    QCOMPARE(till->window(), window);
    QVERIFY(till->till()->hasApiKey());
    QVERIFY(window->isEnabled());
}

void TestTillLauncher::keychainProblem_isSaidAndTheSandboxIsUsed()
{
    m_settings->setLastKeyMode(KeyMode::Live);
    auto till = launcher();
    QVERIFY(till->start());
    QVERIFY(bannerText(*till->window()).contains(QStringLiteral("LIVE")));

    SecretStore::Outcome noService;
    noService.status = SecretStore::Outcome::Status::NoService;
    noService.message = QStringLiteral("No keychain answered: <b>the built-in sandbox</b> is used.");
    m_secrets.answer(noService);
    ui::MainWindow *window = till->window();
    QVERIFY(bannerText(*window).contains(QStringLiteral("SANDBOX")));
    auto *notices = window->findChild<QLabel *>(QStringLiteral("notices"));
    QVERIFY(notices->isVisibleTo(window));
    QString said = notices->text();
    said.remove(QChar(0x2060)).replace(QChar(0x00a0), u' '); // the wrapping's word joiners
    QVERIFY2(said.contains(noService.message), qPrintable(said));
    QCOMPARE(notices->textFormat(), Qt::PlainText);
    QVERIFY(window->isEnabled());
    QCOMPARE(m_settings->lastKeyMode(), KeyMode::None);
}

void TestTillLauncher::commandLineSandbox_needsNoKeychain()
{
    m_settings->setLastKeyMode(KeyMode::Live);
    auto till = launcher(true);
    QVERIFY(till->start());
    QCOMPARE(m_secrets.reads, 0);
    QVERIFY(till->keyKnown());
    QVERIFY(till->window()->isEnabled());
    QVERIFY(bannerText(*till->window()).contains(QStringLiteral("SANDBOX")));
    QCOMPARE(m_settings->lastKeyMode(), KeyMode::Live); // a --sandbox run says nothing about the keychain
    QCOMPARE(m_secrets.reads, 0);
}

void TestTillLauncher::keychainThatAnswersAtOnce_isHeardAfterTheWindowIsBuilt()
{
    m_settings->setLastKeyMode(KeyMode::None);
    m_secrets.onRead = [this] { m_secrets.answerAtOnce = SlowSecretStore::found(QStringLiteral("sk_test_at_once")); };
    auto till = launcher();
    int windows = 0;
    connect(till.get(), &TillLauncher::windowShown, this, [&windows] { ++windows; });
    QVERIFY(till->start());
    QVERIFY(till->keyKnown());
    QVERIFY(till->window()->isEnabled());
    QVERIFY(bannerText(*till->window()).contains(QStringLiteral("TEST")));
    QVERIFY(till->till()->hasApiKey());
    QCOMPARE(windows, 2); // the sandbox's counter, then the test mode's
}

void TestTillLauncher::kindNeverSeen_buildsNothingBeforeTheKeychainAnswers()
{
    QVERIFY(!m_settings->lastKeyMode()); // a new till, or one from before the kind was kept
    auto till = launcher();
    int windows = 0;
    connect(till.get(), &TillLauncher::windowShown, this, [&windows] { ++windows; });
    QVERIFY(till->start());
    QCOMPARE(m_secrets.reads, 1);
    QVERIFY(!till->window());
    QVERIFY(!till->till());
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("ledger-sandbox.sqlite"))));

    m_secrets.answer(SlowSecretStore::found(QStringLiteral("sk_live_FAKE")));
    QCOMPARE(windows, 1);
    QVERIFY(bannerText(*till->window()).contains(QStringLiteral("LIVE")));
    QVERIFY(till->window()->isEnabled());
    QVERIFY(till->till()->hasApiKey());
    QCOMPARE(m_settings->lastKeyMode(), KeyMode::Live);
    // No sandbox was made on a live till.
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("ledger-sandbox.sqlite"))));
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("sandbox-state.sqlite"))));
}

QTEST_MAIN(TestTillLauncher)
#include "TestTillLauncher.moc"
