// Every control a clerk can operate has a name for assistive technology (screen readers read
// it over AT-SPI): the test walks the QAccessibleInterface tree of each window, page and dialog
// and fails on any interactive control without one. And every text on screen stays readable
// (contrast 4.5:1 or more, as rendered) in the ordinary palette and in a high-contrast one.
#include "CheckoutPage.h"
#include "AuditLogDialog.h"
#include "ClerksDialog.h"
#include "DayReportDialog.h"
#include "EraseCustomerDialog.h"
#include "StatementExportDialog.h"
#include "MainWindow.h"
#include "MemorySecretStore.h"
#include "PaidInboxPage.h"
#include "SettingsDialog.h"
#include "StripeBackend.h"
#include "TillHarness.h"
#include "VoucherDialog.h"
#include "VouchersPage.h"

#include <QAccessible>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QTest>

#include <cmath>

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

// WCAG's relative luminance and contrast ratio.
double luminance(QRgb rgb)
{
    const auto channel = [](int value) {
        const double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(qRed(rgb)) + 0.7152 * channel(qGreen(rgb)) + 0.0722 * channel(qBlue(rgb));
}

double contrast(QRgb a, QRgb b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// Each visible, enabled label with text, as it is on screen in `window`: its background (the
// colour most of its pixels have) against its ink (the pixel that stands out most).
QStringList unreadableIn(QWidget *window)
{
    QStringList unreadable;
    const QImage shot = window->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const qreal scale = shot.devicePixelRatio();
    for (QLabel *label : window->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(window) || !label->isEnabled() || label->text().trimmed().isEmpty())
            continue;
        // What of it is on screen: a label scrolled out of a scroll area is read when scrolled to.
        const QRect shown = label->visibleRegion().boundingRect();
        if (shown.height() < label->fontMetrics().height())
            continue;
        const QRect area(label->mapTo(window, shown.topLeft()) * scale, shown.size() * scale);
        const QImage part = shot.copy(area);
        QHash<QRgb, int> counts;
        for (int y = 0; y < part.height(); ++y)
            for (int x = 0; x < part.width(); ++x)
                ++counts[part.pixel(x, y)];
        QRgb background = 0;
        int most = -1;
        for (auto it = counts.begin(); it != counts.end(); ++it)
            if (it.value() > most) {
                most = it.value();
                background = it.key();
            }
        double best = 1.0;
        for (auto it = counts.begin(); it != counts.end(); ++it)
            best = std::max(best, contrast(background, it.key()));
        if (best < 4.5)
            unreadable.append(QStringLiteral("%1 \"%2\" %3:1").arg(label->objectName(), label->text().left(30)).arg(best, 0, 'f', 1));
    }
    return unreadable;
}

// The settings dialog over a settings file of its own and no keychain.
struct SettingsHarness {
    explicit SettingsHarness(const QString &file) : qsettings(file, QSettings::IniFormat) {}
    MemorySecretStore secrets;
    QSettings qsettings;
    TillSettings settings{qsettings};
    QNetworkAccessManager network;
    ui::SettingsDialog dialog{secrets, settings, network};
};

QPalette highContrast()
{
    QPalette palette;
    for (const auto role : {QPalette::Window, QPalette::Base, QPalette::Button, QPalette::AlternateBase,
                            QPalette::ToolTipBase})
        palette.setColor(role, Qt::black);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::ToolTipText,
                            QPalette::BrightText})
        palette.setColor(role, Qt::white);
    palette.setColor(QPalette::Highlight, QColor(0x00, 0xff, 0xff));
    palette.setColor(QPalette::HighlightedText, Qt::black);
    palette.setColor(QPalette::PlaceholderText, QColor(0xc0, 0xc0, 0xc0));
    palette.setColor(QPalette::Link, QColor(0xff, 0xff, 0x00));
    return palette;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private slots:
    void everyControl_hasAName();
    void everyText_isReadable_data();
    void everyText_isReadable();
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

    window.openPaidInboxPage();
    nameless = namelessIn(&window);
    QVERIFY2(nameless.isEmpty(), qPrintable(QStringLiteral("paid inbox: ") + nameless.join(QStringLiteral(", "))));

    ui::VoucherDialog voucher(sampleVoucher(), QStringLiteral("渋谷店"), true);
    voucher.show();
    QVERIFY(QTest::qWaitForWindowExposed(&voucher));
    nameless = namelessIn(&voucher);
    QVERIFY2(nameless.isEmpty(), qPrintable(QStringLiteral("voucher dialog: ") + nameless.join(QStringLiteral(", "))));

    SettingsHarness settingsHarness(dir.filePath(QStringLiteral("settings.conf")));
    ui::SettingsDialog &settingsDialog = settingsHarness.dialog;
    settingsDialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&settingsDialog));
    nameless = namelessIn(&settingsDialog);
    QVERIFY2(nameless.isEmpty(), qPrintable(QStringLiteral("settings: ") + nameless.join(QStringLiteral(", "))));

    ui::DayReportDialog report(harness.ledger(), QStringLiteral("渋谷店"));
    report.show();
    QVERIFY(QTest::qWaitForWindowExposed(&report));
    nameless = namelessIn(&report);
    QVERIFY2(nameless.isEmpty(), qPrintable(QStringLiteral("day report: ") + nameless.join(QStringLiteral(", "))));

    // The owner's tools.
    ui::ClerksDialog clerks(harness.till().clerks());
    ui::AuditLogDialog audit(harness.ledger(), harness.till().clerks());
    ui::StatementExportDialog statement(harness.ledger(), harness.till().clerks());
    ui::EraseCustomerDialog erase(harness.till().retention(), {});
    for (QDialog *dialog : std::initializer_list<QDialog *>{&clerks, &audit, &statement, &erase}) {
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        nameless = namelessIn(dialog);
        QVERIFY2(nameless.isEmpty(), qPrintable(dialog->objectName() + QStringLiteral(": ") + nameless.join(QStringLiteral(", "))));
    }
}

