#include "AuditLogDialog.h"
#include "CheckoutPage.h"
#include "ClerksDialog.h"
#include "EraseCustomerDialog.h"
#include "EventSync.h"
#include "MainWindow.h"
#include "PinDialog.h"
#include "SampleSales.h"
#include "StatementExportDialog.h"
#include "StripeBackend.h"
#include "TillHarness.h"
#include "VouchersPage.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QListWidget>
#include <QTabWidget>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace konbini;
using namespace konbini::test;
using namespace std::chrono_literals;

// The clerks' screens as a person uses them: the owner's PIN asked before a refund (refused and
// logged without it), managing clerks, signing in before the till can be used, the returning
// customer offer, erasing a customer, the statement export and the audit log.
class TestClerkScreens : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void protectedRefund_refusedWithoutTheOwnersPinAndLogged();
    void clerksDialog_addsOwnerThenClerksAndChecksThePinTwice();
    void mainWindow_waitsForASignInWhenTheTillHasClerks();
    void returningCustomer_offeredAndFilledWithAltY();
    void eraseCustomer_dialogErasesAndSaysHowMany();
    void statementExport_writesAnOwnerOnlyFileAndLogsIt();
    void auditLog_showsEntriesAsPlainText();
    void voucherList_filtersByClerk();

private:
    // Types into the next modal PIN dialog and presses Enter (or Esc when `pin` is empty).
    void answerNextPinDialog(const QString &pin, QString *problemSeen = nullptr, bool *answered = nullptr);
    void whenPinDialogOpens(std::function<void(ui::PinDialog *)> answer);
    qint64 paidVoucher();
    QList<AuditEntry> log() const { return m_till->ledger().audit().entries().value(); }

    std::unique_ptr<StripeBackend> m_backend;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TillHarness> m_till;
};

void TestClerkScreens::init()
{
    m_backend = std::make_unique<StripeBackend>();
    KONBINI_REQUIRE_SANDBOX(*m_backend);
    m_dir = std::make_unique<QTemporaryDir>();
    m_till = std::make_unique<TillHarness>(*m_backend, m_dir->filePath(QStringLiteral("ledger.sqlite")));
    m_till->ledger().clerks().setPinIterationsForTests(1000);
}

void TestClerkScreens::cleanup()
{
    m_till.reset();
    m_dir.reset();
    m_backend.reset();
}

void TestClerkScreens::answerNextPinDialog(const QString &pin, QString *problemSeen, bool *answered)
{
    whenPinDialogOpens([pin, problemSeen, answered](ui::PinDialog *dialog) {
        if (answered)
            *answered = true;
        if (pin.isEmpty()) {
            QTest::keyClick(dialog, Qt::Key_Escape);
            return;
        }
        QTest::keyClicks(dialog->pinField(), pin);
        QTest::keyClick(dialog->pinField(), Qt::Key_Return);
        if (problemSeen)
            *problemSeen = dialog->problem();
        if (dialog->isVisible())
            QTest::keyClick(dialog, Qt::Key_Escape); // a wrong PIN: give up
    });
}

void TestClerkScreens::whenPinDialogOpens(std::function<void(ui::PinDialog *)> answer)
{
    // Modal dialogs run their own event loop: look for it from a timer until it is up.
    auto *poll = new QTimer(this);
    poll->setInterval(5);
    connect(poll, &QTimer::timeout, this, [poll, answer] {
        auto *dialog = qobject_cast<ui::PinDialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        poll->stop();
        poll->deleteLater();
        answer(dialog);
    });
    poll->start();
}

qint64 TestClerkScreens::paidVoucher()
{
    const CheckoutOutcome outcome = m_till->issue(sampleSale(QStringLiteral("hanako@test.com")));
    if (!outcome.ok())
        qFatal("issue failed");
    m_backend->sandbox()->advanceClock(180);
    if (m_till->refresh(outcome.value().voucherId).status != VoucherStatus::Paid)
        qFatal("not paid");
    return outcome.value().voucherId;
}

