#include "LogMasking.h"
#include "MemorySecretStore.h"
#include "StripeBackend.h"
#include "Till.h"
#include "TillSettings.h"

#include <QDirIterator>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace konbini;
using namespace konbini::test;

namespace {

const QByteArray kTestKey = "sk_test_konbini_pos_tests"; // the key every integration test uses
const QByteArray kEmail = "hanako@example.jp";           // the test customer
const QList<QByteArray> kPhone{"090-1234-5678", "09012345678"};

QStringList leaksIn(const QString &path, const QList<QByteArray> &needles)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray content = file.readAll();
    QStringList found;
    for (const QByteArray &needle : needles) {
        if (content.contains(needle))
            found.append(QStringLiteral("%1 in %2").arg(QString::fromUtf8(needle), path));
    }
    return found;
}

} // namespace

// Registered to run after every other test: it runs a sale as the app would, with verbose
// logging to the app's log file, then searches the settings file, the log files, the ledger and
// the CTest log of the whole run for the test key and the test customer's e-mail and phone.
class TestNoSecretsLeak : public QObject
{
    Q_OBJECT

private slots:
    void nothingSensitiveIsWrittenWhereItShouldNotBe();
};

void TestNoSecretsLeak::nothingSensitiveIsWrittenWhereItShouldNotBe()
{
    QTemporaryDir dir;
    QLoggingCategory::setFilterRules(QStringLiteral("konbini.*.debug=true"));
    const QString logPath = dir.filePath(QStringLiteral("konbini-pos.log"));
    installFileLog(logPath);
    {
        QSettings qsettings(dir.filePath(QStringLiteral("konbini-pos.conf")), QSettings::IniFormat);
        TillSettings settings(qsettings);
        settings.setStoreName(QStringLiteral("渋谷店"));
        settings.setDefaultDescription(QStringLiteral("お弁当"));
        MemorySecretStore secrets;
        bool stored = false;
        secrets.write(QString::fromLatin1(kTestKey),
                      [&](const SecretStore::Outcome &outcome) { stored = outcome.ok(); });
        QTRY_VERIFY(stored);

        StripeBackend backend;
        QNetworkAccessManager network;
        TillConfig config;
        config.baseUrl = backend.baseUrl();
        config.sandbox = backend.baseUrl().scheme() == u"http";
        config.apiKey = QString::fromLatin1(kTestKey);
        config.ledgerPath = dir.filePath(QStringLiteral("ledger.sqlite"));
        config.terminal = {settings.storeName(), settings.terminalId()};
        config.extraHeaders = {{"X-Sandbox-Fault", "503,count=1"}}; // a retry, so retries are logged too
        Till till(network, config);
        QVERIFY(till.open().ok());
        CheckoutEngine &engine = till.engine();
        CheckoutRequest sale;
        sale.amountYen = 1500;
        sale.customerName = QStringLiteral("山田 花子");
        sale.email = QString::fromLatin1(kEmail);
        sale.phone = QString::fromLatin1(kPhone.first());
        std::optional<CheckoutOutcome> outcome;
        engine.issueVoucher(sale, [&](const CheckoutOutcome &o) { outcome = o; });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 20000);
        QVERIFY(outcome->ok());
        // A rejected number and an invalid e-mail: error paths log too.
        sale.phone = QStringLiteral("01234567890");
        outcome.reset();
        engine.issueVoucher(sale, [&](const CheckoutOutcome &o) { outcome = o; });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 20000);
        qsettings.sync();
    }
    qInstallMessageHandler(nullptr);

    QStringList leaks;
    const QList<QByteArray> everything = QList<QByteArray>{kTestKey, kEmail} + kPhone;
    leaks += leaksIn(dir.filePath(QStringLiteral("konbini-pos.conf")), everything);
    QDirIterator logs(dir.path(), {QStringLiteral("konbini-pos.log*")}, QDir::Files);
    int logFiles = 0;
    while (logs.hasNext()) {
        leaks += leaksIn(logs.next(), everything);
        ++logFiles;
    }
    QVERIFY(logFiles > 0);
    QFile log(logPath);
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY2(log.readAll().contains("konbini.stripe"), "the sale was logged");
    // The ledger holds the customer's details by design (the merchant looks vouchers up by
    // e-mail and phone); the key must never be there.
    for (const QString &file : QDir(dir.path()).entryList({QStringLiteral("ledger.sqlite*")}, QDir::Files))
        leaks += leaksIn(dir.filePath(file), {kTestKey});
    // The whole suite's output so far.
    const QString ctestLog = QStringLiteral(KONBINI_BINARY_DIR "/Testing/Temporary/LastTest.log");
    if (QFile::exists(ctestLog))
        leaks += leaksIn(ctestLog, everything);
    else
        qWarning("no CTest log at %s (run through ctest to check it too)", qPrintable(ctestLog));
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestNoSecretsLeak)
#include "TestNoSecretsLeak.moc"
