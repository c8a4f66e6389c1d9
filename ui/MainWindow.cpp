#include "MainWindow.h"

#include "CheckoutPage.h"
#include "DesktopNotifier.h"
#include "AuditLogDialog.h"
#include "ClerksDialog.h"
#include "EraseCustomerDialog.h"
#include "PaidInboxPage.h"
#include "PinDialog.h"
#include "StatementExportDialog.h"
#include "WheelGuard.h"
#include "RecoveryFailuresPanel.h"
#include "ClerkMessages.h"
#include "Formatting.h"
#include "ParagraphLabel.h"
#include "Tones.h"
#include "VoucherDialog.h"
#include "VouchersPage.h"

#include <QAction>
#include <QApplication>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QShortcut>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace konbini::ui {

MainWindow::MainWindow(Till &till, CounterSettings settings, QWidget *parent)
    : QMainWindow(parent), m_settings(std::move(settings)), m_till(till)
{
    setObjectName(QStringLiteral("mainWindow"));
    updateTitle();
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    auto *banner = new QLabel(central);
    banner->setTextFormat(Qt::PlainText);
    banner->setObjectName(QStringLiteral("modeBanner"));
    banner->setAlignment(Qt::AlignCenter);
    // The counter's large size (the amount's), not bold: one face of the CJK font at start-up,
    // whose bold face alone costs more to load than the rest of the banner.
    QFont bannerFont = banner->font();
    bannerFont.setPointSizeF(bannerFont.pointSizeF() * 1.3);
    banner->setFont(bannerFont);
    switch (m_settings.mode) {
    case StripeMode::Sandbox:
        banner->setText(tr("SANDBOX — offline Stripe emulator, no real payments"));
        Tones::setBand(banner, QColor(0xff, 0xf3, 0xcd), QColor(0x6b, 0x4e, 0x00), 8);
        break;
    case StripeMode::Test:
        banner->setText(tr("TEST MODE — Stripe test data, no real payments"));
        Tones::setBand(banner, QColor(0xff, 0xe0, 0xb2), QColor(0x7a, 0x3e, 0x00), 8);
        break;
    case StripeMode::Live:
        banner->setText(tr("LIVE — real payments"));
        Tones::setBand(banner, QColor(0xe8, 0xf5, 0xe9), QColor(0x1b, 0x5e, 0x20), 8);
        break;
    }
    layout->addWidget(banner);
    m_notices = new ParagraphLabel(central);
    m_notices->setObjectName(QStringLiteral("notices"));
    m_notices->setWordWrap(true);
    m_notices->setTextFormat(Qt::PlainText);
    Tones::setBand(m_notices, QColor(0xfd, 0xec, 0xea), QColor(0x8a, 0x1c, 0x12), 6);
    m_notices->hide();
    layout->addWidget(m_notices);
    // Interrupted sales the till could not finish: listed with what to do, never a passing notice.
    // The panel is built when there is one: most starts have none, and its bold title is a second
    // face of the CJK font to load before the first paint.
    const int recoveryPanelIndex = layout->count();
    const auto addRecoveryPanel = [this, layout, recoveryPanelIndex, central] {
        if (m_recoveryFailures)
            return;
        m_recoveryFailures = new RecoveryFailuresPanel(m_till.failedRecoveries(), central);
        layout->insertWidget(recoveryPanelIndex, m_recoveryFailures);
    };
    if (!till.failedRecoveries().entries().isEmpty())
        addRecoveryPanel();
    else
        connect(&till.failedRecoveries(), &FailedRecoveries::changed, this, addRecoveryPanel, Qt::SingleShotConnection);
    // A new till asks for its store name (slips print it) instead of printing a placeholder.
    m_storeNameMissing = new ParagraphLabel(tr("Enter the store's name in Settings (Ctrl+,): it is printed on every slip. "
                                       "Until then slips have none."),
                                    central);
    m_storeNameMissing->setObjectName(QStringLiteral("storeNameMissing"));
    m_storeNameMissing->setWordWrap(true);
    Tones::setBand(m_storeNameMissing, QColor(0xe3, 0xf2, 0xfd), QColor(0x0d, 0x47, 0xa1), 6);
    m_storeNameMissing->setVisible(m_settings.storeName.isEmpty());
    layout->addWidget(m_storeNameMissing);
    // With clerks, nobody works the till before signing in.
    m_signInBar = new QWidget(central);
    m_signInBar->setObjectName(QStringLiteral("signInBar"));
    auto *signInRow = new QHBoxLayout(m_signInBar);
    auto *signInText = new QLabel(tr("Sign in to use the till."), m_signInBar);
    signInText->setTextFormat(Qt::PlainText);
    auto *signInButton = new QPushButton(tr("Sign in (Ctrl+L)"), m_signInBar);
    signInButton->setObjectName(QStringLiteral("signInButton"));
    signInRow->addWidget(signInText, 1);
    signInRow->addWidget(signInButton);
    Tones::setBand(m_signInBar, QColor(0xe3, 0xf2, 0xfd), QColor(0x0d, 0x47, 0xa1), 0);
    m_signInBar->hide();
    layout->addWidget(m_signInBar);
    connect(signInButton, &QPushButton::clicked, this, &MainWindow::signIn);

    m_pages = new QTabWidget(central);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_checkout =
        new CheckoutPage(till.session(), m_settings.mode != StripeMode::Live, m_settings.defaultDescription, m_pages);
    m_checkout->setDefaultExpiryDays(m_settings.defaultExpiryDays);
    m_pages->tabBar()->setFocusPolicy(Qt::NoFocus); // F2 and F3 switch pages; Tab stays in the form
    // In a scroll area: on a small screen (1366×768 at 125 %) the window may be shorter than the
    // form, and the issue button must never be out of reach.
    m_counterScroll = new QScrollArea(m_pages);
    m_counterScroll->setObjectName(QStringLiteral("counterScroll"));
    // Resizable before the page goes in: a scroll area that is not sizes its new widget at once,
    // a whole layout pass over the counter before the window is even shown.
    m_counterScroll->setWidgetResizable(true);
    m_counterScroll->setWidget(m_checkout);
    m_counterScroll->setFrameShape(QFrame::NoFrame);
    keepWheelForScrolling(m_counterScroll);
    m_pages->addTab(m_counterScroll, tr("Counter (F2)"));
    m_pages->addTab(new QWidget(m_pages), tr("Vouchers (F3)")); // the page itself comes on first use
    // Paid vouchers wait in their own tab (its title counts them): a payment never moves the form
    // the clerk is typing in, and the next one never replaces it.
    // Its page too comes on first use; the tab's title counts what waits from the start.
    m_pages->addTab(new QWidget(m_pages), PaidInboxPage::tabText(till.paidInbox().count()));
    connect(&till.paidInbox(), &PaidInbox::changed, this, &MainWindow::updatePaidTab);
    updatePaidTab();
    connect(&till.paidInbox(), &PaidInbox::arrived, this, &MainWindow::notifyPaid);
    connect(m_pages, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == kVouchersTab)
            openVouchersPage();
        else if (index == kPaidTab)
            openPaidInboxPage();
    });
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    auto *toCounter = new QShortcut(QKeySequence(Qt::Key_F2), this);
    connect(toCounter, &QShortcut::activated, this, [this] {
        m_pages->setCurrentWidget(m_counterScroll);
        m_checkout->focusAmount();
    });
    auto *toPaid = new QShortcut(QKeySequence(Qt::Key_F4), this);
    connect(toPaid, &QShortcut::activated, this, [this] {
        openPaidInboxPage()->findChild<QWidget *>(QStringLiteral("paidList"))->setFocus();
    });
    auto *toVouchers = new QShortcut(QKeySequence(Qt::Key_F3), this);
    connect(toVouchers, &QShortcut::activated, this, [this] { openVouchersPage()->table()->setFocus(); });
    m_checkout->setSafeguards(&till.safeguards());
    connect(m_checkout, &CheckoutPage::voucherIssued, this,
            [this](const Voucher &voucher) { showVoucher(voucher, Shown::NewSale); });
    connect(m_checkout, &CheckoutPage::showVoucherRequested, this,
            [this](const Voucher &voucher) { showVoucher(voucher, Shown::Requested); });
    // Sales the till finished at start after a crash or a quit: the clerk hands the voucher over.
    connect(&till.session(), &CheckoutSession::saleRecovered, this, &MainWindow::showRecovered);

    if (!m_settings.modeDetail.isEmpty()) {
        // A widget, not a message: information shown for a while (showInfo) covers it, then it returns.
        auto *detail = new QLabel(m_settings.modeDetail, this);
        detail->setObjectName(QStringLiteral("modeDetail"));
        detail->setTextFormat(Qt::PlainText);
        statusBar()->addWidget(detail, 1);
    }
    // A row of two buttons above the counter, not a QToolBar: a tool bar's extension icon loads
    // Qt's image format plugins at start-up (several milliseconds before the first paint).
    auto *counterBar = new QWidget(this);
    counterBar->setObjectName(QStringLiteral("counterBar"));
    auto *counterRow = new QHBoxLayout(counterBar);
    counterRow->setContentsMargins(4, 2, 4, 2);
    counterRow->setSpacing(2);
    setMenuWidget(counterBar);
    auto *settingsAction = new QAction(tr("Settings…"), this);
    settingsAction->setObjectName(QStringLiteral("settingsAction"));
    settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    addAction(settingsAction); // the shortcut works wherever the focus is
    auto *settingsButton = new QToolButton(counterBar);
    settingsButton->setObjectName(QStringLiteral("settingsButton"));
    settingsButton->setDefaultAction(settingsAction);
    settingsButton->setAutoRaise(true);
    settingsButton->setFocusPolicy(Qt::NoFocus); // as a tool bar's button: Ctrl+, reaches it
    counterRow->addWidget(settingsButton);
    connect(settingsAction, &QAction::triggered, this, [this] {
        if (ensureSignedIn() && askOwnerApproval(this, m_till.clerks(), AuditAction::SettingsChange))
            emit settingsRequested();
    });
    auto *manage = new QMenu(tr("Manage"), this);
    manage->setObjectName(QStringLiteral("manageMenu"));
    const auto addManageAction = [&](const QString &text, const char *name, void (MainWindow::*slot)()) {
        QAction *action = manage->addAction(text);
        action->setObjectName(QLatin1String(name));
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    QAction *signInAction = addManageAction(tr("Sign in / change clerk…"), "signInAction", &MainWindow::signIn);
    signInAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    addAction(signInAction); // the shortcut works with the menu closed
    QAction *signOutAction = manage->addAction(tr("Sign out"));
    signOutAction->setObjectName(QStringLiteral("signOutAction"));
    connect(signOutAction, &QAction::triggered, this, [this] { m_till.clerks().signOut(); });
    manage->addSeparator();
    addManageAction(tr("Clerks…"), "clerksAction", &MainWindow::openClerks);
    addManageAction(tr("Audit log…"), "auditLogAction", &MainWindow::openAuditLog);
    addManageAction(tr("Export statement…"), "statementAction", &MainWindow::openStatementExport);
    addManageAction(tr("Erase a customer's data…"), "eraseCustomerAction", &MainWindow::openEraseCustomer);
    auto *manageButton = new QToolButton(counterBar);
    manageButton->setObjectName(QStringLiteral("manageButton"));
    manageButton->setText(tr("Manage"));
    manageButton->setMenu(manage);
    manageButton->setPopupMode(QToolButton::InstantPopup);
    manageButton->setAutoRaise(true);
    counterRow->addWidget(manageButton);
    counterRow->addStretch(1);
    m_clerkLabel = new QLabel(this);
    m_clerkLabel->setObjectName(QStringLiteral("clerkLabel"));
    m_clerkLabel->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_clerkLabel);
    connect(&m_till.clerks(), &ClerkDesk::signedInChanged, this, &MainWindow::updateClerk);
    connect(&m_till.clerks(), &ClerkDesk::clerksChanged, this, &MainWindow::updateClerk);
    updateClerk();
    if (m_settings.returningCustomers)
        applyCounterSettings(m_settings);
    // The preferred size, within the screen's available area.
    QSize size(900, 640);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size() * 0.95);
    resize(size);
}