void TestClerkScreens::protectedRefund_refusedWithoutTheOwnersPinAndLogged()
{
    ClerkDesk &desk = m_till->till().clerks();
    QCOMPARE(desk.addClerk(QStringLiteral("店長"), QStringLiteral("2468"), true), QString());
    QCOMPARE(desk.addClerk(QStringLiteral("佐藤"), QStringLiteral("1357"), false), QString());
    QCOMPARE(desk.setOwnerApprovalRequired(true), QString());
    QVERIFY(desk.signIn(desk.clerks().at(1).id, QStringLiteral("1357")).accepted());
    const qint64 id = paidVoucher();

    ui::VouchersPage page(m_till->engine(), m_till->ledger(), nullptr, m_till->till().storeSearch(), QStringLiteral("渋谷店"));
    page.setApproval([&](AuditAction what, qint64 voucherId) { return ui::askOwnerApproval(&page, desk, what, voucherId); });
    page.show();
    QVERIFY(page.selectVoucher(id));
    page.setRefundInput([](qint64, qint64 &amount, QString &reason) {
        amount = 500;
        reason = QStringLiteral("requested_by_customer");
        return true;
    });
    // Esc at the PIN: no refund, and the log says the owner's PIN was not given.
    answerNextPinDialog({});
    page.refundSelected();
    QVERIFY(page.lastMessage().contains(QStringLiteral("owner's PIN")));
    QVERIFY(m_till->ledger().refunds().of(id).value().isEmpty());
    QCOMPARE(log().last().action, AuditAction::OwnerApproval);
    QCOMPARE(log().last().result, QStringLiteral("canceled"));
    QCOMPARE(log().last().detail, QStringLiteral("refund"));
    QCOMPARE(log().last().clerk, QStringLiteral("佐藤"));
    QCOMPARE(log().last().voucherId, id);

    // The clerk's own PIN is not the owner's.
    QString problem;
    answerNextPinDialog(QStringLiteral("1357"), &problem);
    page.refundSelected();
    QVERIFY(problem.contains(QStringLiteral("not right")));
    QVERIFY(m_till->ledger().refunds().of(id).value().isEmpty());
    QCOMPARE(log().at(log().size() - 2).result, QStringLiteral("wrong_pin"));

    // The owner types theirs: the refund goes, by 佐藤, approved in the log.
    answerNextPinDialog(QStringLiteral("2468"));
    page.refundSelected();
    QTRY_COMPARE_WITH_TIMEOUT(m_till->ledger().refunds().of(id).value().size(), 1, 20000);
    QCOMPARE(m_till->ledger().refunds().of(id).value().first().clerk, QStringLiteral("佐藤"));
    const QList<AuditEntry> entries = log();
    QCOMPARE(entries.at(entries.size() - 2).action, AuditAction::OwnerApproval);
    QCOMPARE(entries.at(entries.size() - 2).result, QStringLiteral("ok"));
    QCOMPARE(entries.last().action, AuditAction::Refund);
    QCOMPARE(entries.last().result, QStringLiteral("ok"));
    QCOMPARE(entries.last().clerk, QStringLiteral("佐藤"));
}

