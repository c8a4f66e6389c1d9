#include "DesktopNotifier.h"
#include "MainWindow.h"
#include "SampleSales.h"
#include "StripeBackend.h"
#include "TillHarness.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace konbini::ui;

namespace {

// A notification service on the session bus, as a desktop runs one; on its own connection, so
// every call really crosses the bus.
class FakeNotifications : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Shown {
        uint replaces = 0;
        QString summary;
        QString body;
        QVariantMap hints;
        int expires = -1;
    };
    QStringList capabilities{QStringLiteral("body")};
    QList<Shown> shown;
    QList<uint> closed;
    uint lastId = 0;

public slots:
    QStringList GetCapabilities() { return capabilities; }
    uint Notify(const QString &, uint replacesId, const QString &, const QString &summary, const QString &body,
                const QStringList &, const QVariantMap &hints, int expireTimeout)
    {
        shown.append({replacesId, summary, body, hints, expireTimeout});
        if (replacesId == 0)
            lastId += 10;
        return replacesId ? replacesId : lastId;
    }
    void CloseNotification(uint id) { closed.append(id); }

signals:
    void ActionInvoked(uint id, const QString &actionKey);
};

} // namespace

class TestDesktopNotifier : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void payments_updateOneNotificationThatStaysUntilWithdrawn();
    void markupService_getsNamesEscaped();
    void click_asksForTheWindow();
    void noService_isQuiet();
    void mainWindow_notifiesPaymentsWhileNotInFront();

private:
    QDBusConnection serviceBus() { return QDBusConnection(QStringLiteral("fake-notifications")); }
    FakeNotifications *m_service = nullptr;
};

void TestDesktopNotifier::init()
{
    if (!QDBusConnection::sessionBus().isConnected())
        QSKIP("needs a session bus (run through tests/support/with-session-bus.sh)");
    QDBusConnection bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("fake-notifications"));
    m_service = new FakeNotifications;
    QVERIFY(bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), m_service,
                               QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
    QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.Notifications")));
}

void TestDesktopNotifier::cleanup()
{
    QDBusConnection bus = serviceBus();
    bus.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
    bus.unregisterObject(QStringLiteral("/org/freedesktop/Notifications"));
    QDBusConnection::disconnectFromBus(QStringLiteral("fake-notifications"));
    delete m_service;
    m_service = nullptr;
}

void TestDesktopNotifier::payments_updateOneNotificationThatStaysUntilWithdrawn()
{
    DesktopNotifier notifier;
    notifier.show(QStringLiteral("1 payment"), QStringLiteral("¥12,000 山田 花子"));
    QTRY_COMPARE(m_service->shown.size(), 1);
    QCOMPARE(m_service->shown[0].replaces, 0u);
    QCOMPARE(m_service->shown[0].summary, QStringLiteral("1 payment"));
    QCOMPARE(m_service->shown[0].body, QStringLiteral("¥12,000 山田 花子"));
    QCOMPARE(m_service->shown[0].expires, 0); // never expires by itself
    QCOMPARE(m_service->shown[0].hints.value(QStringLiteral("urgency")).toInt(), 2);
    const uint id = m_service->lastId;

    // The next payment updates the same notification (its count), it does not pile up or vanish.
    notifier.show(QStringLiteral("2 payments"), QStringLiteral("¥3,000 佐藤 太郎"));
    QTRY_COMPARE(m_service->shown.size(), 2);
    QCOMPARE(m_service->shown[1].replaces, id);
    QCOMPARE(m_service->shown[1].summary, QStringLiteral("2 payments"));

    notifier.withdraw();
    QTRY_COMPARE(m_service->closed, QList<uint>{id});
    // After it was withdrawn, the next payment is a new notification.
    notifier.show(QStringLiteral("1 payment"), QStringLiteral("¥500"));
    QTRY_COMPARE(m_service->shown.size(), 3);
    QCOMPARE(m_service->shown[2].replaces, 0u);
}