VouchersPage *MainWindow::openVouchersPage()
{
    if (!m_vouchers) {
        m_vouchers = new VouchersPage(m_till.engine(), m_till.ledger(), &m_till.sync(), m_till.storeSearch(),
                                      m_settings.storeName, m_pages);
        m_vouchers->setShowsPaidBanner(false); // the window shows it above both pages
        m_vouchers->setApproval([this](AuditAction what, qint64 voucherId) {
            return askOwnerApproval(this, m_till.clerks(), what, voucherId);
        });
        connect(m_vouchers, &VouchersPage::showVoucherRequested, this,
                [this](const Voucher &voucher) { showVoucher(voucher, Shown::Requested); });
        connect(m_vouchers, &VouchersPage::reprintRequested, this, [this](const Voucher &voucher) {
            const SlipPrinter slips(slipSetup());
            slips.printAsking(voucher, slips.preferredSize(), this);
        });
        replacePlaceholder(kVouchersTab, m_vouchers, tr("Vouchers (F3)"));
        updateClerk();
    }
    m_pages->setCurrentWidget(m_vouchers);
    return m_vouchers;
}

PaidInboxPage *MainWindow::openPaidInboxPage()
{
    if (!m_paidInbox) {
        m_paidInbox = new PaidInboxPage(m_till.paidInbox(), m_pages);
        replacePlaceholder(kPaidTab, m_paidInbox, PaidInboxPage::tabText(m_till.paidInbox().count()));
        updatePaidTab();
    }
    m_pages->setCurrentWidget(m_paidInbox);
    return m_paidInbox;
}