void TestClerkScreens::clerksDialog_addsOwnerThenClerksAndChecksThePinTwice()
{
    ClerkDesk &desk = m_till->till().clerks();
    ui::ClerksDialog dialog(desk);
    dialog.show();
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("clerkName"));
    auto *pin = dialog.findChild<QLineEdit *>(QStringLiteral("clerkPin"));
    auto *again = dialog.findChild<QLineEdit *>(QStringLiteral("clerkPinAgain"));
    auto *approval = dialog.findChild<QCheckBox *>(QStringLiteral("ownerApproval"));
    QVERIFY(!approval->isEnabled()); // no owner yet
    name->insert(QStringLiteral("店長")); // as the input method commits it
    QTest::keyClicks(pin, QStringLiteral("2468"));
    QTest::keyClicks(again, QStringLiteral("2469"));
    dialog.findChild<QPushButton *>(QStringLiteral("addClerk"))->click();
    QVERIFY(dialog.message().contains(QStringLiteral("not the same")));
    QVERIFY(!desk.clerksInUse());
    again->clear();
    QTest::keyClicks(again, QStringLiteral("2468"));
    dialog.findChild<QPushButton *>(QStringLiteral("addClerk"))->click();
    QVERIFY(desk.owner().has_value());
    QCOMPARE(desk.owner()->name, QStringLiteral("店長"));
    QVERIFY(pin->text().isEmpty()); // a PIN is never left in a field
    name->insert(QStringLiteral("<b>佐藤</b>"));
    QTest::keyClicks(pin, QStringLiteral("13"));
    QTest::keyClicks(again, QStringLiteral("13"));
    dialog.findChild<QPushButton *>(QStringLiteral("addClerk"))->click();
    QVERIFY(dialog.message().contains(QStringLiteral("4 to 8")));
    pin->clear();
    again->clear();
    QTest::keyClicks(pin, QStringLiteral("1357"));
    QTest::keyClicks(again, QStringLiteral("1357"));
    dialog.findChild<QPushButton *>(QStringLiteral("addClerk"))->click();
    QCOMPARE(desk.clerks().size(), 2);
    auto *list = dialog.findChild<QListWidget *>(QStringLiteral("clerkList"));
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(1)->text(), QStringLiteral("<b>佐藤</b>")); // as typed, never markup
    QVERIFY(approval->isEnabled());
    approval->click();
    QVERIFY(desk.ownerApprovalRequired());
}

void TestClerkScreens::mainWindow_waitsForASignInWhenTheTillHasClerks()
{
    ClerkDesk &desk = m_till->till().clerks();
    QCOMPARE(desk.addClerk(QStringLiteral("店長"), QStringLiteral("2468"), true), QString());
    QCOMPARE(desk.addClerk(QStringLiteral("佐藤"), QStringLiteral("1357"), false), QString());
    ui::CounterSettings settings;
    settings.storeName = QStringLiteral("渋谷店");
    ui::MainWindow window(m_till->till(), settings);
    auto *pages = window.findChild<QTabWidget *>(QStringLiteral("pages"));
    auto *clerkLabel = window.findChild<QLabel *>(QStringLiteral("clerkLabel"));
    QVERIFY(!pages->isEnabled());
    // At start the sign-in asks; the clerk closes it: the till still waits.
    bool askedAtStart = false;
    answerNextPinDialog({}, nullptr, &askedAtStart);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(askedAtStart);
    QTRY_VERIFY(!QApplication::activeModalWidget());
    QVERIFY(window.findChild<QWidget *>(QStringLiteral("signInBar"))->isVisible());
    QVERIFY(!pages->isEnabled());
    // The settings are not a way round: they ask for a sign-in first.
    QSignalSpy settingsOpened(&window, &ui::MainWindow::settingsRequested);
    bool askedForSettings = false;
    answerNextPinDialog({}, nullptr, &askedForSettings);
    window.findChild<QAction *>(QStringLiteral("settingsAction"))->trigger();
    QVERIFY(askedForSettings);
    QCOMPARE(settingsOpened.count(), 0);
    // Ctrl+L, 佐藤 (the second name), the PIN in full-width digits.
    whenPinDialogOpens([](ui::PinDialog *dialog) {
        dialog->clerkChoice()->setCurrentIndex(1);
        dialog->pinField()->insert(QStringLiteral("１３５７")); // the input method left on
        QTest::keyClick(dialog->pinField(), Qt::Key_Return);
    });
    window.activateWindow(); // back in front after the dialogs
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
    QTRY_VERIFY(pages->isEnabled());
    QCOMPARE(clerkLabel->text(), QStringLiteral("Clerk: 佐藤"));
    QCOMPARE(m_till->engine().clerk(), QStringLiteral("佐藤"));
    // With the owner's PIN required, 佐藤 cannot open the settings without it.
    QCOMPARE(desk.setOwnerApprovalRequired(true), QString());
    answerNextPinDialog({});
    window.findChild<QAction *>(QStringLiteral("settingsAction"))->trigger();
    QCOMPARE(settingsOpened.count(), 0);
    QCOMPARE(log().last().action, AuditAction::OwnerApproval);
    QCOMPARE(log().last().detail, QStringLiteral("settings"));
    QCOMPARE(log().last().result, QStringLiteral("canceled"));
    answerNextPinDialog(QStringLiteral("2468"));
    window.findChild<QAction *>(QStringLiteral("settingsAction"))->trigger();
    QCOMPARE(settingsOpened.count(), 1);
    window.findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
    QVERIFY(!pages->isEnabled());
    QCOMPARE(clerkLabel->text(), QStringLiteral("Nobody signed in"));
}

