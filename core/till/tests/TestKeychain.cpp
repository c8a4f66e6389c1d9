#include "SecretStore.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

#include <optional>

using namespace konbini;

namespace {

SecretStore::Outcome run(const std::function<void(SecretStore::Callback)> &start)
{
    std::optional<SecretStore::Outcome> outcome;
    start([&](const SecretStore::Outcome &o) { outcome = o; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 20000))
        qFatal("the keychain did not answer");
    return *outcome;
}

const QString kKey = QStringLiteral("sk_test_keychain_round_trip_0123456789");

// Whether any file under HOME (where a plaintext fallback would write) holds the key.
bool keyWrittenInPlaintext()
{
    QDirIterator files(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.size() < 10'000'000 && file.open(QIODevice::ReadOnly) && file.readAll().contains(kKey.toUtf8()))
            return true;
    }
    return false;
}

} // namespace

// Against a real Secret Service: tests/support/with-keyring.sh runs this under dbus-run-session
// with gnome-keyring-daemon. The second registration runs with no D-Bus at all.
class TestKeychain : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void noService_isPlainErrorAndNothingStored();
};

void TestKeychain::roundTrip()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("needs a session bus with a Secret Service (run through tests/support/with-keyring.sh)");
    KeychainSecretStore store(QStringLiteral("konbini-pos-test"));
    run([&](auto done) { store.remove(done); });
    QCOMPARE(run([&](auto done) { store.read(done); }).status, SecretStore::Outcome::Status::NotFound);
    QVERIFY(run([&](auto done) { store.write(kKey, done); }).ok());
    const SecretStore::Outcome read = run([&](auto done) { store.read(done); });
    QVERIFY2(read.ok(), qPrintable(read.message));
    QCOMPARE(read.secret, kKey);
    QVERIFY(run([&](auto done) { store.write(QStringLiteral("rk_live_repl"), done); }).ok());
    QCOMPARE(run([&](auto done) { store.read(done); }).secret, QStringLiteral("rk_live_repl"));
    QVERIFY(run([&](auto done) { store.remove(done); }).ok());
    QCOMPARE(run([&](auto done) { store.read(done); }).status, SecretStore::Outcome::Status::NotFound);
    QVERIFY(!keyWrittenInPlaintext());
}

void TestKeychain::noService_isPlainErrorAndNothingStored()
{
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("runs without a session bus (the TestKeychainWithoutService registration)");
    KeychainSecretStore store(QStringLiteral("konbini-pos-test"));
    const SecretStore::Outcome written = run([&](auto done) { store.write(kKey, done); });
    QCOMPARE(written.status, SecretStore::Outcome::Status::NoService);
    QVERIFY(written.message.contains(QStringLiteral("keychain")));
    QVERIFY(written.message.contains(QStringLiteral("sandbox")));
    QCOMPARE(run([&](auto done) { store.read(done); }).status, SecretStore::Outcome::Status::NoService);
    QVERIFY(!keyWrittenInPlaintext());
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "TestKeychain.moc"