void MainWindow::replacePlaceholder(int index, QWidget *page, const QString &title)
{
    const QSignalBlocker quiet(m_pages); // replacing the placeholder is not the clerk switching pages
    QWidget *placeholder = m_pages->widget(index);
    m_pages->removeTab(index);
    placeholder->deleteLater();
    m_pages->insertTab(index, page, title);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    runStartupChecks();
}

void MainWindow::runStartupChecks()
{
    if (m_checkedVouchersOnScreen || m_waitingForKey || !isVisible())
        return;
    m_checkedVouchersOnScreen = true;
    // Vouchers that were on screen when the till went away: the customer may not have the slip.
    // Once the window is up, so the dialog opens over it.
    QTimer::singleShot(0, this, [this] {
        for (const VoucherRecord &voucher : m_till.safeguards().vouchersNotHandedOver())
            showVoucher(Voucher::from(voucher), Shown::NotHandedOver);
        if (m_till.clerks().clerksInUse() && !m_till.clerks().signedIn())
            QTimer::singleShot(0, this, &MainWindow::signIn);
    });
}

void MainWindow::setWaitingForKey(bool waiting)
{
    if (waiting == m_waitingForKey)
        return;
    m_waitingForKey = waiting;
    setEnabled(!waiting);
    if (waiting) {
        statusBar()->showMessage(tr("Reading the Stripe key from the keychain…"));
        return;
    }
    statusBar()->clearMessage();
    if (m_pages->currentWidget() == m_counterScroll)
        m_checkout->focusAmount();
    runStartupChecks();
}