void TestClerkScreens::returningCustomer_offeredAndFilledWithAltY()
{
    QVERIFY(m_till->issue(sampleSale(QStringLiteral("hanako+fill_never@test.com"), QStringLiteral("090-1234-5678"))).ok());
    ui::CounterSettings settings;
    settings.storeName = QStringLiteral("渋谷店");
    settings.returningCustomers = true;
    ui::MainWindow window(m_till->till(), settings);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *name = window.findChild<QLineEdit *>(QStringLiteral("nameField"));
    auto *email = window.findChild<QLineEdit *>(QStringLiteral("emailField"));
    auto *phone = window.findChild<QLineEdit *>(QStringLiteral("phoneField"));
    auto *offer = window.findChild<QPushButton *>(QStringLiteral("returningOffer"));
    phone->setFocus();
    QTest::keyClicks(phone, QStringLiteral("09012345678"));
    QTest::keyClick(phone, Qt::Key_Tab); // editing finished
    QTRY_VERIFY(offer->isVisible());
    QVERIFY(offer->text().contains(QStringLiteral("山田 花子")));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Y, Qt::AltModifier);
    QCOMPARE(name->text(), QStringLiteral("山田 花子"));
    QCOMPARE(email->text(), QStringLiteral("hanako+fill_never@test.com"));
    QCOMPARE(phone->text(), QStringLiteral("090-1234-5678"));
    QVERIFY(!offer->isVisible());

    // Off: never offered.
    settings.returningCustomers = false;
    window.applyCounterSettings(settings);
    window.checkoutPage()->startNewSale();
    phone->setFocus();
    QTest::keyClicks(phone, QStringLiteral("09012345678"));
    QTest::keyClick(phone, Qt::Key_Tab);
    QVERIFY(!offer->isVisible());
}

void TestClerkScreens::eraseCustomer_dialogErasesAndSaysHowMany()
{
    const qint64 id = paidVoucher();
    ui::EraseCustomerDialog dialog(m_till->till().retention(), QStringLiteral("店長"));
    dialog.setConfirmation([](const QString &) { return true; });
    dialog.show();
    dialog.erase();
    QVERIFY(dialog.message().contains(QStringLiteral("Type the customer")));
    QTest::keyClicks(dialog.customerField(), QStringLiteral("nobody@test.com"));
    dialog.erase();
    QVERIFY(dialog.message().contains(QStringLiteral("No voucher")));
    dialog.customerField()->clear();
    QTest::keyClicks(dialog.customerField(), QStringLiteral("HANAKO@test.com"));
    dialog.erase();
    QCOMPARE(dialog.message(), QStringLiteral("Erased from 1 voucher(s)."));
    QCOMPARE(m_till->voucher(id).email, QString());
    QCOMPARE(log().last().action, AuditAction::EraseCustomer);
    QCOMPARE(log().last().clerk, QStringLiteral("店長"));
}

