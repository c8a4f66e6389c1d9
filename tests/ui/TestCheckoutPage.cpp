#include "CheckoutPage.h"
#include "MainWindow.h"
#include "StripeBackend.h"
#include "TillHarness.h"
#include "Tones.h"
#include "VoucherDialog.h"
#include "PaidInboxPage.h"
#include "VouchersPage.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QTimer>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTabWidget>
#include <QSignalSpy>
#include <QStatusBar>

using namespace konbini;
using namespace konbini::test;
using namespace std::chrono_literals;

namespace {

// Key events carrying text, one per character: what an input method delivers for 山田 too
// (QTest::keyClicks only knows ASCII).
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

// The counter as the app wires it, on the in-process sandbox.
struct Counter : TillHarness {
    explicit Counter(const StripeBackend &backend, const QString &ledgerPath,
                     QList<QPair<QByteArray, QByteArray>> faults = {},
                     ui::CounterSettings settings =
                         {QStringLiteral("渋谷店"), QStringLiteral("お弁当"), ui::StripeMode::Sandbox, {}, 3, {}})
        : TillHarness(backend, ledgerPath, QStringLiteral("till-1"), std::move(faults), QStringLiteral("渋谷店"))
    {
        window = std::make_unique<ui::MainWindow>(till(), settings);
        window->show();
        if (!QTest::qWaitForWindowActive(window.get()))
            qWarning("window not active");
        page = window->checkoutPage();
    }

    template <typename T>
    T *field(const char *name) const
    {
        return page->findChild<T *>(QLatin1String(name));
    }
    QLabel *label(const char *name) const { return page->findChild<QLabel *>(QLatin1String(name)); }

    // Types into whatever has focus, then Tab, as a clerk does.
    void typeAndTab(const QString &text)
    {
        QWidget *focused = QApplication::focusWidget();
        typeText(focused, text);
        QTest::keyClick(focused, Qt::Key_Tab);
    }
    // Where keys go: the application's focus, or (offscreen, after a dialog closed) the window's.
    QWidget *focused() const
    {
        if (QWidget *widget = QApplication::focusWidget())
            return widget;
        if (window->voucherDialog())
            return window->voucherDialog()->focusWidget() ? window->voucherDialog()->focusWidget()
                                                          : window->voucherDialog();
        return window->focusWidget() ? window->focusWidget() : window.get();
    }
    void pressEnter() { QTest::keyClick(focused(), Qt::Key_Return); }
    void fillSale(const QString &amount, const QString &name, const QString &email, const QString &phone)
    {
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get()))
            qWarning("window not active");
        field<QLineEdit>("amountField")->setFocus();
        typeAndTab(amount);
        typeAndTab(QString()); // the default description stays
        typeAndTab(name);
        typeAndTab(email);
        typeAndTab(phone); // focus is now on the expiry days
    }

    std::unique_ptr<ui::MainWindow> window;
    ui::CheckoutPage *page = nullptr;
};

// A ¥3,200 sale left pending in the ledger's journal at `path`: every answer was lost when the
// till went away, so the next start finishes it.
bool leaveSaleUnfinished(const StripeBackend &backend, const QString &path)
{
    TillHarness down(backend, path, QStringLiteral("till-1"), {{"X-Sandbox-Fault", "drop_after"}});
    CheckoutRequest request;
    request.amountYen = 3200;
    request.productDescription = QStringLiteral("お弁当");
    request.customerName = QStringLiteral("山田 花子");
    request.email = QStringLiteral("hanako@example.jp");
    request.phone = QStringLiteral("090-1234-5678");
    const CheckoutOutcome outcome = down.issue(request);
    return !outcome.ok() && outcome.error().resumable;
}

// Clicks the button named `buttonName` of the next message box the code opens (with exec(), so
// the click has to be scheduled before the key that opens it).
void answerNextMessageBox(const QString &boxName, const QString &buttonName)
{
    QTimer::singleShot(0, [boxName, buttonName] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != boxName) {
            qWarning("no message box %s", qPrintable(boxName));
            return;
        }
        for (QAbstractButton *button : box->buttons()) {
            if (button->objectName() == buttonName || button->text() == buttonName) {
                button->click();
                return;
            }
        }
        qWarning("no button %s", qPrintable(buttonName));
    });
}

} // namespace

class TestCheckoutPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void keyboardOnlyCheckout_showsVoucher();
    void enterMovesThroughFieldsInOrder();
    void doubleEnter_createsOnePaymentIntent();
    void invalidField_showsItsMessageAndSendsNothing_data();
    void invalidField_showsItsMessageAndSendsNothing();
    void busy_disablesFormThenKeepsInputOnError();
    void rejectedNumber_reconfirmsSamePaymentIntent();
    void livePreviews_followTyping();
    void testScenario_fillsConfirmationNumber();
    void escape_closesVoucherForNextSale();
    void slipSizeSetting_reachesTheVoucherDialog();
    void saleFinishedAtStart_isHandedOver();
    void escapeWhileWaiting_stopsWaiting();
    void vouchersPage_isBuiltOnFirstUse();
    void counter_isColouredByPalettesNotStyleSheets();
    void paidAlert_needsNoVouchersPage();
    void autoPrint_printsEachNewSaleOnly();
    void enterOnTheFocusedIssueButton_continuesTheSameSale();
    void secondEnter_neverClosesTheNewVoucher();
    void ctrlEnter_issuesFromAnyField();
    void enterOnTheScenarioPicker_issues();
    void f2_putsTheCursorInTheAmount();
    void escape_clearsAfterAskingAndCancelsAnUnfinishedSale();
    void rejectedNumber_enterInThePhoneFieldSendsAndTheMessageGoes();
    void retypedSale_asksBeforeASecondVoucher();
    void voucherOnScreenWhenTheTillStopped_isShownAgain();
    void whileASaleIsRecovered_typingGoesOnAndEnterSaysWhy();
    void savedSettings_applyAtOnceAndSaySoCalmly();
    void newTill_asksForItsStoreNameInsteadOfPrintingAPlaceholder();