void TestAccessibility::everyText_isReadable_data()
{
    QTest::addColumn<bool>("highContrast");
    QTest::newRow("ordinary palette") << false;
    QTest::newRow("high-contrast palette (white on black)") << true;
}

void TestAccessibility::everyText_isReadable()
{
    QFETCH(bool, highContrast);
    const QPalette before = QApplication::palette();
    if (highContrast)
        QApplication::setPalette(::highContrast());
    const auto restore = qScopeGuard([&] { QApplication::setPalette(before); });
    StripeBackend backend;
    QTemporaryDir dir;
    TillHarness harness(backend, dir.filePath(QStringLiteral("contrast.sqlite")));
    // A new till in sandbox mode with everything the counter can say on screen: the mode banner,
    // the missing store name, a notice, and the form's problems after Enter on an empty sale.
    ui::MainWindow window(harness.till(), {QString(), QStringLiteral("お弁当"), ui::StripeMode::Sandbox, {}, 3, {}});
    window.resize(1000, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showNotice(QStringLiteral("A sale interrupted earlier was finished."));
    QTest::mouseClick(window.checkoutPage()->findChild<QPushButton *>(QStringLiteral("issueButton")), Qt::LeftButton);
    QTRY_VERIFY(window.checkoutPage()->findChild<QLabel *>(QStringLiteral("amountProblem"))->isVisible());
    QStringList unreadable = unreadableIn(&window);
    QVERIFY2(unreadable.isEmpty(), qPrintable(QStringLiteral("counter: ") + unreadable.join(QStringLiteral(", "))));

    // The voucher list with Stripe's details line in its small quiet type.
    ui::VouchersPage *list = window.openVouchersPage();
    list->findChild<QLabel *>(QStringLiteral("pageMessageDetails"))->setText(QStringLiteral("request req_123"));
    unreadable = unreadableIn(&window);
    QVERIFY2(unreadable.isEmpty(), qPrintable(QStringLiteral("voucher list: ") + unreadable.join(QStringLiteral(", "))));

    SettingsHarness settingsHarness(dir.filePath(QStringLiteral("settings.conf")));
    ui::SettingsDialog &settingsDialog = settingsHarness.dialog;
    settingsDialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&settingsDialog));
    settingsDialog.findChild<QLineEdit *>(QStringLiteral("keyField"))->setText(QStringLiteral("not a key"));
    QTest::mouseClick(settingsDialog.findChild<QPushButton *>(QStringLiteral("testConnection")), Qt::LeftButton);
    QTRY_VERIFY(!settingsDialog.findChild<QLabel *>(QStringLiteral("statusLabel"))->text().isEmpty());
    unreadable = unreadableIn(&settingsDialog);
    QVERIFY2(unreadable.isEmpty(), qPrintable(QStringLiteral("settings: ") + unreadable.join(QStringLiteral(", "))));

    ui::VoucherDialog voucher(sampleVoucher(), QStringLiteral("渋谷店"), true);
    voucher.markRecovered(1'800'000'000);
    voucher.show();
    QVERIFY(QTest::qWaitForWindowExposed(&voucher));
    unreadable = unreadableIn(&voucher);
    QVERIFY2(unreadable.isEmpty(), qPrintable(QStringLiteral("voucher dialog: ") + unreadable.join(QStringLiteral(", "))));
}

QTEST_MAIN(TestAccessibility)
#include "TestAccessibility.moc"