void TestClerkScreens::statementExport_writesAnOwnerOnlyFileAndLogsIt()
{
    paidVoucher();
    ui::StatementExportDialog dialog(m_till->ledger(), m_till->till().clerks());
    QCOMPARE(dialog.summary(), QStringLiteral("1 line(s)"));
    const QString path = m_dir->filePath(QStringLiteral("statement.csv"));
    QVERIFY(dialog.exportTo(path, CsvEncoding::Utf8WithBom));
    QFile file(path);
    QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray csv = file.readAll();
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    QCOMPARE(csv.count("\r\n"), 2);
    QCOMPARE(log().last().action, AuditAction::Export);
    QVERIFY(log().last().detail.startsWith(QStringLiteral("statement ")));
    dialog.setRange(QDate(2030, 1, 2), QDate(2030, 1, 1));
    QVERIFY(dialog.summary().contains(QStringLiteral("comes after")));
    QVERIFY(!dialog.exportTo(path, CsvEncoding::Utf8WithBom));
}

void TestClerkScreens::auditLog_showsEntriesAsPlainText()
{
    ClerkDesk &desk = m_till->till().clerks();
    QCOMPARE(desk.addClerk(QStringLiteral("<i>店長</i>"), QStringLiteral("2468"), true), QString());
    paidVoucher();
    ui::AuditLogDialog dialog(m_till->ledger(), desk);
    QTableWidget *table = dialog.table();
    QCOMPARE(table->rowCount(), 2); // the owner added, the voucher issued
    QCOMPARE(table->item(0, 2)->text(), auditActionLabel(AuditAction::Issue)); // newest first
    QCOMPARE(table->item(0, 4)->text(), QStringLiteral("¥1,500"));
    QCOMPARE(table->item(1, 6)->text(), QStringLiteral("added <i>店長</i> as the owner"));
    QCOMPARE(table->item(1, 5)->text(), QStringLiteral("done"));
}

void TestClerkScreens::voucherList_filtersByClerk()
{
    ClerkDesk &desk = m_till->till().clerks();
    QCOMPARE(desk.addClerk(QStringLiteral("店長"), QStringLiteral("2468"), true), QString());
    QCOMPARE(desk.addClerk(QStringLiteral("佐藤"), QStringLiteral("1357"), false), QString());
    QVERIFY(m_till->issue(sampleSale()).ok()); // before anyone signed in
    QVERIFY(desk.signIn(desk.clerks().at(1).id, QStringLiteral("1357")).accepted());
    QVERIFY(m_till->issue(sampleSale()).ok());
    QVERIFY(m_till->issue(sampleSale()).ok());
    ui::CounterSettings settings;
    settings.storeName = QStringLiteral("渋谷店");
    ui::MainWindow window(m_till->till(), settings);
    ui::VouchersPage *page = window.openVouchersPage();
    auto *filter = page->findChild<QComboBox *>(QStringLiteral("clerkFilter"));
    QVERIFY(filter->isVisibleTo(page));
    QCOMPARE(page->model()->rowCount(), 3);
    filter->setCurrentIndex(filter->findText(QStringLiteral("佐藤")));
    QCOMPARE(page->model()->rowCount(), 2);
    QCOMPARE(page->model()->index(0, ui::VoucherTableModel::Clerk).data().toString(), QStringLiteral("佐藤"));
    filter->setCurrentIndex(filter->findText(QStringLiteral("(no clerk)")));
    QCOMPARE(page->model()->rowCount(), 1);
    filter->setCurrentIndex(filter->findText(QStringLiteral("店長")));
    QCOMPARE(page->model()->rowCount(), 0);
    filter->setCurrentIndex(0);
    QCOMPARE(page->model()->rowCount(), 3);
}

QTEST_MAIN(TestClerkScreens)
#include "TestClerkScreens.moc"
