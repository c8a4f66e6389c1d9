#include "VoucherDialog.h"

#include "Formatting.h"
#include "ParagraphLabel.h"
#include "ScreenFit.h"
#include "QrCodeImage.h"
#include "VoucherSlip.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QHostAddress>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QShortcut>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QUrl>
#include <QScreen>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

namespace konbini::ui {
namespace {

std::chrono::milliseconds g_keyGuard{1000};

template <typename Label = QLabel>
Label *label(const QString &text, qreal scale = 1.0, bool bold = false, QWidget *parent = nullptr)
{
    auto *widget = new Label(text, parent);
    widget->setTextFormat(Qt::PlainText); // codes and numbers come from Stripe, names from the clerk
    QFont font = widget->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(bold);
    widget->setFont(font);
    widget->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return widget;
}

// Sentences that wrap (notices, hints): without a lone last character.
ParagraphLabel *paragraph(const QString &text, qreal scale = 1.0, bool bold = false)
{
    return label<ParagraphLabel>(text, scale, bold);
}

} // namespace

VoucherDialog::VoucherDialog(const Voucher &voucher, QString storeName, bool sandbox, QWidget *parent)
    : QDialog(parent), m_voucher(voucher)
{
    m_print.storeName = std::move(storeName);
    m_print.sandbox = sandbox;
    setObjectName(QStringLiteral("voucherDialog"));
    setWindowTitle(tr("Konbini payment slip"));
    auto *outer = new QVBoxLayout(this);
    // The voucher scrolls when it is taller than the screen (large text, a small screen); the
    // buttons below it never leave the screen.
    QVBoxLayout *layout = nullptr;
    m_scroll = makeContentScroll(this, QStringLiteral("voucherScroll"), layout);
    QWidget *content = layout->parentWidget();
    m_recovered = paragraph(QString(), 1.1, true);
    m_recovered->setObjectName(QStringLiteral("recoveredNotice"));
    m_recovered->setWordWrap(true);
    m_recovered->setStyleSheet(QStringLiteral("background:#fdecea;color:#8a1c12;padding:6px;border-radius:4px"));
    m_recovered->hide();
    layout->addWidget(m_recovered);
    if (sandbox) {
        QLabel *banner = paragraph(tr("Sandbox: this slip cannot be paid at a real store."), 1.0, true);
        banner->setObjectName(QStringLiteral("sandboxNotice"));
        banner->setStyleSheet(QStringLiteral("background:#fff3cd;color:#6b4e00;padding:6px;border-radius:4px"));
        layout->addWidget(banner);
    }

    auto *body = new QHBoxLayout;
    auto *details = new QGridLayout;
    int row = 0;
    const auto addRow = [&](const QString &caption, QLabel *value) {
        details->addWidget(label(caption, 1.2), row, 0, Qt::AlignLeft | Qt::AlignVCenter);
        details->addWidget(value, row++, 1, Qt::AlignLeft | Qt::AlignVCenter);
    };
    QLabel *amount = label(formatYen(voucher.amountYen), 2.6, true);
    amount->setObjectName(QStringLiteral("amountValue"));
    addRow(tr("Amount"), amount);
    QLabel *deadline = label(formatDeadline(voucher.expiresAt), 1.5, true);
    deadline->setObjectName(QStringLiteral("deadlineValue"));
    addRow(tr("Pay by"), deadline);
    QLabel *number = label(voucher.confirmationNumber, 2.0, true);
    number->setObjectName(QStringLiteral("confirmationNumberValue"));
    addRow(tr("Confirmation number"), number);
    for (const KonbiniStore &store : voucher.stores) {
        QLabel *code = label(store.paymentCode, 1.7, true);
        code->setObjectName(QStringLiteral("paymentCode_") + store.chain);
        addRow(storeChainName(store.chain), code);
    }
    body->addLayout(details, 3);

    auto *qrColumn = new QVBoxLayout;
    m_qr = qrCodeImage(voucher.hostedVoucherUrl, 6);
    auto *qrLabel = new QLabel(this);
    qrLabel->setObjectName(QStringLiteral("qrCode"));
    qrLabel->setPixmap(QPixmap::fromImage(m_qr));
    qrLabel->setAlignment(Qt::AlignCenter);
    qrColumn->addWidget(qrLabel);
    QLabel *qrHint = paragraph(tr("Scan with a phone to open the payment instructions."), 0.9);
    qrHint->setWordWrap(true);
    qrHint->setAlignment(Qt::AlignCenter);
    qrColumn->addWidget(qrHint);
    qrColumn->addStretch();
    body->addLayout(qrColumn, 2);
    layout->addLayout(body);
    m_scroll->setWidget(content);
    outer->addWidget(m_scroll, 1);

    // The slip's buttons and the page's (see fitToScreen).
    m_buttonRows = new QBoxLayout(QBoxLayout::LeftToRight);
    auto *slipButtons = new QHBoxLayout;
    auto *pageButtons = new QHBoxLayout;
    m_buttonRows->addLayout(slipButtons);
    m_buttonRows->addLayout(pageButtons, 1);
    QHBoxLayout *buttons = slipButtons;
    const auto button = [&](const QString &text, const char *name, auto slot) {
        auto *pushButton = new QPushButton(text, this);
        pushButton->setObjectName(QLatin1String(name));
        pushButton->setAutoDefault(false);
        connect(pushButton, &QPushButton::clicked, this, slot);
        buttons->addWidget(pushButton);
        return pushButton;
    };
    m_printReceipt = button(tr("Print receipt (80 mm)"), "printReceipt", [this] { print(true); });
    m_printA4 = button(tr("Print A4"), "printA4", [this] { print(false); });
    button(tr("Save PDF…"), "savePdf", [this] { saveAsPdf(); });
    buttons = pageButtons;
    QPushButton *copy = button(tr("Copy URL"), "copyUrl", [this] { QApplication::clipboard()->setText(m_voucher.hostedVoucherUrl); });
    connect(copy, &QPushButton::clicked, copy, [copy] { copy->setText(tr("URL copied ✓")); });
    QPushButton *browser = button(tr("Open in browser"), "openBrowser",
                                  [this] { QDesktopServices::openUrl(QUrl(m_voucher.hostedVoucherUrl, QUrl::StrictMode)); });
    // Only a web page goes to the browser (https, or the sandbox's http on this computer).
    const QUrl page(m_voucher.hostedVoucherUrl, QUrl::StrictMode);
    browser->setEnabled(page.isValid()
                        && (page.scheme() == u"https" || (page.scheme() == u"http" && QHostAddress(page.host()).isLoopback())));
    buttons->addStretch();
    QPushButton *next = button(tr("Next customer (Enter)"), "nextSale", [this] { accept(); });
    next->setDefault(true);
    next->setAutoDefault(true);
    outer->addLayout(m_buttonRows);
    m_printStatus = paragraph(QString());
    m_printStatus->setObjectName(QStringLiteral("printStatus"));
    m_printStatus->setWordWrap(true);
    m_printStatus->hide();
    outer->addWidget(m_printStatus);
    next->setFocus();
    auto *reprint = new QShortcut(QKeySequence::Print, this);
    connect(reprint, &QShortcut::activated, this, [this] { print(m_print.size != VoucherSlip::Size::A4); });
    installEventFilter(this);
    for (QWidget *child : findChildren<QWidget *>())
        child->installEventFilter(this);
    fitToScreen();
}

void VoucherDialog::setKeyGuard(std::chrono::milliseconds guard)
{
    g_keyGuard = guard;
}

void VoucherDialog::markRecovered(qint64 issuedAt)
{
    m_recovered->setText(tr("Finished after an interruption: this sale was first made at %1. Give the customer "
                            "this voucher.")
                             .arg(formatIssuedAt(issuedAt)));
    m_recovered->show();
    fitToScreen();
}

void VoucherDialog::markNotHandedOver(qint64 issuedAt)
{
    m_recovered->setText(tr("Shown again: this voucher (sale of %1) was on screen when Konbini POS stopped. Make "
                            "sure the customer has it.")
                             .arg(formatIssuedAt(issuedAt)));
    m_recovered->show();
    fitToScreen();
}

void VoucherDialog::fitToScreen()
{
    // The buttons in one row, or two when the screen is too narrow for one.
    m_buttonRows->setDirection(QBoxLayout::LeftToRight);
    if (screen() && m_buttonRows->sizeHint().width() > screen()->availableGeometry().width() - 16)
        m_buttonRows->setDirection(QBoxLayout::TopToBottom);
    ui::fitToScreen(this, m_scroll);
}

void VoucherDialog::showEvent(QShowEvent *event)
{
    m_onScreen.start();
    QDialog::showEvent(event);
}

bool VoucherDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool closes = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter
            || key->key() == Qt::Key_Escape || key->key() == Qt::Key_Space;
        const bool tooSoon = !m_onScreen.isValid() || m_onScreen.elapsed() < g_keyGuard.count();
        if (closes && (key->isAutoRepeat() || tooSoon)) {
            event->accept();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void VoucherDialog::setSlipSize(VoucherSlip::Size size)
{
    // The till's own slip size comes first; the other stays one click away.
    m_print.size = size;
    m_printReceipt->setText(size == VoucherSlip::Size::Receipt58mm ? tr("Print receipt (58 mm)")
                                                                   : tr("Print receipt (80 mm)"));
    QPushButton *preferred = size == VoucherSlip::Size::A4 ? m_printA4 : m_printReceipt;
    QPushButton *other = preferred == m_printA4 ? m_printReceipt : m_printA4;
    QFont bold = preferred->font();
    bold.setBold(true);
    preferred->setFont(bold);
    other->setFont(font());
    setTabOrder(preferred, other);
    fitToScreen();
}

void VoucherDialog::setStoreContact(const QString &phone, const QString &address)
{
    m_print.storePhone = phone;
    m_print.storeAddress = address;
}

bool VoucherDialog::printToPdf(const QString &path, bool receipt) const
{
    const SlipPrinter slips = printer();
    return slips.printToPdf(m_voucher, path, receipt ? slips.receiptSize() : VoucherSlip::Size::A4);
}

void VoucherDialog::print(bool receipt)
{
    const SlipPrinter slips = printer();
    slips.printAsking(m_voucher, receipt ? slips.receiptSize() : VoucherSlip::Size::A4, this);
}

void VoucherDialog::printAutomatically()
{
    const QString problem = printer().printNow(m_voucher);
    m_printStatus->setText(problem.isEmpty()
                               ? tr("The slip was printed.")
                               : tr("The slip was not printed: %1 Print it with the button above (Ctrl+P).").arg(problem));
    m_printStatus->setStyleSheet(problem.isEmpty() ? QString()
                                                   : QStringLiteral("background:#fdecea;color:#8a1c12;padding:6px"));
    m_printStatus->show();
    fitToScreen();
}

void VoucherDialog::saveAsPdf()
{
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + u'/'
        + QStringLiteral("konbini-%1.pdf").arg(m_voucher.confirmationNumber);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save slip as PDF"), suggested, tr("PDF files (*.pdf)"));
    if (!path.isEmpty() && !printToPdf(path, m_print.size != VoucherSlip::Size::A4))
        QMessageBox::warning(this, tr("Saving failed"), tr("The PDF could not be written to %1.").arg(path));
}

} // namespace konbini::ui
