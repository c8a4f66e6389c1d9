#include "MemorySecretStore.h"
#include "SandboxServer.h"
#include "SettingsDialog.h"
#include "StripeBackend.h"

#include <QCoreApplication>
#include <QFile>
#include <QLabel>
#include <QCheckBox>
#include <QApplication>
#include <QDialogButtonBox>
#include <QScopeGuard>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QWheelEvent>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace konbini;
using namespace konbini::test;

namespace {

// A keychain that is not there: every call answers NoService, as QtKeychain does without D-Bus.
class UnavailableSecretStore : public SecretStore
{
public:
    void read(Callback done) override { answer(done); }
    void write(const QString &, Callback done) override { answer(done); }
    void remove(Callback done) override { answer(done); }

private:
    static void answer(const Callback &done)
    {
        Outcome outcome;
        outcome.status = Outcome::Status::NoService;
        outcome.message = QStringLiteral("No keychain is available; until then the till runs on the sandbox.");
        QTimer::singleShot(0, [done, outcome] { done(outcome); });
    }
};

QByteArray fileContent(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void largeText_fitsTheScreenWithSave();
    void liveKey_needsExplicitConfirmation();
    void testKey_isStoredOnlyInTheKeychain();
    void noKeychain_saysSoAndStoresNothing();
    void plainHttpApiAddress_isRefused();
    void testConnection_neverSendsTheKeyOverHttp();
    void newTill_neverStoresThePlaceholderStoreName();
    void wheelOverAField_scrollsTheFormInsteadOfChangingIt();
    void privacySettings_areStored();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<TillSettings> m_settings;
    QNetworkAccessManager m_network;
};

void TestSettingsDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_qsettings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.conf")), QSettings::IniFormat);
    m_settings = std::make_unique<TillSettings>(*m_qsettings);
}

// Changed settings are written back when destroyed: before their folder is removed, or they make
// it again and it stays behind in /tmp.
void TestSettingsDialog::cleanup()
{
    m_settings.reset();
    m_qsettings.reset();
    m_dir.reset();
}

void TestSettingsDialog::wheelOverAField_scrollsTheFormInsteadOfChangingIt()
{
    MemorySecretStore secrets;
    ui::SettingsDialog dialog(secrets, *m_settings, m_network);
    dialog.resize(600, 300); // short: the form scrolls
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *retention = dialog.findChild<QSpinBox *>(QStringLiteral("retentionDaysField"));
    auto *scroll = dialog.findChild<QScrollArea *>(QStringLiteral("settingsScroll"));
    QVERIFY(retention && scroll);
    const int before = retention->value();
    const int scrolledBefore = scroll->verticalScrollBar()->value();
    const QPoint inside = retention->rect().center();
    QWheelEvent wheel(inside, retention->mapToGlobal(inside), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(retention, &wheel);
    QCOMPARE(retention->value(), before);
    QVERIFY(scroll->verticalScrollBar()->value() > scrolledBefore);
    // Once the clerk is in the field, the wheel is theirs.
    retention->setFocus();
    QTRY_VERIFY(retention->hasFocus());
    QWheelEvent again(inside, retention->mapToGlobal(inside), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(retention, &again);
    QCOMPARE(retention->value(), before - 1);
}

void TestSettingsDialog::privacySettings_areStored()
{
    MemorySecretStore secrets;
    QCOMPARE(m_settings->retentionDays(), 90);
    QVERIFY(!m_settings->returningCustomers());
    ui::SettingsDialog dialog(secrets, *m_settings, m_network);
    dialog.findChild<QSpinBox *>(QStringLiteral("retentionDaysField"))->setValue(30);
    dialog.findChild<QCheckBox *>(QStringLiteral("returningCustomersField"))->setChecked(true);
    QSignalSpy saved(&dialog, &ui::SettingsDialog::saved);
    dialog.save();
    QTRY_COMPARE(saved.count(), 1);
    QCOMPARE(m_settings->retentionDays(), 30);
    QVERIFY(m_settings->returningCustomers());
    m_qsettings->setValue(QStringLiteral("privacy/retention_days"), 0); // a hand-edited file
    QCOMPARE(m_settings->retentionDays(), 1);
}

void TestSettingsDialog::liveKey_needsExplicitConfirmation()
{
    MemorySecretStore secrets;
    ui::SettingsDialog dialog(secrets, *m_settings, m_network);
    int asked = 0;
    dialog.setLiveKeyConfirmation([&] {
        ++asked;
        return false;
    });
    dialog.findChild<QLineEdit *>(QStringLiteral("keyField"))->setText(QStringLiteral("sk_live_FAKE"));
    dialog.save();
    QCOMPARE(asked, 1);
    QCoreApplication::processEvents(); // a refused key is not written later either (stores answer next turn)
    QVERIFY(!secrets.hasSecret());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("statusLabel"))->text().contains(QStringLiteral("not saved")));

    dialog.setLiveKeyConfirmation([&] {
        ++asked;
        return true;
    });
    QSignalSpy saved(&dialog, &ui::SettingsDialog::saved);
    dialog.save();
    QTRY_COMPARE(saved.count(), 1);
    QCOMPARE(asked, 2);
    QVERIFY(secrets.hasSecret());
}

