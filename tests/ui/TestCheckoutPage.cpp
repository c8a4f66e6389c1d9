#include "CheckoutPage.h"
#include "MainWindow.h"
#include "StripeBackend.h"
#include "TillHarness.h"
#include "VoucherDialog.h"
#include "VouchersPage.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTabWidget>
#include <QSignalSpy>

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
    void pressEnter() { QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); }
    void fillSale(const QString &amount, const QString &name, const QString &email, const QString &phone)
    {
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
    void paidAlert_needsNoVouchersPage();

private:
    qsizetype paymentIntents() const { return m_backend->sandbox()->count(QStringLiteral("/v1/payment_intents")); }

    std::unique_ptr<StripeBackend> m_backend;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCheckoutPage::init()
{
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
    const HttpResult pi = m_backend->sandbox()->get(QStringLiteral("/v1/payment_intents/") + voucher.paymentIntentId);
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
    counter.pressEnter();
    QVERIFY(counter.page->isIssuing());
    QVERIFY(!counter.field<QLineEdit>("amountField")->isEnabled());
    QVERIFY(!counter.page->findChild<QPushButton *>(QStringLiteral("issueButton"))->isEnabled());
    QVERIFY(counter.page->findChild<QProgressBar *>(QStringLiteral("busyIndicator"))->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!counter.page->isIssuing(), 20000);
    QVERIFY(counter.field<QLineEdit>("amountField")->isEnabled());
    QVERIFY(!counter.page->findChild<QProgressBar *>(QStringLiteral("busyIndicator"))->isVisible());
    QVERIFY(!counter.label("messageLabel")->text().isEmpty());
    QCOMPARE(counter.field<QLineEdit>("nameField")->text(), QStringLiteral("山田 花子"));
    QCOMPARE(counter.field<QLineEdit>("phoneField")->text(), QStringLiteral("09012345678"));
    QVERIFY(counter.window->voucherDialog() == nullptr);
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
    {
        // Every answer lost: the sale stays pending in the journal when the till goes away.
        TillHarness down(*m_backend, path, QStringLiteral("till-1"), {{"X-Sandbox-Fault", "drop_after"}});
        CheckoutRequest request;
        request.amountYen = 3200;
        request.productDescription = QStringLiteral("お弁当");
        request.customerName = QStringLiteral("山田 花子");
        request.email = QStringLiteral("hanako@example.jp");
        request.phone = QStringLiteral("090-1234-5678");
        const CheckoutOutcome outcome = down.issue(request);
        QVERIFY(!outcome.ok());
        QVERIFY(outcome.error().resumable);
    }
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
void TestCheckoutPage::vouchersPage_isBuiltOnFirstUse()
{
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("lazy.sqlite")));
    QVERIFY(!counter.window->vouchersPage());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F3);
    ui::VouchersPage *page = counter.window->vouchersPage();
    QVERIFY(page);
    auto *pages = counter.window->findChild<QTabWidget *>(QStringLiteral("pages"));
    QCOMPARE(pages->currentWidget(), page);
    QCOMPARE(pages->count(), 2);
    QCOMPARE(pages->tabText(1), QStringLiteral("Vouchers (F3)"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F2);
    QCOMPARE(pages->currentWidget(), counter.page);
    pages->setCurrentIndex(1); // the tab, clicked
    QCOMPARE(counter.window->vouchersPage(), page); // built once
}

// A voucher paid at the store raises the alert over the counter, whether or not the list was opened.
void TestCheckoutPage::paidAlert_needsNoVouchersPage()
{
    Counter counter(*m_backend, m_dir->filePath(QStringLiteral("paid.sqlite")));
    counter.fillSale(QStringLiteral("1800"), QStringLiteral("<b>佐藤</b> 太郎"), QStringLiteral("taro@example.jp"),
                     QStringLiteral("090-1234-5678"));
    counter.pressEnter();
    QTRY_VERIFY_WITH_TIMEOUT(counter.window->voucherDialog() != nullptr, 20000);
    QTest::keyClick(counter.window->voucherDialog(), Qt::Key_Escape);
    m_backend->sandbox()->advanceClock(180); // paid at the store
    QSignalSpy synced(&counter.till().sync(), &EventSync::synced);
    counter.till().sync().syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(synced.count(), 1, 20000);
    auto *alert = counter.window->findChild<QLabel *>(QStringLiteral("paidAlert"));
    QTRY_VERIFY(alert->isVisible());
    QCOMPARE(alert->textFormat(), Qt::PlainText);
    QVERIFY(alert->text().contains(QStringLiteral("<b>佐藤</b> 太郎")));
    QVERIFY(alert->text().contains(QStringLiteral("¥1,800")));
    QVERIFY(!counter.window->vouchersPage());
}

QTEST_MAIN(TestCheckoutPage)
#include "TestCheckoutPage.moc"