void TestDesktopNotifier::markupService_getsNamesEscaped()
{
    m_service->capabilities << QStringLiteral("body-markup");
    DesktopNotifier notifier;
    notifier.show(QStringLiteral("1 payment"), QStringLiteral("¥1,000 <b>Bold</b> & <a href=\"x\">co</a>"));
    QTRY_COMPARE(m_service->shown.size(), 1);
    QCOMPARE(m_service->shown[0].body,
             QStringLiteral("¥1,000 &lt;b&gt;Bold&lt;/b&gt; &amp; &lt;a href=&quot;x&quot;&gt;co&lt;/a&gt;"));
}

void TestDesktopNotifier::click_asksForTheWindow()
{
    DesktopNotifier notifier;
    QSignalSpy activated(&notifier, &DesktopNotifier::activated);
    notifier.show(QStringLiteral("1 payment"), QStringLiteral("¥1,000"));
    QTRY_COMPARE(m_service->shown.size(), 1);
    const uint id = m_service->lastId;
    // Another application's notification clicked: not ours.
    emit m_service->ActionInvoked(id + 1, QStringLiteral("default"));
    emit m_service->ActionInvoked(id, QStringLiteral("default"));
    // Delivered in order: once ours arrived, the other one was already there, and ignored.
    QTRY_COMPARE(activated.count(), 1);
}

void TestDesktopNotifier::noService_isQuiet()
{
    cleanup(); // the service leaves the bus
    DesktopNotifier notifier;
    QSignalSpy unavailable(&notifier, &DesktopNotifier::unavailable);
    notifier.show(QStringLiteral("1 payment"), QStringLiteral("¥1,000"));
    notifier.withdraw();
    QTRY_COMPARE(unavailable.count(), 1);
    // A service that starts later is used with the next payment.
    init();
    notifier.show(QStringLiteral("1 payment"), QStringLiteral("¥2,000"));
    QTRY_COMPARE(m_service->shown.size(), 1);
    QCOMPARE(m_service->shown[0].body, QStringLiteral("¥2,000"));
}

void TestDesktopNotifier::mainWindow_notifiesPaymentsWhileNotInFront()
{
    konbini::test::StripeBackend backend;
    KONBINI_REQUIRE_SANDBOX(backend);
    QTemporaryDir dir;
    konbini::test::TillHarness till(backend, dir.filePath(QStringLiteral("ledger.sqlite")));
    konbini::CheckoutRequest sale = konbini::test::sampleSale();
    sale.customerName = QStringLiteral("山田 花子");
    sale.amountYen = 12000;
    const konbini::CheckoutOutcome first = till.issue(sale);
    QVERIFY(first.ok());
    sale.amountYen = 3000;
    const konbini::CheckoutOutcome second = till.issue(sale);
    QVERIFY(second.ok());

    MainWindow window(till.till(), {});
    QVERIFY(!window.isActiveWindow()); // another application is in front
    till.till().paidInbox().add(first.value().voucherId);
    QTRY_COMPARE(m_service->shown.size(), 1);
    QVERIFY2(m_service->shown[0].body.contains(QStringLiteral("¥12,000")), qPrintable(m_service->shown[0].body));
    QVERIFY(m_service->shown[0].body.contains(QStringLiteral("山田 花子")));
    QVERIFY(m_service->shown[0].summary.contains(u'1'));
    till.till().paidInbox().add(second.value().voucherId);
    QTRY_COMPARE(m_service->shown.size(), 2);
    QCOMPARE(m_service->shown[1].replaces, m_service->lastId); // the same notification, counting two
    QVERIFY(m_service->shown[1].summary.contains(u'2'));
    QVERIFY(m_service->shown[1].body.contains(QStringLiteral("¥3,000")));
}

QTEST_MAIN(TestDesktopNotifier)
#include "TestDesktopNotifier.moc"
