#include "MainWindow.h"
#include "RecoveryFailuresPanel.h"
#include "SampleSales.h"
#include "StripeBackend.h"
#include "TillHarness.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace konbini;
using namespace konbini::test;
using namespace konbini::ui;

// The list of interrupted sales the till could not finish, as the clerk sees it over the counter.
class TestRecoveryFailuresPanel : public QObject
{
    Q_OBJECT

private slots:
    void failedSale_isListedWithWhatToDoAndRetryFinishesIt();
    void counter_buildsThePanelOnlyWhenASaleFails();
};

void TestRecoveryFailuresPanel::failedSale_isListedWithWhatToDoAndRetryFinishesIt()
{
    StripeBackend backend;
    KONBINI_REQUIRE_SANDBOX(backend);
    QTemporaryDir dir;
    const QString ledgerPath = dir.filePath(QStringLiteral("ledger.sqlite"));
    CheckoutRequest sale = sampleSale(QStringLiteral("hanako@test.com"), QStringLiteral("090-1234-5678"), 12000);
    sale.customerName = QStringLiteral("<b>山田</b> 花子");
    {
        TillHarness crashed(backend, ledgerPath, QStringLiteral("till-1"), {{"X-Sandbox-Fault", "drop_before"}});
        QVERIFY(!crashed.issue(sale).ok());
    }
    TillHarness restarted(backend, ledgerPath, QStringLiteral("till-1"), {{"X-Sandbox-Fault", "503,count=3"}});
    QWidget window;
    auto *panel = new RecoveryFailuresPanel(restarted.till().failedRecoveries(), &window);
    window.show();
    QVERIFY(panel->isHidden()); // nothing failed yet
    restarted.till().start();
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 20000);
    QTRY_VERIFY(!restarted.engine().isReplaying());

    auto *list = panel->findChild<QLabel *>(QStringLiteral("recoveryFailuresList"));
    QCOMPARE(list->textFormat(), Qt::PlainText); // the name as typed, never markup
    QVERIFY2(list->text().contains(QStringLiteral("¥12,000")), qPrintable(list->text()));
    QVERIFY(list->text().contains(QStringLiteral("<b>山田</b> 花子")));
    QVERIFY(list->text().contains(QStringLiteral("Retry")));
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("recoveryFailuresTitle"))->text().contains(u'1'));

    // Hidden by the clerk, it stays hidden while nothing changes.
    auto *hide = panel->findChild<QPushButton *>(QStringLiteral("hideRecoveries"));
    QTest::mouseClick(hide, Qt::LeftButton);
    QVERIFY(panel->isHidden());
    emit restarted.till().failedRecoveries().changed();
    QVERIFY(panel->isHidden());

    auto *retry = panel->findChild<QPushButton *>(QStringLiteral("retryRecoveries"));
    QVERIFY(retry->isEnabled());
    QSignalSpy recovered(&restarted.session(), &CheckoutSession::saleRecovered);
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(recovered.count(), 1, 20000);
    QTRY_VERIFY(restarted.till().failedRecoveries().entries().isEmpty());
    QVERIFY(panel->isHidden());
    QVERIFY(list->text().isEmpty());
}

// The counter builds the panel when the first failure arrives (most starts have none), above
// the pages, and shows it.
void TestRecoveryFailuresPanel::counter_buildsThePanelOnlyWhenASaleFails()
{
    StripeBackend backend;
    KONBINI_REQUIRE_SANDBOX(backend);
    QTemporaryDir dir;
    const QString ledgerPath = dir.filePath(QStringLiteral("ledger.sqlite"));
    {
        TillHarness crashed(backend, ledgerPath, QStringLiteral("till-1"), {{"X-Sandbox-Fault", "drop_before"}});
        QVERIFY(!crashed.issue(sampleSale(QStringLiteral("hanako@test.com"), QString(), 3000)).ok());
    }
    TillHarness restarted(backend, ledgerPath, QStringLiteral("till-1"), {{"X-Sandbox-Fault", "503,count=3"}});
    MainWindow window(restarted.till(), CounterSettings());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.findChild<RecoveryFailuresPanel *>(), nullptr);

    restarted.till().start();
    QTRY_VERIFY_WITH_TIMEOUT(window.findChild<RecoveryFailuresPanel *>(), 20000);
    auto *panel = window.findChild<RecoveryFailuresPanel *>();
    QTRY_VERIFY(panel->isVisible());
    QVERIFY(
        panel->findChild<QLabel *>(QStringLiteral("recoveryFailuresList"))->text().contains(QStringLiteral("¥3,000")));
    // Above the pages, below the mode banner.
    auto *pages = window.findChild<QWidget *>(QStringLiteral("pages"));
    QVERIFY(panel->mapTo(&window, QPoint()).y() < pages->mapTo(&window, QPoint()).y());
    QVERIFY(panel->mapTo(&window, QPoint()).y()
            > window.findChild<QWidget *>(QStringLiteral("modeBanner"))->mapTo(&window, QPoint()).y());
    QCOMPARE(window.findChildren<RecoveryFailuresPanel *>().size(), 1);
}

QTEST_MAIN(TestRecoveryFailuresPanel)
#include "TestRecoveryFailuresPanel.moc"