void MainWindow::notifyPaid(qint64 voucherId)
{
    if (isActiveWindow())
        return; // the tab's count says it
    QApplication::alert(this); // the taskbar entry asks for attention
    const LedgerResult<VoucherRecord> paid = m_till.ledger().vouchers().voucher(voucherId);
    if (!paid)
        return;
    if (!m_notifier) {
        // On first use: start-up does not wait for the session bus.
        m_notifier = new DesktopNotifier(QDBusConnection::sessionBus(), this);
        connect(m_notifier, &DesktopNotifier::activated, this, [this] {
            showNormal();
            raise();
            activateWindow();
            openPaidInboxPage();
        });
    }
    const qsizetype waiting = m_till.paidInbox().count();
    m_notifier->show(tr("%n paid voucher(s): hand over the goods", "", int(waiting)),
                     VouchersPage::paidAlertText(paid.value()));
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    // In front again: the paid tab shows what the notification said.
    if (event->type() == QEvent::ActivationChange && isActiveWindow() && m_notifier)
        m_notifier->withdraw();
}

void MainWindow::updatePaidTab()
{
    const qsizetype count = m_till.paidInbox().count();
    m_pages->setTabText(kPaidTab, PaidInboxPage::tabText(count));
    m_pages->tabBar()->setTabTextColor(kPaidTab, count > 0 ? Tones::color(Tones::Tone::Good, palette()) : QColor());
}

