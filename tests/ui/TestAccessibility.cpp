// Every control a clerk can operate has a name for assistive technology (screen readers read
// it over AT-SPI): the test walks the QAccessibleInterface tree of each window, page and dialog
// and fails on any interactive control without one.
#include "DayReportDialog.h"
#include "MainWindow.h"
#include "MemorySecretStore.h"
#include "PaidInboxPage.h"
#include "SettingsDialog.h"
#include "StripeBackend.h"
#include "TillHarness.h"
#include "VoucherDialog.h"
#include "VouchersPage.h"

#include <QAccessible>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace konbini;
using namespace konbini::test;

namespace {

bool isInteractive(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::ComboBox:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::PushButton:
    case QAccessible::Table:
    case QAccessible::List:
    case QAccessible::Slider:
    case QAccessible::ButtonMenu:
        return true;
    default:
        return false;
    }
}

// "role 'text' (objectName)" for each visible interactive control without a name.
void collectNameless(QAccessibleInterface *node, QStringList &nameless, int depth = 0)
{
    if (!node || depth > 40)
        return;
    const QAccessible::State state = node->state();
    if (state.invisible)
        return;
    if (isInteractive(node->role()) && node->text(QAccessible::Name).trimmed().isEmpty()) {
        QObject *object = node->object();
        nameless.append(QStringLiteral("%1 %2 (%3)")
                            .arg(QString::number(node->role(), 16),
                                 object ? QString::fromLatin1(object->metaObject()->className()) : QString(),
                                 object ? object->objectName() : QString()));
    }
    for (int i = 0; i < node->childCount(); ++i)
        collectNameless(node->child(i), nameless, depth + 1);
}

QStringList namelessIn(QWidget *window)
{
    QStringList nameless;
    collectNameless(QAccessible::queryAccessibleInterface(window), nameless);
    return nameless;
}

Voucher sampleVoucher()
{
    Voucher voucher;
    voucher.voucherId = 1;
    voucher.amountYen = 1500;
    voucher.confirmationNumber = QStringLiteral("09012345678");
    voucher.expiresAt = 1'800'000'000;
    voucher.hostedVoucherUrl = QStringLiteral("http://127.0.0.1:1/konbini/voucher/test_x");
    voucher.stores = {{QStringLiteral("lawson"), QStringLiteral("LW1234567890"), voucher.confirmationNumber}};
    return voucher;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private slots:
    void everyControl_hasAName();
};

void TestAccessibility::everyControl_hasAName()
{
    QAccessible::setActive(true);
    StripeBackend backend;
    QTemporaryDir dir;
    TillHarness harness(backend, dir.filePath(QStringLiteral("a11y.sqlite")));
    ui::MainWindow window(harness.till(), {QStringLiteral("渋谷店"), QStringLiteral("お弁当"), ui::StripeMode::Sandbox, {}, 3, {}});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList nameless = namelessIn(&window);
    QVERIFY2(nameless.isEmpty(), qPrintable(QStringLiteral("counter: ") + nameless.join(QStringLiteral(", "))));

    window.openVouchersPage();
    nameless = namelessIn(&window);
    QVERIFY2(nameless.isEmpty(), qPrintable(QStringLiteral("voucher list: ") + nameless.join(QStringLiteral(", "))));

    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("pages"));
    tabs->setCurrentWidget(window.paidInboxPage());
    nameless = namelessIn(&window);
    QVERIFY2(nameless.isEmpty(), qPrintable(QStringLiteral("paid inbox: ") + nameless.join(QStringLiteral(", "))));

    ui::VoucherDialog voucher(sampleVoucher(), QStringLiteral("渋谷店"), true);
    voucher.show();
    QVERIFY(QTest::qWaitForWindowExposed(&voucher));
    nameless = namelessIn(&voucher);
    QVERIFY2(nameless.isEmpty(), qPrintable(QStringLiteral("voucher dialog: ") + nameless.join(QStringLiteral(", "))));

    MemorySecretStore secrets;
    QSettings qsettings(dir.filePath(QStringLiteral("settings.conf")), QSettings::IniFormat);
    TillSettings settings(qsettings);
    QNetworkAccessManager network;
    ui::SettingsDialog settingsDialog(secrets, settings, network);
    settingsDialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&settingsDialog));
    nameless = namelessIn(&settingsDialog);
    QVERIFY2(nameless.isEmpty(), qPrintable(QStringLiteral("settings: ") + nameless.join(QStringLiteral(", "))));

    ui::DayReportDialog report(harness.ledger(), QStringLiteral("渋谷店"));
    report.show();
    QVERIFY(QTest::qWaitForWindowExposed(&report));
    nameless = namelessIn(&report);
    QVERIFY2(nameless.isEmpty(), qPrintable(QStringLiteral("day report: ") + nameless.join(QStringLiteral(", "))));
}

QTEST_MAIN(TestAccessibility)
#include "TestAccessibility.moc"
