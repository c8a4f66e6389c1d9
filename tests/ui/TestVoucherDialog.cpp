#include "Formatting.h"
#include "QrCodeImage.h"
#include "VoucherDialog.h"

#include <QLabel>
#include <QProcess>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QScopeGuard>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace konbini;

namespace {

Voucher sampleVoucher()
{
    Voucher voucher;
    voucher.voucherId = 7;
    voucher.paymentIntentId = QStringLiteral("pi_sample");
    voucher.amountYen = 12345;
    voucher.customerName = QStringLiteral("山田 花子");
    voucher.confirmationNumber = QStringLiteral("09012345678");
    voucher.expiresAt = QDateTime(QDate(2026, 12, 1), QTime(14, 59, 59), Qt::UTC).toSecsSinceEpoch();
    voucher.hostedVoucherUrl =
        QStringLiteral("http://127.0.0.1:41234/konbini/voucher/test_AbCdEfGhIjKlMnOpQrStUvWx0123456789");
    voucher.issuedAt = QDateTime(QDate(2026, 11, 28), QTime(1, 42), Qt::UTC).toSecsSinceEpoch();
    voucher.stores = {{QStringLiteral("familymart"), QStringLiteral("123456-654321"), voucher.confirmationNumber},
                      {QStringLiteral("lawson"), QStringLiteral("LW1234567890"), voucher.confirmationNumber},
                      {QStringLiteral("ministop"), QStringLiteral("MS1234567890"), voucher.confirmationNumber},
                      {QStringLiteral("seicomart"), QStringLiteral("SM1234567890"), voucher.confirmationNumber}};
    return voucher;
}

QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(30000))
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class TestVoucherDialog : public QObject
{
    Q_OBJECT

private slots:
    void qrCode_decodesToHostedVoucherUrl();
    void dialog_showsEveryChainAndClosesOnEnter();
    void enterInItsFirstMoments_isIgnored();
    void recoveredVoucher_saysSo();
    void serverText_isShownAsText();
    void printedPdf_containsNumberAndCodes_data();
    void printedPdf_containsNumberAndCodes();
    void autoPrint_printsTheTillsSlipAndSaysSo();
    void autoPrint_thatFails_saysWhatToDo();
    void largeText_fitsTheScreenWithItsButtons();

private:
    QTemporaryDir m_dir;
};

void TestVoucherDialog::qrCode_decodesToHostedVoucherUrl()
{
    const Voucher voucher = sampleVoucher();
    ui::VoucherDialog dialog(voucher, QStringLiteral("渋谷店"), true);
    const QString path = m_dir.filePath(QStringLiteral("qr.png"));
    QVERIFY(dialog.qrImage().save(path));
    QCOMPARE(run(QStringLiteral("zbarimg"), {QStringLiteral("-q"), QStringLiteral("--raw"), path}).trimmed(),
             voucher.hostedVoucherUrl);
    QVERIFY(ui::qrCodeImage(QString(5000, u'x')).isNull()); // too long for a QR code: no image, no crash
}

void TestVoucherDialog::dialog_showsEveryChainAndClosesOnEnter()
{
    ui::VoucherDialog dialog(sampleVoucher(), QStringLiteral("渋谷店"), false);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("amountValue"))->text(), QStringLiteral("¥12,345"));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("paymentCode_lawson"))->text(), QStringLiteral("LW1234567890"));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("paymentCode_familymart"))->text(),
             QStringLiteral("123456-654321"));
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("sandboxNotice")));
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("nextSale"))->isDefault());
    ui::VoucherDialog::setKeyGuard(std::chrono::milliseconds(0));
    QSignalSpy finished(&dialog, &QDialog::finished);
    QTest::keyClick(&dialog, Qt::Key_Return);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestVoucherDialog::enterInItsFirstMoments_isIgnored()
{
    ui::VoucherDialog::setKeyGuard(std::chrono::hours(1));
    ui::VoucherDialog dialog(sampleVoucher(), QStringLiteral("渋谷店"), false);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy finished(&dialog, &QDialog::finished);
    for (const Qt::Key key : {Qt::Key_Return, Qt::Key_Enter, Qt::Key_Escape, Qt::Key_Space}) {
        QTest::keyClick(dialog.focusWidget() ? dialog.focusWidget() : &dialog, key);
        QTest::keyClick(&dialog, key);
    }
    QCOMPARE(finished.count(), 0);
    QVERIFY(dialog.isVisible());
    // The buttons still work by mouse.
    dialog.findChild<QPushButton *>(QStringLiteral("nextSale"))->click();
    QCOMPARE(finished.count(), 1);
    ui::VoucherDialog::setKeyGuard(std::chrono::milliseconds(0));
}