private:
    qsizetype paymentIntents() const { return m_backend->sandbox()->paymentIntentCount(); }

    std::unique_ptr<StripeBackend> m_backend;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCheckoutPage::init()
{
    // The guard against the issuing Enter closing the voucher is tested on its own.
    ui::VoucherDialog::setKeyGuard(0ms);
    m_backend = std::make_unique<StripeBackend>();
    m_dir = std::make_unique<QTemporaryDir>();
    KONBINI_REQUIRE_SANDBOX(*m_backend);
}

void TestCheckoutPage::cleanup()
{
    m_backend.reset();
    m_dir.reset();
}

void TestCheckoutPage::keyboardOnlyCheckout_showsVoucher()
{
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("a.sqlite")));
    QCOMPARE(QApplication::focusWidget(), counter.field<QLineEdit>("amountField"));
    counter.fillSale(QStringLiteral("1500"), QStringLiteral("山田 花子"), QStringLiteral("hanako@example.jp"),
                     QStringLiteral("090-1234-5678"));
    QCOMPARE(counter.field<QLineEdit>("amountField")->text(), QStringLiteral("1,500"));
    QCOMPARE(QApplication::focusWidget(), counter.field<QSpinBox>("expiryDaysField"));
    counter.pressEnter();
    QTRY_VERIFY_WITH_TIMEOUT(counter.window->voucherDialog() != nullptr, 20000);
    ui::VoucherDialog *dialog = counter.window->voucherDialog();
    const Voucher &voucher = dialog->voucher();
    const HttpResult pi = m_backend->sandbox()->paymentIntent(voucher.paymentIntentId);
    QCOMPARE(pi.value(QStringLiteral("status")), QStringLiteral("requires_action"));
    const QJsonObject stores = pi.json.value(QStringLiteral("next_action"))
                                   .toObject()
                                   .value(QStringLiteral("konbini_display_details"))
                                   .toObject()
                                   .value(QStringLiteral("stores"))
                                   .toObject();
    for (const QString &chain : {QStringLiteral("familymart"), QStringLiteral("lawson"), QStringLiteral("ministop"),
                                 QStringLiteral("seicomart")}) {
        QLabel *code = dialog->findChild<QLabel *>(QStringLiteral("paymentCode_") + chain);
        QVERIFY2(code, qPrintable(chain));
        QCOMPARE(code->text(), stores.value(chain).toObject().value(QStringLiteral("payment_code")).toString());
    }
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("amountValue"))->text(), QStringLiteral("¥1,500"));
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("confirmationNumberValue"))->text(),
             QStringLiteral("09012345678"));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("deadlineValue"))->text().endsWith(QStringLiteral("23:59 JST")));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("sandboxNotice")));
    QCOMPARE(pi.json.value(QStringLiteral("payment_method_options"))
                 .toObject()
                 .value(QStringLiteral("konbini"))
                 .toObject()
                 .value(QStringLiteral("product_description"))
                 .toString(),
             QStringLiteral("お弁当"));
}

void TestCheckoutPage::enterMovesThroughFieldsInOrder()
{
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("order.sqlite")));
    const QList<const char *> order{"amountField", "descriptionField", "nameField", "emailField", "phoneField"};
    for (qsizetype i = 0; i + 1 < order.size(); ++i) {
        QCOMPARE(QApplication::focusWidget()->objectName(), QLatin1String(order.at(i)));
        counter.pressEnter();
    }
    QCOMPARE(QApplication::focusWidget()->objectName(), QLatin1String(order.last()));
    QCOMPARE(counter.ledger().vouchers().count(), 0); // Enter on a field before the last sends nothing
}

void TestCheckoutPage::doubleEnter_createsOnePaymentIntent()
{
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("b.sqlite")));
    const qsizetype before = paymentIntents();
    counter.fillSale(QStringLiteral("2000"), QStringLiteral("佐藤 太郎"), QStringLiteral("taro@example.jp"), QString());
    counter.pressEnter();
    counter.pressEnter();
    QTRY_VERIFY_WITH_TIMEOUT(counter.window->voucherDialog() != nullptr, 20000);
    QCOMPARE(paymentIntents(), before + 1);
    QCOMPARE(counter.ledger().vouchers().count(), 1);
}

void TestCheckoutPage::invalidField_showsItsMessageAndSendsNothing_data()
{
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("problemLabel");
    QTest::addColumn<QString>("focusedField");
    QTest::newRow("amount too small") << "100"
                                      << "山田 花子"
                                      << "h@example.jp"
                                      << ""
                                      << "amountProblem"
                                      << "amountField";
    QTest::newRow("amount missing") << ""
                                    << "山田 花子"
                                    << "h@example.jp"
                                    << ""
                                    << "amountProblem"
                                    << "amountField";
    QTest::newRow("amount too large") << "300001"
                                      << "山田 花子"
                                      << "h@example.jp"
                                      << ""
                                      << "amountProblem"
                                      << "amountField";
    QTest::newRow("name missing") << "1500"
                                  << ""
                                  << "h@example.jp"
                                  << ""
                                  << "nameProblem"
                                  << "nameField";
    QTest::newRow("email malformed") << "1500"
                                     << "山田 花子"
                                     << "hanako"
                                     << ""
                                     << "emailProblem"
                                     << "emailField";
    QTest::newRow("phone too short") << "1500"
                                     << "山田 花子"
                                     << "h@example.jp"
                                     << "123"
                                     << "phoneProblem"
                                     << "phoneField";
}