void TestSettingsDialog::testKey_isStoredOnlyInTheKeychain()
{
    MemorySecretStore secrets;
    ui::SettingsDialog dialog(secrets, *m_settings, m_network);
    dialog.setLiveKeyConfirmation([] {
        qFatal("a test key must not ask for live confirmation");
        return false;
    });
    auto *key = dialog.findChild<QLineEdit *>(QStringLiteral("keyField"));
    QCOMPARE(key->echoMode(), QLineEdit::Password);
    key->setText(QStringLiteral("sk_test_settings_dialog_key"));
    dialog.findChild<QLineEdit *>(QStringLiteral("storeNameField"))->setText(QStringLiteral("渋谷店"));
    QSignalSpy saved(&dialog, &ui::SettingsDialog::saved);
    dialog.save();
    QTRY_COMPARE(saved.count(), 1);
    QVERIFY(secrets.hasSecret());
    QVERIFY(key->text().isEmpty()); // not kept on screen either
    m_qsettings->sync();
    const QByteArray stored = fileContent(m_settings->fileName());
    QVERIFY(stored.contains("store"));
    QVERIFY(!stored.contains("sk_test"));
    QCOMPARE(m_settings->storeName(), QStringLiteral("渋谷店"));
}

void TestSettingsDialog::noKeychain_saysSoAndStoresNothing()
{
    UnavailableSecretStore secrets;
    ui::SettingsDialog dialog(secrets, *m_settings, m_network);
    dialog.findChild<QLineEdit *>(QStringLiteral("keyField"))->setText(QStringLiteral("sk_test_no_keychain_key"));
    dialog.save();
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("statusLabel"));
    QTRY_VERIFY(status->text().contains(QStringLiteral("keychain")));
    QVERIFY(dialog.result() != QDialog::Accepted);
    m_qsettings->sync();
    QVERIFY(!fileContent(m_settings->fileName()).contains("no_keychain_key"));
    QTRY_VERIFY(!dialog.findChild<QLabel *>(QStringLiteral("keyState"))->text().isEmpty());
}

void TestSettingsDialog::plainHttpApiAddress_isRefused()
{
    MemorySecretStore secrets;
    ui::SettingsDialog dialog(secrets, *m_settings, m_network);
    auto *base = dialog.findChild<QLineEdit *>(QStringLiteral("apiBaseField"));
    base->setText(QStringLiteral("http://stripe.example.com"));
    QSignalSpy saved(&dialog, &ui::SettingsDialog::saved);
    dialog.save();
    QCOMPARE(saved.count(), 0);
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("statusLabel"))->text().contains(QStringLiteral("https")));
    QVERIFY(!m_settings->setApiBaseUrl(QUrl(QStringLiteral("http://10.0.0.5:8080"))));
    // Not even to this computer: the stored key goes over https only.
    base->setText(QStringLiteral("http://127.0.0.1:12111"));
    dialog.save();
    QCOMPARE(saved.count(), 0);
    QVERIFY(!m_settings->setApiBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:12111"))));
    base->setText(QStringLiteral("https://stripe-proxy.example.jp"));
    dialog.save();
    QTRY_COMPARE(saved.count(), 1);
    QCOMPARE(m_settings->apiBaseUrl(), QUrl(QStringLiteral("https://stripe-proxy.example.jp")));
}