void MainWindow::showNotice(const QString &text)
{
    // Notices add up (several sales may be recovered at one start); none replaces another.
    const QString shown = m_notices->isVisible() ? m_notices->text() + u'\n' + text : text;
    m_notices->setText(shown);
    m_notices->show();
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_settings.storeName.isEmpty() ? tr("Konbini POS")
                                                  : tr("Konbini POS — %1").arg(m_settings.storeName));
}

void MainWindow::showInfo(const QString &text)
{
    statusBar()->showMessage(text, 15000);
}

void MainWindow::applyCounterSettings(const CounterSettings &settings)
{
    const StripeMode mode = m_settings.mode;
    const QString modeDetail = m_settings.modeDetail;
    const QString storeName = m_settings.storeName;
    m_settings = settings;
    m_settings.mode = mode;
    m_settings.modeDetail = modeDetail;
    // The store name is the till's identity (it goes to Stripe with each sale): it changes at the
    // next start, except the first one a new till is given.
    if (!storeName.isEmpty())
        m_settings.storeName = storeName;
    m_storeNameMissing->setVisible(m_settings.storeName.isEmpty());
    updateTitle();
    m_checkout->setDefaultDescription(m_settings.defaultDescription);
    m_checkout->setDefaultExpiryDays(m_settings.defaultExpiryDays);
    if (m_settings.returningCustomers) {
        m_checkout->setReturningCustomers([this](const QString &emailOrPhone) {
            return m_till.ledger()
                .personalData()
                .returningCustomer(m_till.config().terminal.terminal, emailOrPhone)
                .value_or(std::nullopt);
        });
    } else {
        m_checkout->setReturningCustomers({});
    }
}

void MainWindow::updateClerk()
{
    ClerkDesk &desk = m_till.clerks();
    const bool inUse = desk.clerksInUse();
    const std::optional<ClerkRecord> &clerk = desk.signedIn();
    m_clerkLabel->setText(clerk ? tr("Clerk: %1").arg(clerk->name) : (inUse ? tr("Nobody signed in") : QString()));
    m_signInBar->setVisible(inUse && !clerk);
    if (QAction *signOut = findChild<QAction *>(QStringLiteral("signOutAction")))
        signOut->setEnabled(clerk.has_value());
    m_pages->setEnabled(!inUse || clerk);
    if (m_vouchers) {
        QStringList names;
        for (const ClerkRecord &each : desk.clerks())
            names << each.name;
        m_vouchers->setClerks(names);
    }
}

void MainWindow::signIn()
{
    ClerkDesk &desk = m_till.clerks();
    if (!desk.clerksInUse()) {
        showInfo(tr("This till has no clerks yet: add them in Manage → Clerks."));
        return;
    }
    if (askSignIn(this, desk) && m_pages->currentWidget() == m_counterScroll)
        m_checkout->focusAmount();
}

void MainWindow::openClerks()
{
    if (!askOwnerApproval(this, m_till.clerks(), AuditAction::ClerksChange, 0, true))
        return;
    ClerksDialog dialog(m_till.clerks(), this);
    dialog.exec();
}

void MainWindow::openAuditLog()
{
    if (!askOwnerApproval(this, m_till.clerks(), AuditAction::ViewAuditLog, 0, true))
        return;
    AuditLogDialog dialog(m_till.ledger(), m_till.clerks(), this);
    dialog.exec();
}