void TestVoucherDialog::recoveredVoucher_saysSo()
{
    ui::VoucherDialog dialog(sampleVoucher(), QStringLiteral("渋谷店"), false);
    auto *notice = dialog.findChild<QLabel *>(QStringLiteral("recoveredNotice"));
    QVERIFY(notice->isHidden());
    dialog.markRecovered(sampleVoucher().issuedAt);
    QVERIFY(!notice->isHidden());
    QVERIFY2(notice->text().contains(ui::formatIssuedAt(sampleVoucher().issuedAt)), qPrintable(notice->text()));
    QCOMPARE(notice->textFormat(), Qt::PlainText);
}

void TestVoucherDialog::printedPdf_containsNumberAndCodes_data()
{
    QTest::addColumn<ui::VoucherSlip::Size>("size");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("pageWidth"); // pdfinfo's points, rounded
    for (const QString &language : {QStringLiteral("ja"), QStringLiteral("en")}) {
        QTest::addRow("80 mm %s", qPrintable(language)) << ui::VoucherSlip::Size::Receipt80mm << language << "227";
        QTest::addRow("58 mm %s", qPrintable(language)) << ui::VoucherSlip::Size::Receipt58mm << language << "164";
        QTest::addRow("A4 %s", qPrintable(language)) << ui::VoucherSlip::Size::A4 << language << "595";
    }
}