void TestCheckoutPage::invalidField_showsItsMessageAndSendsNothing()
{
    QFETCH(QString, amount);
    QFETCH(QString, name);
    QFETCH(QString, email);
    QFETCH(QString, phone);
    QFETCH(QString, problemLabel);
    QFETCH(QString, focusedField);
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("c.sqlite")));
    const qsizetype before = paymentIntents();
    counter.fillSale(amount, name, email, phone);
    counter.pressEnter();
    QLabel *problem = counter.label(problemLabel.toLatin1().constData());
    QTRY_VERIFY(problem->isVisible());
    QVERIFY(!problem->text().isEmpty());
    QTRY_COMPARE(QApplication::focusWidget()->objectName(), focusedField);
    // Only that field complains.
    for (const char *other : {"amountProblem", "nameProblem", "emailProblem", "phoneProblem", "expiryProblem"}) {
        if (problemLabel != QLatin1String(other))
            QVERIFY2(!counter.label(other)->isVisible(), other);
    }
    QCOMPARE(paymentIntents(), before);
    QCOMPARE(counter.ledger().vouchers().count(), 0);
    QCOMPARE(counter.field<QLineEdit>("emailField")->text(), email); // nothing typed is lost
}

void TestCheckoutPage::busy_disablesFormThenKeepsInputOnError()
{
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("d.sqlite")),
                    {{"X-Sandbox-Fault", "delay=300,not_available"}});
    counter.fillSale(QStringLiteral("1500"), QStringLiteral("山田 花子"), QStringLiteral("hanako@example.jp"),
                     QStringLiteral("09012345678"));
    // No message yet: no line for one (an empty bold line would still be laid out and painted).
    QVERIFY(counter.label("messageLabel")->isHidden());
    QVERIFY(counter.label("messageDetails")->isHidden());
    counter.pressEnter();
    QVERIFY(counter.page->isIssuing());
    QVERIFY(!counter.field<QLineEdit>("amountField")->isEnabled());
    QVERIFY(!counter.page->findChild<QPushButton *>(QStringLiteral("issueButton"))->isEnabled());
    QVERIFY(counter.page->findChild<QProgressBar *>(QStringLiteral("busyIndicator"))->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!counter.page->isIssuing(), 20000);
    QVERIFY(counter.field<QLineEdit>("amountField")->isEnabled());
    QVERIFY(!counter.page->findChild<QProgressBar *>(QStringLiteral("busyIndicator"))->isVisible());
    QVERIFY(!counter.label("messageLabel")->text().isEmpty());
    QVERIFY(counter.label("messageLabel")->isVisible());
    QVERIFY(counter.label("messageDetails")->isVisible()); // Stripe's words for support
    QCOMPARE(counter.field<QLineEdit>("nameField")->text(), QStringLiteral("山田 花子"));
    QCOMPARE(counter.field<QLineEdit>("phoneField")->text(), QStringLiteral("09012345678"));
    QVERIFY(counter.window->voucherDialog() == nullptr);
    // Enter again: the old message goes while the till tries again, and comes back with the answer.
    counter.pressEnter();
    QVERIFY(counter.label("messageLabel")->isHidden());
    QVERIFY(counter.label("messageLabel")->text().isEmpty());
    QVERIFY(counter.label("messageDetails")->isHidden());
    QTRY_VERIFY_WITH_TIMEOUT(!counter.page->isIssuing(), 20000);
    QVERIFY(counter.label("messageLabel")->isVisible());
}

void TestCheckoutPage::rejectedNumber_reconfirmsSamePaymentIntent()
{
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("e.sqlite")));
    const qsizetype before = paymentIntents();
    counter.fillSale(QStringLiteral("1500"), QStringLiteral("山田 花子"), QStringLiteral("hanako@example.jp"),
                     QStringLiteral("012-3456-7890"));
    counter.pressEnter();
    QLabel *phoneProblem = counter.label("phoneProblem");
    QTRY_VERIFY_WITH_TIMEOUT(phoneProblem->isVisible(), 20000);
    QCOMPARE(QApplication::focusWidget(), counter.field<QLineEdit>("phoneField"));
    const QString firstIntent = counter.voucher(1).paymentIntentId;
    QVERIFY(!firstIntent.isEmpty());
    // The clerk types another number over the selected one and presses Enter there... then on.
    typeText(counter.field<QLineEdit>("phoneField"), QStringLiteral("080-2222-3333"));
    QTest::keyClick(counter.field<QLineEdit>("phoneField"), Qt::Key_Tab);
    counter.pressEnter();
    QTRY_VERIFY_WITH_TIMEOUT(counter.window->voucherDialog() != nullptr, 20000);
    QCOMPARE(counter.window->voucherDialog()->voucher().paymentIntentId, firstIntent);
    QCOMPARE(counter.window->voucherDialog()->voucher().confirmationNumber, QStringLiteral("08022223333"));
    QCOMPARE(paymentIntents(), before + 1);
}

void TestCheckoutPage::livePreviews_followTyping()
{
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("f.sqlite")));
    auto *description = counter.field<QLineEdit>("descriptionField");
    description->setText(QStringLiteral("お弁当①"));
    QCOMPARE(counter.label("descriptionCount")->text(), QStringLiteral("4/22"));
    QVERIFY(counter.label("descriptionProblem")->isVisible());
    QVERIFY(counter.label("descriptionProblem")->text().contains(QStringLiteral("①")));
    description->setText(QStringLiteral("お弁当"));
    QVERIFY(!counter.label("descriptionProblem")->isVisible());
    counter.field<QLineEdit>("nameField")->setText(QStringLiteral("髙橋 一郎"));
    QVERIFY(counter.label("namePreview")->text().contains(QStringLiteral("橋 一郎")));
    QVERIFY(counter.label("namePreview")->text().contains(QStringLiteral("髙")));
    // What the clerk typed is shown as typed, never as markup.
    counter.field<QLineEdit>("nameField")->setText(QStringLiteral("佐藤 <b>太郎</b>"));
    QCOMPARE(counter.label("namePreview")->textFormat(), Qt::PlainText);
    QVERIFY(counter.label("namePreview")->text().contains(QStringLiteral("<b>太郎</b>")));
    counter.field<QLineEdit>("phoneField")->setText(QStringLiteral("０９０ー１２３４ー５６７８"));
    QVERIFY(counter.label("phonePreview")->text().contains(QStringLiteral("09012345678")));
    QVERIFY(counter.label("deadlinePreview")->text().contains(QStringLiteral("23:59 JST")));
}

