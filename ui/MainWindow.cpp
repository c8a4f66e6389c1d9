#include "MainWindow.h"

#include "CheckoutPage.h"
#include "VoucherDialog.h"

#include <QAction>
#include <QLabel>
#include <QToolBar>
#include <QStatusBar>
#include <QVBoxLayout>

namespace konbini::ui {

MainWindow::MainWindow(CheckoutEngine &engine, CounterSettings settings, QWidget *parent)
    : QMainWindow(parent), m_settings(std::move(settings))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Konbini POS — %1").arg(m_settings.storeName));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    auto *banner = new QLabel(central);
    banner->setObjectName(QStringLiteral("modeBanner"));
    banner->setAlignment(Qt::AlignCenter);
    QFont bannerFont = banner->font();
    bannerFont.setBold(true);
    bannerFont.setPointSizeF(bannerFont.pointSizeF() * 1.2);
    banner->setFont(bannerFont);
    switch (m_settings.mode) {
    case StripeMode::Sandbox:
        banner->setText(tr("SANDBOX — offline Stripe emulator, no real payments"));
        banner->setStyleSheet(QStringLiteral("background:#fff3cd;color:#6b4e00;padding:8px"));
        break;
    case StripeMode::Test:
        banner->setText(tr("TEST MODE — Stripe test data, no real payments"));
        banner->setStyleSheet(QStringLiteral("background:#ffe0b2;color:#7a3e00;padding:8px"));
        break;
    case StripeMode::Live:
        banner->setText(tr("LIVE — real payments"));
        banner->setStyleSheet(QStringLiteral("background:#e8f5e9;color:#1b5e20;padding:8px"));
        break;
    }
    layout->addWidget(banner);
    m_notices = new QLabel(central);
    m_notices->setObjectName(QStringLiteral("notices"));
    m_notices->setWordWrap(true);
    m_notices->setStyleSheet(QStringLiteral("background:#fdecea;color:#8a1c12;padding:6px"));
    m_notices->hide();
    layout->addWidget(m_notices);

    m_checkout = new CheckoutPage(engine, m_settings.mode != StripeMode::Live, m_settings.defaultDescription, central);
    m_checkout->setDefaultExpiryDays(m_settings.defaultExpiryDays);
    layout->addWidget(m_checkout, 1);
    setCentralWidget(central);
    connect(m_checkout, &CheckoutPage::voucherIssued, this, &MainWindow::showVoucher);
    if (!m_settings.modeDetail.isEmpty())
        statusBar()->showMessage(m_settings.modeDetail);
    QAction *settingsAction = addToolBar(tr("Counter"))->addAction(tr("Settings…"));
    settingsAction->setObjectName(QStringLiteral("settingsAction"));
    settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    connect(settingsAction, &QAction::triggered, this, &MainWindow::settingsRequested);
    resize(900, 640);
}

void MainWindow::showNotice(const QString &text)
{
    m_notices->setText(text);
    m_notices->show();
}

void MainWindow::showVoucher(const Voucher &voucher)
{
    m_voucherDialog = new VoucherDialog(voucher, m_settings.storeName, m_settings.mode != StripeMode::Live, this);
    m_voucherDialog->setPrinterName(m_settings.printerName);
    m_voucherDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_voucherDialog, &QDialog::finished, this, [this] {
        m_voucherDialog = nullptr;
        m_checkout->startNewSale();
    });
    m_voucherDialog->open();
}

} // namespace konbini::ui