// Every field on the slip in full (the deadline with its year, the codes with their caption,
// the customer, the product, the store and when it was issued), on a page as long as its content.
void TestVoucherDialog::printedPdf_containsNumberAndCodes()
{
    QFETCH(ui::VoucherSlip::Size, size);
    QFETCH(QString, language);
    QFETCH(QString, pageWidth);
    QTranslator translator;
    if (language == u"ja") {
        QVERIFY(translator.load(QStringLiteral(KONBINI_JA_QM)));
        QCoreApplication::installTranslator(&translator);
        QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
    }
    Voucher voucher = sampleVoucher();
    voucher.productDescription = QStringLiteral("お弁当");
    ui::VoucherDialog dialog(voucher, QStringLiteral("渋谷店"), true);
    dialog.setSlipSize(size);
    dialog.setStoreContact(QStringLiteral("03-1234-5678"), QStringLiteral("東京都渋谷区1-2-3"));
    const QString pdf = m_dir.filePath(QStringLiteral("slip-%1-%2.pdf").arg(int(size)).arg(language));
    QVERIFY(dialog.printToPdf(pdf, size != ui::VoucherSlip::Size::A4));
    QCoreApplication::removeTranslator(&translator);
    QLocale::setDefault(QLocale::c());
    // NFKC: the CJK font maps some ideographs to look-alike Kangxi radicals (谷 → ⾕) in its
    // text layer; normalizing folds them back. Line breaks and the spaces of -layout go too.
    QString text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).normalized(QString::NormalizationForm_KC);
    text.remove(u'\n').remove(u' ');
    const auto has = [&text](const QString &expected) {
        QString compact = expected.normalized(QString::NormalizationForm_KC);
        compact.remove(u' ');
        return text.contains(compact);
    };
    QVERIFY2(has(voucher.confirmationNumber), qPrintable(text));
    for (const KonbiniStore &store : voucher.stores)
        QVERIFY2(has(store.paymentCode), qPrintable(store.paymentCode));
    QVERIFY(has(QStringLiteral("¥12,345")));
    QVERIFY(has(QStringLiteral("渋谷店")));
    QVERIFY2(has(QStringLiteral("03-1234-5678")), qPrintable(text));
    QVERIFY(has(QStringLiteral("東京都渋谷区1-2-3")));
    QVERIFY(has(QStringLiteral("お弁当")));
    if (language == u"en")
        QVERIFY2(has(ui::formatDeadline(voucher.expiresAt)), qPrintable(ui::formatDeadline(voucher.expiresAt) + u'|' + text));
    QVERIFY2(has(ui::formatIssuedAt(voucher.issuedAt)), qPrintable(text));
    if (language == u"ja") {
        QVERIFY2(has(QStringLiteral("2026年12月1日")), qPrintable(text)); // the year is there
        QVERIFY(has(QStringLiteral("山田花子様")));
        QVERIFY(has(QStringLiteral("お支払い番号")));
        QVERIFY(has(QStringLiteral("確認番号")));
    } else {
        QVERIFY(has(QStringLiteral("2026")));
        QVERIFY(has(QStringLiteral("山田花子")));
        QVERIFY(has(QStringLiteral("Payment code")));
        QVERIFY(has(QStringLiteral("Confirmation number")));
    }
    // The printed QR code still reads as the voucher's page.
    const QString pagePrefix = pdf + QStringLiteral("-page");
    run(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("200"), QStringLiteral("-png"),
                                     QStringLiteral("-singlefile"), pdf, pagePrefix});
    QCOMPARE(run(QStringLiteral("zbarimg"), {QStringLiteral("-q"), QStringLiteral("--raw"), pagePrefix + QStringLiteral(".png")})
                 .trimmed(),
             voucher.hostedVoucherUrl);
    const QString info = run(QStringLiteral("pdfinfo"), {pdf});
    const QString pageSize = info.section(QStringLiteral("Page size:"), 1).section(u'\n', 0, 0);
    QVERIFY2(pageSize.trimmed().startsWith(pageWidth + QStringLiteral(" x")), qPrintable(pageSize));
    if (size != ui::VoucherSlip::Size::A4) {
        // As long as its content: between 100 mm and 250 mm, not a fixed 200 mm half blank.
        const double heightPt = pageSize.section(QStringLiteral(" x "), 1).section(u' ', 0, 0).toDouble();
        QVERIFY2(heightPt > 100 / 25.4 * 72 && heightPt < 250 / 25.4 * 72, qPrintable(pageSize));
        QVERIFY2(qAbs(heightPt - 200 / 25.4 * 72) > 3, qPrintable(pageSize));
    }
}

void TestVoucherDialog::serverText_isShownAsText()
{
    // A hostile server's payment code: shown literally, no image fetched, no markup obeyed.
    Voucher voucher = sampleVoucher();
    voucher.stores.first().paymentCode = QStringLiteral("<img src=\"file:///etc/passwd\"><b>1</b>");
    ui::VoucherDialog dialog(voucher, QStringLiteral("<i>店</i>"), true);
    QLabel *code = dialog.findChild<QLabel *>(QStringLiteral("paymentCode_") + voucher.stores.first().chain);
    QVERIFY(code);
    QCOMPARE(code->textFormat(), Qt::PlainText);
    QCOMPARE(code->text(), voucher.stores.first().paymentCode);
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->text().contains(u'<'))
            QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->objectName()));
    }
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("openBrowser"))->isEnabled());
    voucher.hostedVoucherUrl = QStringLiteral("javascript:alert(1)");
    ui::VoucherDialog hostile(voucher, QStringLiteral("店"), true);
    QVERIFY(!hostile.findChild<QPushButton *>(QStringLiteral("openBrowser"))->isEnabled());
}

