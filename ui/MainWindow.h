#pragma once

#include "SlipPrinter.h"
#include "Till.h"

#include <QMainWindow>

class QLabel;
class QScrollArea;

namespace konbini::ui {

class CheckoutPage;
class DesktopNotifier;
class ParagraphLabel;
class PaidInboxPage;
class RecoveryFailuresPanel;
class VoucherDialog;
class VouchersPage;

enum class StripeMode { Sandbox, Test, Live };

struct CounterSettings {
    QString storeName;
    QString defaultDescription;
    StripeMode mode = StripeMode::Sandbox;
    QString modeDetail; // e.g. where the sandbox keeps its state
    int defaultExpiryDays = 3;
    QString printerName;   // empty: the system's default
    bool slipIsA4 = false; // the slip-size setting: 80 mm receipt unless A4 (or 58 mm)
    bool slipIs58mm = false;
    QString storePhone{}; // printed on the slip when set
    QString storeAddress{};
    bool autoPrint = false; // a new voucher's slip is printed as the dialog opens
    bool returningCustomers = false; // offer to fill in a customer this terminal has seen
};

// The counter: a banner that always says which Stripe this is, the checkout page, and the
// voucher dialog after each sale.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Till &till, CounterSettings settings, QWidget *parent = nullptr);

    CheckoutPage *checkoutPage() const { return m_checkout; }
    // Built the first time the clerk opens it (F3): start-up only builds the counter.
    VouchersPage *vouchersPage() const { return m_vouchers; }
    VouchersPage *openVouchersPage();
    // A notice that stays above the pages until the next start (no keychain, a sale recovered…).
    void showNotice(const QString &text);
    // Information, not a problem (settings saved): in the status bar for a while.
    void showInfo(const QString &text);
    const CounterSettings &counterSettings() const { return m_settings; }
    // Settings saved while the till runs: what the counter can take at once (description, expiry,
    // printer, slip size, store contact); the Stripe mode stays.
    void applyCounterSettings(const CounterSettings &settings);
    VoucherDialog *voucherDialog() const { return m_voucherDialog; }
    // Built the first time the clerk opens it (F4); its tab counts the paid vouchers from the start.
    PaidInboxPage *paidInboxPage() const { return m_paidInbox; }
    PaidInboxPage *openPaidInboxPage();
    // Clerks: sign in (Ctrl+L; asked at start when the till has clerks), and the owner's tools.
    void signIn();
    void openClerks();
    void openAuditLog();
    void openStatementExport();
    void openEraseCustomer();
    // While the keychain has not answered, the counter is shown but takes nothing (no key, no
    // sale, no dialog that a till rebuilt for another kind of key would pull away).
    void setWaitingForKey(bool waiting);
    bool waitingForKey() const { return m_waitingForKey; }

signals:
    // Settings… (Ctrl+,), after the sign-in and the owner's PIN when the till asks for them.
    void settingsRequested();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // Why a voucher dialog opens: a sale just made (the form is cleared after it), a sale the till
    // finished at start, a voucher that was on screen when the till went away, or the clerk asked.
    enum class Shown { NewSale, Recovered, NotHandedOver, Requested };
    void showVoucher(const Voucher &voucher, Shown why);
    void openNextVoucher();
    void showRecovered(const Voucher &voucher);
    void updatePaidTab();
    // A payment while the window is not in front: the taskbar and the desktop's notification.
    void notifyPaid(qint64 voucherId);
    void updateTitle();
    // Who is signed in, in the status bar; with clerks and nobody signed in the pages wait.
    void updateClerk();
    // With clerks, whoever uses the settings or exports signs in first; false if they did not.
    bool ensureSignedIn();
    // Once the window is up and usable: vouchers that were on screen when the till went away, and
    // the sign-in when the till has clerks.
    void runStartupChecks();
    SlipPrinter::Setup slipSetup() const;
    void replacePlaceholder(int index, QWidget *page, const QString &title);

    // The pages' places: the counter, then the voucher list and the paid inbox (built on first use).
    static constexpr int kVouchersTab = 1;
    static constexpr int kPaidTab = 2;

    CounterSettings m_settings;
    Till &m_till;
    QTabWidget *m_pages = nullptr;
    CheckoutPage *m_checkout = nullptr;
    QScrollArea *m_counterScroll = nullptr;
    VouchersPage *m_vouchers = nullptr;
    PaidInboxPage *m_paidInbox = nullptr;
    VoucherDialog *m_voucherDialog = nullptr;
    // Vouchers waiting for the dialog: one at a time, none overwritten.
    QList<QPair<Voucher, Shown>> m_waitingVouchers;
    ParagraphLabel *m_notices = nullptr;
    RecoveryFailuresPanel *m_recoveryFailures = nullptr; // built when a sale could not be finished
    DesktopNotifier *m_notifier = nullptr;
    ParagraphLabel *m_storeNameMissing = nullptr;
    QWidget *m_signInBar = nullptr;
    QLabel *m_clerkLabel = nullptr;
    bool m_checkedVouchersOnScreen = false;
    bool m_waitingForKey = false;
};

} // namespace konbini::ui