void TestCheckoutPage::testScenario_fillsConfirmationNumber()
{
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("g.sqlite")));
    auto *picker = counter.page->findChild<QComboBox *>(QStringLiteral("scenarioPicker"));
    QVERIFY(picker);
    QCOMPARE(picker->count(), 6);
    picker->setCurrentIndex(2);
    emit picker->activated(2);
    QCOMPARE(counter.field<QLineEdit>("phoneField")->text(), QStringLiteral("22222222220"));
}

void TestCheckoutPage::escape_closesVoucherForNextSale()
{
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("h.sqlite")));
    counter.fillSale(QStringLiteral("1500"), QStringLiteral("山田 花子"), QStringLiteral("hanako@example.jp"),
                     QString());
    counter.pressEnter();
    QTRY_VERIFY_WITH_TIMEOUT(counter.window->voucherDialog() != nullptr, 20000);
    QTest::keyClick(counter.window->voucherDialog(), Qt::Key_Escape);
    QTRY_VERIFY(counter.window->voucherDialog() == nullptr);
    QCOMPARE(counter.field<QLineEdit>("amountField")->text(), QString());
    QCOMPARE(counter.field<QLineEdit>("nameField")->text(), QString());
    QCOMPARE(counter.field<QLineEdit>("descriptionField")->text(), QStringLiteral("お弁当"));
    QTRY_COMPARE(counter.window->focusWidget(), counter.field<QLineEdit>("amountField"));
}

void TestCheckoutPage::slipSizeSetting_reachesTheVoucherDialog()
{
    ui::CounterSettings settings{
        QStringLiteral("渋谷店"), QStringLiteral("お弁当"), ui::StripeMode::Sandbox, {}, 3, {}};
    settings.slipIsA4 = true;
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("slip.sqlite")), {}, settings);
    counter.fillSale(QStringLiteral("1500"), QStringLiteral("山田 花子"), QStringLiteral("hanako@example.jp"),
                     QStringLiteral("090-1234-5678"));
    counter.pressEnter();
    QTRY_VERIFY_WITH_TIMEOUT(counter.window->voucherDialog() != nullptr, 20000);
    QCOMPARE(counter.window->voucherDialog()->slipSize(), ui::VoucherSlip::Size::A4);
    QVERIFY(counter.window->voucherDialog()->findChild<QPushButton *>(QStringLiteral("printA4"))->font().bold());
}

void TestCheckoutPage::saleFinishedAtStart_isHandedOver()
{
    const QString path = m_dir->filePath(QStringLiteral("recovered.sqlite"));
    QVERIFY(leaveSaleUnfinished(*m_backend, path));
    Counter counter(*m_backend, path);
    counter.till().start();
    QTRY_VERIFY_WITH_TIMEOUT(counter.window->voucherDialog() != nullptr, 20000);
    QCOMPARE(counter.window->voucherDialog()->voucher().amountYen, 3200);
    QLabel *notice = counter.window->findChild<QLabel *>(QStringLiteral("notices"));
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(QStringLiteral("¥3,200")), qPrintable(notice->text()));
    QCOMPARE(paymentIntents(), 1);
}

void TestCheckoutPage::escapeWhileWaiting_stopsWaiting()
{
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("wait.sqlite")), {{"X-Sandbox-Fault", "delay=3000,count=1"}});
    counter.fillSale(QStringLiteral("1500"), QStringLiteral("山田 花子"), QStringLiteral("hanako@example.jp"), QStringLiteral("090-1234-5678"));
    auto *stop = counter.page->findChild<QPushButton *>(QStringLiteral("stopWaitingButton"));
    QVERIFY(!stop->isVisible());
    counter.pressEnter();
    QVERIFY(stop->isVisible());
    QVERIFY(stop->isEnabled());
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : counter.page, Qt::Key_Escape);
    QTRY_VERIFY(!stop->isVisible());
    QVERIFY(!counter.page->isIssuing());
    QVERIFY2(counter.label("messageLabel")->text().contains(QStringLiteral("stopped waiting")), qPrintable(counter.label("messageLabel")->text()));
    QVERIFY(counter.session().hasUnfinishedSale());
}

// Start-up builds the counter only; F3 (or the tab) builds the voucher list the first time.
// The counter's colours (banner, notices, problems, hints) come from palettes: a style sheet on
// any of its widgets makes Qt build and apply its CSS style before the first paint.
void TestCheckoutPage::counter_isColouredByPalettesNotStyleSheets()
{
    ui::CounterSettings newTill{QString(), QStringLiteral("お弁当"), ui::StripeMode::Sandbox, {}, 3, {}};
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("tones.sqlite")), {}, newTill);
    for (const QWidget *widget : counter.window->findChildren<QWidget *>())
        QVERIFY2(widget->styleSheet().isEmpty(), qPrintable(widget->objectName()));

    const auto *banner = counter.window->findChild<QLabel *>(QStringLiteral("modeBanner"));
    QVERIFY(banner->autoFillBackground());
    QCOMPARE(banner->palette().color(QPalette::Window), QColor(0xff, 0xf3, 0xcd));
    QCOMPARE(banner->palette().color(QPalette::WindowText), QColor(0x6b, 0x4e, 0x00));
    const auto *storeName = counter.window->findChild<QLabel *>(QStringLiteral("storeNameMissing"));
    QVERIFY(storeName->isVisible());
    QCOMPARE(storeName->palette().color(QPalette::Window), QColor(0xe3, 0xf2, 0xfd));
    QCOMPARE(storeName->margin(), 6);

    const QPalette window = counter.page->palette();
    QCOMPARE(counter.label("amountProblem")->palette().color(QPalette::WindowText),
             ui::Tones::color(ui::Tones::Tone::Problem, window));
    QCOMPARE(counter.label("phonePreview")->palette().color(QPalette::WindowText),
             ui::Tones::color(ui::Tones::Tone::Quiet, window));
    QVERIFY(counter.label("messageLabel")->font().bold());
    QVERIFY(!counter.label("descriptionCount")->font().bold());
    // Over 22 characters the count turns to the problem colour, in bold, and back.
    auto *description = counter.field<QLineEdit>("descriptionField");
    description->setText(QString(23, QChar(u'弁')));
    QCOMPARE(counter.label("descriptionCount")->palette().color(QPalette::WindowText),
             ui::Tones::color(ui::Tones::Tone::Problem, window));
    QVERIFY(counter.label("descriptionCount")->font().bold());
    description->setText(QStringLiteral("お弁当"));
    QCOMPARE(counter.label("descriptionCount")->palette().color(QPalette::WindowText),
             ui::Tones::color(ui::Tones::Tone::Quiet, window));
    QVERIFY(!counter.label("descriptionCount")->font().bold());
}