void TestSettingsDialog::testConnection_neverSendsTheKeyOverHttp()
{
    // The key typed here is about to be stored: testing it against a plain-http address (even a
    // sandbox on this computer) is refused before anything is sent.
    StripeBackend backend;
    KONBINI_REQUIRE_SANDBOX(backend);
    MemorySecretStore secrets;
    ui::SettingsDialog dialog(secrets, *m_settings, m_network);
    QSignalSpy received(backend.sandbox()->server(), &sandbox::SandboxServer::requestReceived);
    dialog.findChild<QLineEdit *>(QStringLiteral("apiBaseField"))->setText(backend.baseUrl().toString());
    dialog.findChild<QLineEdit *>(QStringLiteral("keyField"))->setText(backend.key());
    dialog.testConnection();
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("statusLabel"));
    QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(QStringLiteral("not secure")), qPrintable(status->text()), 10000);
    QCOMPARE(received.count(), 0);
}

void TestSettingsDialog::newTill_neverStoresThePlaceholderStoreName()
{
    MemorySecretStore secrets;
    QVERIFY(!m_settings->hasStoreName());
    {
        ui::SettingsDialog dialog(secrets, *m_settings, m_network);
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("storeNameField"))->text(), QString());
        dialog.save(); // saved untouched: still no name, so no slip prints a placeholder
    }
    QVERIFY(!m_settings->hasStoreName());
    ui::SettingsDialog dialog(secrets, *m_settings, m_network);
    dialog.findChild<QLineEdit *>(QStringLiteral("storeNameField"))->setText(QStringLiteral(" 渋谷店 "));
    dialog.findChild<QLineEdit *>(QStringLiteral("storePhoneField"))->setText(QStringLiteral("03-1234-5678"));
    QVERIFY(!m_settings->autoPrint());
    auto *autoPrint = dialog.findChild<QCheckBox *>(QStringLiteral("autoPrintField"));
    QVERIFY(!autoPrint->isChecked());
    autoPrint->setChecked(true);
    dialog.save();
    QVERIFY(m_settings->hasStoreName());
    QCOMPARE(m_settings->storeName(), QStringLiteral("渋谷店"));
    QCOMPARE(m_settings->storePhone(), QStringLiteral("03-1234-5678"));
    QVERIFY(m_settings->autoPrint());
    ui::SettingsDialog again(secrets, *m_settings, m_network);
    QVERIFY(again.findChild<QCheckBox *>(QStringLiteral("autoPrintField"))->isChecked());
}

void TestSettingsDialog::largeText_fitsTheScreenWithSave()
{
    // Text at 200 % (as 125 % scaling on a 768-pixel screen, and more): taller than the screen.
    const QFont before = QApplication::font();
    QFont large = before;
    large.setPointSizeF(before.pointSizeF() * 2);
    QApplication::setFont(large);
    const auto restore = qScopeGuard([&] { QApplication::setFont(before); });
    MemorySecretStore secrets;
    ui::SettingsDialog dialog(secrets, *m_settings, m_network);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QRect screen = dialog.screen()->availableGeometry();
    QVERIFY2(dialog.height() <= screen.height(), qPrintable(QString::number(dialog.height())));
    // Save and Cancel are in the dialog, in view; the settings scroll.
    for (QPushButton *button : dialog.findChild<QDialogButtonBox *>()->findChildren<QPushButton *>()) {
        const QRect at(button->mapTo(&dialog, QPoint()), button->size());
        QVERIFY2(dialog.rect().contains(at), qPrintable(button->text()));
    }
    QVERIFY(dialog.findChild<QScrollArea *>(QStringLiteral("settingsScroll"))->verticalScrollBar()->maximum() > 0);
}

QTEST_MAIN(TestSettingsDialog)
#include "TestSettingsDialog.moc"