bool MainWindow::ensureSignedIn()
{
    ClerkDesk &desk = m_till.clerks();
    if (!desk.clerksInUse() || desk.signedIn())
        return true;
    signIn();
    return desk.signedIn().has_value();
}

void MainWindow::openStatementExport()
{
    if (!ensureSignedIn())
        return;
    StatementExportDialog dialog(m_till.ledger(), m_till.clerks(), this);
    dialog.exec();
}

void MainWindow::openEraseCustomer()
{
    if (!askOwnerApproval(this, m_till.clerks(), AuditAction::EraseCustomer, 0, true))
        return;
    const std::optional<ClerkRecord> &clerk = m_till.clerks().signedIn();
    EraseCustomerDialog dialog(m_till.retention(), clerk ? clerk->name : QString(), this);
    dialog.exec();
    if (m_vouchers)
        m_vouchers->applyFilters();
}

SlipPrinter::Setup MainWindow::slipSetup() const
{
    SlipPrinter::Setup setup;
    setup.storeName = m_settings.storeName;
    setup.sandbox = m_settings.mode != StripeMode::Live;
    setup.printerName = m_settings.printerName;
    setup.size = m_settings.slipIsA4 ? VoucherSlip::Size::A4
        : m_settings.slipIs58mm      ? VoucherSlip::Size::Receipt58mm
                                     : VoucherSlip::Size::Receipt80mm;
    setup.storePhone = m_settings.storePhone;
    setup.storeAddress = m_settings.storeAddress;
    return setup;
}

void MainWindow::showRecovered(const Voucher &voucher)
{
    showNotice(tr("A sale interrupted earlier (%1, %2) was finished: give the customer this voucher.")
                   .arg(formatYen(voucher.amountYen), formatIssuedAt(voucher.issuedAt)));
    showVoucher(voucher, Shown::Recovered);
}

void MainWindow::showVoucher(const Voucher &voucher, Shown why)
{
    for (const auto &[waiting, reason] : std::as_const(m_waitingVouchers)) {
        if (waiting.voucherId == voucher.voucherId && voucher.voucherId != 0)
            return;
    }
    if (m_voucherDialog && m_voucherDialog->voucher().voucherId == voucher.voucherId && voucher.voucherId != 0)
        return;
    m_waitingVouchers.append({voucher, why});
    if (!m_voucherDialog)
        openNextVoucher();
}

void MainWindow::openNextVoucher()
{
    if (m_waitingVouchers.isEmpty())
        return;
    const auto [voucher, why] = m_waitingVouchers.takeFirst();
    m_voucherDialog = new VoucherDialog(voucher, m_settings.storeName, m_settings.mode != StripeMode::Live, this);
    m_voucherDialog->setPrinterName(m_settings.printerName);
    m_voucherDialog->setSlipSize(slipSetup().size);
    m_voucherDialog->setStoreContact(m_settings.storePhone, m_settings.storeAddress);
    m_voucherDialog->setAttribute(Qt::WA_DeleteOnClose);
    if (why == Shown::Recovered)
        m_voucherDialog->markRecovered(voucher.issuedAt);
    else if (why == Shown::NotHandedOver)
        m_voucherDialog->markNotHandedOver(voucher.issuedAt);
    m_till.safeguards().voucherShown(voucher.voucherId);
    const qint64 voucherId = voucher.voucherId;
    connect(m_voucherDialog, &QDialog::finished, this, [this, why, voucherId] {
        m_voucherDialog = nullptr;
        m_till.safeguards().voucherHandedOver(voucherId);
        if (why == Shown::NewSale)
            m_checkout->startNewSale();
        // The next one after this has gone (a queued call: not inside the closing dialog's event).
        QTimer::singleShot(0, this, &MainWindow::openNextVoucher);
    });
    m_voucherDialog->open();
    if (why == Shown::NewSale && m_settings.autoPrint) {
        // Once the voucher is on screen: the clerk sees it while the printer works.
        QTimer::singleShot(0, m_voucherDialog, &VoucherDialog::printAutomatically);
    }
}

} // namespace konbini::ui