void TestCheckoutPage::vouchersPage_isBuiltOnFirstUse()
{
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("lazy.sqlite")));
    QVERIFY(!counter.window->vouchersPage());
    QVERIFY(!counter.window->paidInboxPage());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F3);
    ui::VouchersPage *page = counter.window->vouchersPage();
    QVERIFY(page);
    auto *pages = counter.window->findChild<QTabWidget *>(QStringLiteral("pages"));
    QCOMPARE(pages->currentWidget(), page);
    QCOMPARE(pages->count(), 3); // counter, vouchers, paid inbox
    QCOMPARE(pages->tabText(1), QStringLiteral("Vouchers (F3)"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F2);
    QCOMPARE(pages->currentIndex(), 0); // the counter
    pages->setCurrentIndex(1); // the tab, clicked
    QCOMPARE(counter.window->vouchersPage(), page); // built once
    QVERIFY(!counter.window->paidInboxPage());
    pages->setCurrentIndex(2); // the paid inbox's tab, clicked
    ui::PaidInboxPage *paid = counter.window->paidInboxPage();
    QVERIFY(paid);
    QCOMPARE(pages->currentWidget(), paid);
    QCOMPARE(pages->tabText(2), QStringLiteral("Paid (F4)"));
    QCOMPARE(pages->count(), 3);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F4);
    QCOMPARE(counter.window->paidInboxPage(), paid); // built once
}

// A voucher paid at the store raises the alert over the counter, whether or not the list was opened.
void TestCheckoutPage::autoPrint_printsEachNewSaleOnly()
{
    int printed = 0; // slips on the till's own size (A4 here)
    ui::SlipPrinter::setSinkForTests([&](const ui::VoucherSlip &, ui::VoucherSlip::Size size) {
        printed += size == ui::VoucherSlip::Size::A4;
        return size == ui::VoucherSlip::Size::A4;
    });
    ui::CounterSettings settings{QStringLiteral("渋谷店"), QStringLiteral("お弁当"), ui::StripeMode::Sandbox, {}, 3, {}};
    settings.autoPrint = true;
    settings.slipIsA4 = true;
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("autoprint.sqlite")), {}, settings);
    counter.fillSale(QStringLiteral("1800"), QStringLiteral("佐藤 太郎"), QStringLiteral("taro@example.jp"), QString());
    counter.pressEnter();
    QTRY_VERIFY_WITH_TIMEOUT(counter.window->voucherDialog() != nullptr, 20000);
    QTRY_COMPARE(printed, 1);
    auto *status = counter.window->voucherDialog()->findChild<QLabel *>(QStringLiteral("printStatus"));
    QTRY_VERIFY(status->isVisible());
    QTest::keyClick(counter.focused(), Qt::Key_Escape);
    QTRY_VERIFY(counter.window->voucherDialog() == nullptr);
    // Shown again from the list: the clerk prints it if they want, nothing prints by itself.
    counter.window->openVouchersPage();
    QVERIFY(counter.window->vouchersPage()->selectVoucher(1));
    counter.window->vouchersPage()->showSelectedVoucher();
    QTRY_VERIFY(counter.window->voucherDialog() != nullptr);
    QCoreApplication::processEvents(); // an automatic print would be queued by now
    QCOMPARE(printed, 1);
    ui::SlipPrinter::setSinkForTests({});
}

void TestCheckoutPage::paidAlert_needsNoVouchersPage()
{
    const QString path = m_dir->filePath(QStringLiteral("paid.sqlite"));
    {
        Counter counter(*m_backend, path);
        auto *form = counter.field<QLineEdit>("amountField");
        for (const auto &[amount, name] : {std::pair{QStringLiteral("1800"), QStringLiteral("<b>佐藤</b> 太郎")},
                                           std::pair{QStringLiteral("2500"), QStringLiteral("鈴木 一郎")},
                                           std::pair{QStringLiteral("3300"), QStringLiteral("田中 美咲")}}) {
            counter.fillSale(amount, name, QStringLiteral("customer@example.jp"), QString());
            counter.pressEnter();
            QTRY_VERIFY_WITH_TIMEOUT(counter.window->voucherDialog() != nullptr, 20000);
            QTest::keyClick(counter.focused(), Qt::Key_Escape);
            QTRY_VERIFY(counter.window->voucherDialog() == nullptr);
        }
        // The clerk is typing the next sale when all three are paid in one sync.
        counter.fillSale(QStringLiteral("990"), QStringLiteral("次の お客様"), QString(), QString());
        const QPoint formAt = form->mapTo(counter.window.get(), QPoint());
        m_backend->sandbox()->advanceClock(180); // paid at the store
        QSignalSpy synced(&counter.till().sync(), &EventSync::synced);
        counter.till().sync().syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(synced.count(), 1, 20000);
        QTRY_COMPARE(counter.till().paidInbox().count(), qsizetype(3));
        auto *pages = counter.window->findChild<QTabWidget *>(QStringLiteral("pages"));
        const int inboxTab = 2;
        QVERIFY2(pages->tabText(inboxTab).contains(u'3'), qPrintable(pages->tabText(inboxTab)));
        QCOMPARE(form->mapTo(counter.window.get(), QPoint()), formAt); // the form did not move
        QCOMPARE(form->text(), QStringLiteral("990"));
        QVERIFY(!counter.window->vouchersPage());
        // F4: each paid voucher is listed, as plain text.
        QTest::keyClick(counter.focused(), Qt::Key_F4);
        auto *list = counter.window->paidInboxPage()->findChild<QListWidget *>(QStringLiteral("paidList"));
        QCOMPARE(counter.focused(), list);
        QCOMPARE(list->count(), 3);
        QStringList lines;
        for (int row = 0; row < list->count(); ++row)
            lines.append(list->item(row)->text());
        const QString all = lines.join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("¥1,800  <b>佐藤</b> 太郎")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("¥2,500  鈴木 一郎")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("¥3,300  田中 美咲")), qPrintable(all));
        // Enter: one acknowledged.
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(list->count(), 2);
        QVERIFY(pages->tabText(inboxTab).contains(u'2'));
    }
    // Not acknowledged yet: still there after a restart.
    Counter again(*m_backend, path);
    QCOMPARE(again.till().paidInbox().count(), qsizetype(2));
    again.window->openPaidInboxPage()->findChild<QPushButton *>(QStringLiteral("acknowledgeAllButton"))->click();
    QCOMPARE(again.till().paidInbox().count(), qsizetype(0));
}