void TestVoucherDialog::autoPrint_printsTheTillsSlipAndSaysSo()
{
    // Where the printer would be: each slip as a PDF, to read back.
    QStringList printed;
    ui::SlipPrinter::setSinkForTests([&](const ui::VoucherSlip &slip, ui::VoucherSlip::Size size) {
        const QString pdf = m_dir.filePath(QStringLiteral("auto-%1.pdf").arg(printed.size()));
        printed << pdf;
        return size == ui::VoucherSlip::Size::Receipt58mm && slip.printToPdf(pdf, size);
    });
    ui::VoucherDialog dialog(sampleVoucher(), QStringLiteral("渋谷店"), false);
    dialog.setSlipSize(ui::VoucherSlip::Size::Receipt58mm);
    dialog.setStoreContact(QStringLiteral("03-1234-5678"), QString());
    dialog.show();
    dialog.printAutomatically();
    ui::SlipPrinter::setSinkForTests({});
    QCOMPARE(printed.size(), 1);
    const QString text = run(QStringLiteral("pdftotext"), {printed.first(), QStringLiteral("-")})
                             .normalized(QString::NormalizationForm_KC);
    QVERIFY2(text.contains(sampleVoucher().confirmationNumber), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("03-1234-5678")));
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("printStatus"));
    QVERIFY(status->isVisible());
    QVERIFY(status->text().contains(QStringLiteral("printed")));
    QVERIFY(!status->text().contains(QStringLiteral("not printed")));
}

void TestVoucherDialog::autoPrint_thatFails_saysWhatToDo()
{
    ui::SlipPrinter::setSinkForTests([](const ui::VoucherSlip &, ui::VoucherSlip::Size) { return false; });
    ui::VoucherDialog dialog(sampleVoucher(), QStringLiteral("渋谷店"), false);
    dialog.show();
    dialog.printAutomatically();
    ui::SlipPrinter::setSinkForTests({});
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("printStatus"));
    QVERIFY(status->isVisible());
    QVERIFY2(status->text().contains(QStringLiteral("not printed")), qPrintable(status->text()));
    QVERIFY(status->text().contains(QStringLiteral("Ctrl+P")));
    QVERIFY(dialog.isVisible()); // the voucher stays on screen to be printed by hand
}

void TestVoucherDialog::largeText_fitsTheScreenWithItsButtons()
{
    // Text at 200 %, a recovered sale's notice, every chain: far taller than the screen.
    const QFont before = QApplication::font();
    QFont large = before;
    large.setPointSizeF(before.pointSizeF() * 2);
    QApplication::setFont(large);
    const auto restore = qScopeGuard([&] { QApplication::setFont(before); });
    ui::VoucherDialog dialog(sampleVoucher(), QStringLiteral("渋谷店"), true);
    dialog.markRecovered(1'800'000'000);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QRect screen = dialog.screen()->availableGeometry();
    QVERIFY2(dialog.height() <= screen.height() && dialog.width() <= screen.width(),
             qPrintable(QStringLiteral("%1x%2 on %3x%4").arg(dialog.width()).arg(dialog.height())
                            .arg(screen.width()).arg(screen.height())));
    // The buttons are inside the dialog, on screen; the voucher itself scrolls.
    for (const char *name : {"nextSale", "printReceipt", "printA4", "savePdf"}) {
        auto *button = dialog.findChild<QPushButton *>(QLatin1String(name));
        const QRect at(button->mapTo(&dialog, QPoint()), button->size());
        QVERIFY2(dialog.rect().contains(at) && button->isVisible(), name);
    }
    auto *scroll = dialog.findChild<QScrollArea *>(QStringLiteral("voucherScroll"));
    QVERIFY(scroll->verticalScrollBar()->maximum() > 0);
    // At the ordinary size, everything shows without scrolling.
    QApplication::setFont(before);
    ui::VoucherDialog ordinary(sampleVoucher(), QStringLiteral("渋谷店"), true);
    ordinary.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ordinary));
    QCOMPARE(ordinary.findChild<QScrollArea *>(QStringLiteral("voucherScroll"))->verticalScrollBar()->maximum(), 0);
}

QTEST_MAIN(TestVoucherDialog)
#include "TestVoucherDialog.moc"