void TestCheckoutPage::enterOnTheFocusedIssueButton_continuesTheSameSale()
{
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("retry.sqlite")),
                    {{"X-Sandbox-Fault", "delay=3000,count=1"}});
    const qsizetype before = paymentIntents();
    counter.fillSale(QStringLiteral("1500"), QStringLiteral("山田 花子"), QStringLiteral("hanako@example.jp"),
                     QStringLiteral("090-1234-5678"));
    counter.pressEnter();
    QTest::keyClick(counter.focused(), Qt::Key_Escape); // stop waiting: a resumable failure
    QTRY_VERIFY(!counter.page->isIssuing());
    auto *issueButton = counter.page->findChild<QPushButton *>(QStringLiteral("issueButton"));
    QCOMPARE(counter.focused(), issueButton);
    // The abandoned request still reaches the sandbox (as at Stripe); its key is free again after.
    QTRY_COMPARE_WITH_TIMEOUT(paymentIntents(), before + 1, 20000);
    counter.pressEnter(); // on the button, as the message says
    QTRY_VERIFY_WITH_TIMEOUT(counter.window->voucherDialog() != nullptr, 20000);
    QCOMPARE(paymentIntents(), before + 1); // the same sale, not a second PaymentIntent
}

void TestCheckoutPage::secondEnter_neverClosesTheNewVoucher()
{
    ui::VoucherDialog::setKeyGuard(60s); // "about a second", made long so the test cannot race it
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("guard.sqlite")));
    counter.fillSale(QStringLiteral("1500"), QStringLiteral("山田 花子"), QStringLiteral("hanako@example.jp"),
                     QString());
    counter.pressEnter();
    QTRY_VERIFY_WITH_TIMEOUT(counter.window->voucherDialog() != nullptr, 20000);
    ui::VoucherDialog *dialog = counter.window->voucherDialog();
    QTRY_VERIFY(dialog->isVisible());
    for (const Qt::Key key : {Qt::Key_Return, Qt::Key_Enter, Qt::Key_Escape, Qt::Key_Space}) {
        QTest::keyClick(counter.focused(), key);
        QCoreApplication::processEvents();
        QCOMPARE(counter.window->voucherDialog(), dialog);
        QVERIFY(dialog->isVisible());
    }
    // Once the guard is over a fresh Enter closes it, a held one (auto-repeat) still does not.
    ui::VoucherDialog::setKeyGuard(0ms);
    QKeyEvent held(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier, QString(), true);
    QCoreApplication::sendEvent(counter.focused(), &held);
    QCoreApplication::processEvents();
    QCOMPARE(counter.window->voucherDialog(), dialog);
    QTest::keyClick(counter.focused(), Qt::Key_Return);
    QTRY_VERIFY(counter.window->voucherDialog() == nullptr);
    QTRY_COMPARE(counter.focused(), counter.field<QLineEdit>("amountField"));
}

void TestCheckoutPage::ctrlEnter_issuesFromAnyField()
{
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("ctrl.sqlite")));
    counter.field<QLineEdit>("amountField")->setFocus();
    counter.typeAndTab(QStringLiteral("2400"));
    counter.typeAndTab(QString());
    counter.typeAndTab(QStringLiteral("佐藤 太郎"));
    typeText(counter.field<QLineEdit>("emailField"), QStringLiteral("taro@example.jp"));
    counter.field<QLineEdit>("amountField")->setFocus();
    QTest::keyClick(counter.field<QLineEdit>("amountField"), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(counter.window->voucherDialog() != nullptr, 20000);
    QCOMPARE(counter.window->voucherDialog()->voucher().amountYen, 2400);
}

void TestCheckoutPage::enterOnTheScenarioPicker_issues()
{
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("picker.sqlite")));
    counter.fillSale(QStringLiteral("1500"), QStringLiteral("山田 花子"), QStringLiteral("hanako@example.jp"), QString());
    auto *picker = counter.field<QComboBox>("scenarioPicker");
    picker->setFocus();
    QTest::keyClick(picker, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(counter.window->voucherDialog() != nullptr, 20000);
}

void TestCheckoutPage::f2_putsTheCursorInTheAmount()
{
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("f2.sqlite")));
    // Fits a 1366×768 laptop at 125 % (about 614 logical pixels high): the form scrolls instead.
    QVERIFY2(counter.window->minimumSizeHint().height() <= 600,
             qPrintable(QString::number(counter.window->minimumSizeHint().height())));
    counter.field<QLineEdit>("emailField")->setFocus();
    QTest::keyClick(counter.window.get(), Qt::Key_F2);
    QTRY_COMPARE(counter.focused(), counter.field<QLineEdit>("amountField"));
    QTest::keyClick(counter.window.get(), Qt::Key_F3);
    QVERIFY(counter.focused() != counter.field<QLineEdit>("amountField"));
    QTest::keyClick(counter.focused(), Qt::Key_F2);
    QTRY_COMPARE(counter.focused(), counter.field<QLineEdit>("amountField"));
}

void TestCheckoutPage::escape_clearsAfterAskingAndCancelsAnUnfinishedSale()
{
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("clear.sqlite")),
                    {{"X-Sandbox-Fault", "delay=3000,count=1"}});
    counter.fillSale(QStringLiteral("1500"), QStringLiteral("山田 花子"), QStringLiteral("hanako@example.jp"),
                     QStringLiteral("090-1234-5678"));
    counter.pressEnter();
    QTest::keyClick(counter.focused(), Qt::Key_Escape); // stop waiting
    QTRY_VERIFY(!counter.page->isIssuing());
    QVERIFY(counter.session().hasUnfinishedSale());
    // The PaymentIntent is created at the sandbox although the till stopped waiting.
    QTRY_COMPARE_WITH_TIMEOUT(paymentIntents(), qsizetype(1), 20000);
    // Esc asks; "keep typing" keeps everything.
    answerNextMessageBox(QStringLiteral("clearSaleQuestion"), QStringLiteral("Keep typing"));
    QTest::keyClick(counter.focused(), Qt::Key_Escape);
    QCOMPARE(counter.field<QLineEdit>("nameField")->text(), QStringLiteral("山田 花子"));
    QVERIFY(counter.session().hasUnfinishedSale());
    // The visible クリア button asks too; "clear" empties the form and cancels the PaymentIntent.
    answerNextMessageBox(QStringLiteral("clearSaleQuestion"), QStringLiteral("Clear"));
    counter.page->findChild<QPushButton *>(QStringLiteral("clearButton"))->click();
    // The till never had the create's answer: it asks Stripe again with the same key, then cancels.
    QTRY_COMPARE_WITH_TIMEOUT(counter.field<QLineEdit>("nameField")->text(), QString(), 20000);
    QCOMPARE(counter.field<QLineEdit>("amountField")->text(), QString());
    QVERIFY(!counter.session().hasUnfinishedSale());
    QTRY_COMPARE(counter.focused(), counter.field<QLineEdit>("amountField"));
    const QString paymentIntentId = counter.voucher(1).paymentIntentId;
    QVERIFY(!paymentIntentId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_backend->sandbox()->paymentIntent(paymentIntentId).value(QStringLiteral("status")),
                              QStringLiteral("canceled"), 20000);
    // An empty form clears without asking.
    QTest::keyClick(counter.focused(), Qt::Key_Escape);
    QVERIFY(QApplication::activeModalWidget() == nullptr);
}

void TestCheckoutPage::rejectedNumber_enterInThePhoneFieldSendsAndTheMessageGoes()
{
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("rejected.sqlite")));
    counter.fillSale(QStringLiteral("1500"), QStringLiteral("山田 花子"), QStringLiteral("hanako@example.jp"),
                     QStringLiteral("012-3456-7890"));
    counter.pressEnter();
    QLabel *phoneProblem = counter.label("phoneProblem");
    QTRY_VERIFY_WITH_TIMEOUT(phoneProblem->isVisible(), 20000);
    auto *phone = counter.field<QLineEdit>("phoneField");
    QCOMPARE(QApplication::focusWidget(), phone);
    typeText(phone, QStringLiteral("080-2222-3333"));
    QVERIFY(!phoneProblem->isVisible()); // the message went with the old number
    QTest::keyClick(phone, Qt::Key_Return); // Enter right here sends the new number
    QTRY_VERIFY_WITH_TIMEOUT(counter.window->voucherDialog() != nullptr, 20000);
    QCOMPARE(counter.window->voucherDialog()->voucher().confirmationNumber, QStringLiteral("08022223333"));
}

void TestCheckoutPage::retypedSale_asksBeforeASecondVoucher()
{
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("duplicate.sqlite")));
    counter.fillSale(QStringLiteral("1500"), QStringLiteral("山田 花子"), QStringLiteral("hanako@example.jp"),
                     QStringLiteral("090-1234-5678"));
    counter.pressEnter();
    QTRY_VERIFY_WITH_TIMEOUT(counter.window->voucherDialog() != nullptr, 20000);
    const QString first = counter.window->voucherDialog()->voucher().paymentIntentId;
    QTest::keyClick(counter.focused(), Qt::Key_Return);
    QTRY_VERIFY(counter.window->voucherDialog() == nullptr);
    QCOMPARE(paymentIntents(), qsizetype(1));

    // The same customer (by phone, typed differently) and amount again: the clerk is asked, and
    // showing the existing voucher issues nothing.
    counter.fillSale(QStringLiteral("1,500"), QStringLiteral("ヤマダ ハナコ"), QStringLiteral("other@example.jp"),
                     QStringLiteral("09012345678"));
    answerNextMessageBox(QStringLiteral("duplicateQuestion"), QStringLiteral("showExisting"));
    counter.pressEnter();
    QTRY_VERIFY(counter.window->voucherDialog() != nullptr);
    QCOMPARE(counter.window->voucherDialog()->voucher().paymentIntentId, first);
    QCOMPARE(paymentIntents(), qsizetype(1));
    QTest::keyClick(counter.focused(), Qt::Key_Return);
    QTRY_VERIFY(counter.window->voucherDialog() == nullptr);

    // By e-mail, and this time the clerk issues another one.
    counter.fillSale(QStringLiteral("1500"), QStringLiteral("山田 花子"), QStringLiteral("HANAKO@example.jp"), QString());
    answerNextMessageBox(QStringLiteral("duplicateQuestion"), QStringLiteral("issueAnother"));
    counter.pressEnter();
    QTRY_VERIFY_WITH_TIMEOUT(counter.window->voucherDialog() != nullptr, 20000);
    QVERIFY(counter.window->voucherDialog()->voucher().paymentIntentId != first);
    QCOMPARE(paymentIntents(), qsizetype(2));
    QTest::keyClick(counter.focused(), Qt::Key_Return);
    QTRY_VERIFY(counter.window->voucherDialog() == nullptr);

    // Another amount is another sale: no question.
    counter.fillSale(QStringLiteral("1600"), QStringLiteral("山田 花子"), QStringLiteral("hanako@example.jp"), QString());
    counter.pressEnter();
    QTRY_VERIFY_WITH_TIMEOUT(counter.window->voucherDialog() != nullptr, 20000);
    QCOMPARE(paymentIntents(), qsizetype(3));
}

void TestCheckoutPage::voucherOnScreenWhenTheTillStopped_isShownAgain()
{
    const QString path = m_dir->filePath(QStringLiteral("onscreen.sqlite"));
    QString paymentIntentId;
    {
        Counter counter(*m_backend, path);
        counter.fillSale(QStringLiteral("1500"), QStringLiteral("山田 花子"), QStringLiteral("hanako@example.jp"),
                         QString());
        counter.pressEnter();
        QTRY_VERIFY_WITH_TIMEOUT(counter.window->voucherDialog() != nullptr, 20000);
        paymentIntentId = counter.window->voucherDialog()->voucher().paymentIntentId;
        // The till goes away with the voucher on screen (nobody closed it).
    }
    Counter counter(*m_backend, path);
    QTRY_VERIFY(counter.window->voucherDialog() != nullptr);
    QCOMPARE(counter.window->voucherDialog()->voucher().paymentIntentId, paymentIntentId);
    QLabel *notice = counter.window->voucherDialog()->findChild<QLabel *>(QStringLiteral("recoveredNotice"));
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(QStringLiteral("on screen")), qPrintable(notice->text()));
    // Closed now: the next start shows nothing.
    QTest::keyClick(counter.focused(), Qt::Key_Return);
    QTRY_VERIFY(counter.window->voucherDialog() == nullptr);
    Counter again(*m_backend, path);
    QCoreApplication::processEvents();
    QVERIFY(again.window->voucherDialog() == nullptr);
}

void TestCheckoutPage::whileASaleIsRecovered_typingGoesOnAndEnterSaysWhy()
{
    const QString path = m_dir->filePath(QStringLiteral("recovering.sqlite"));
    QVERIFY(leaveSaleUnfinished(*m_backend, path));
    Counter counter(*m_backend, path, {{"X-Sandbox-Fault", "delay=1500,count=1"}});
    counter.field<QLineEdit>("amountField")->setFocus();
    counter.till().start();
    QCOMPARE(counter.session().state(), CheckoutSession::State::Recovering);
    auto *amount = counter.field<QLineEdit>("amountField");
    QVERIFY(amount->isEnabled());
    QCOMPARE(QApplication::focusWidget(), amount);
    typeText(amount, QStringLiteral("900"));
    QTest::keyClick(amount, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY2(counter.label("messageLabel")->text().contains(QStringLiteral("finishing a sale")),
             qPrintable(counter.label("messageLabel")->text()));
    QCOMPARE(QApplication::focusWidget(), amount);
    QTRY_VERIFY_WITH_TIMEOUT(counter.window->voucherDialog() != nullptr, 20000);
    QCOMPARE(counter.window->voucherDialog()->voucher().amountYen, 3200);
    QVERIFY(counter.window->voucherDialog()->findChild<QLabel *>(QStringLiteral("recoveredNotice"))->isVisible());
    QCOMPARE(amount->text(), QStringLiteral("900")); // what the clerk typed meanwhile stays
}

void TestCheckoutPage::savedSettings_applyAtOnceAndSaySoCalmly()
{
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("settings.sqlite")));
    ui::CounterSettings changed = counter.window->counterSettings();
    changed.defaultDescription = QStringLiteral("おにぎり");
    changed.slipIs58mm = true;
    changed.storePhone = QStringLiteral("03-1234-5678");
    changed.mode = ui::StripeMode::Live; // never changed from settings
    counter.window->applyCounterSettings(changed);
    counter.window->showInfo(QStringLiteral("Settings saved and applied."));
    // The untouched form takes the new description; the notice banner (for problems) stays hidden.
    QCOMPARE(counter.field<QLineEdit>("descriptionField")->text(), QStringLiteral("おにぎり"));
    QVERIFY(!counter.window->findChild<QLabel *>(QStringLiteral("notices"))->isVisible());
    QCOMPARE(counter.window->statusBar()->currentMessage(), QStringLiteral("Settings saved and applied."));
    QCOMPARE(counter.window->counterSettings().mode, ui::StripeMode::Sandbox);
    counter.fillSale(QStringLiteral("1500"), QStringLiteral("山田 花子"), QStringLiteral("hanako@example.jp"), QString());
    counter.pressEnter();
    QTRY_VERIFY_WITH_TIMEOUT(counter.window->voucherDialog() != nullptr, 20000);
    QCOMPARE(counter.window->voucherDialog()->slipSize(), ui::VoucherSlip::Size::Receipt58mm);
}

void TestCheckoutPage::newTill_asksForItsStoreNameInsteadOfPrintingAPlaceholder()
{
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("newtill.sqlite")), {},
                    {QString(), QStringLiteral("お弁当"), ui::StripeMode::Sandbox, {}, 3, {}});
    auto *missing = counter.window->findChild<QLabel *>(QStringLiteral("storeNameMissing"));
    QVERIFY(missing->isVisible());
    QCOMPARE(counter.window->windowTitle(), QStringLiteral("Konbini POS"));
    // The first name given in Settings applies at once.
    ui::CounterSettings named = counter.window->counterSettings();
    named.storeName = QStringLiteral("渋谷店");
    counter.window->applyCounterSettings(named);
    QVERIFY(!missing->isVisible());
    QCOMPARE(counter.window->windowTitle(), QStringLiteral("Konbini POS — 渋谷店"));
    // A later rename waits for the next start (it is the till's identity at Stripe).
    named.storeName = QStringLiteral("新宿店");
    counter.window->applyCounterSettings(named);
    QCOMPARE(counter.window->counterSettings().storeName, QStringLiteral("渋谷店"));
}

QTEST_MAIN(TestCheckoutPage)
#include "TestCheckoutPage.moc"
