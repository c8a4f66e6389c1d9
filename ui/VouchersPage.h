#pragma once

#include "CheckoutEngine.h"
#include "VoucherTableModel.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace konbini {
class EventSync;
class StoreSearch;
} // namespace konbini

namespace konbini::ui {

class ParagraphLabel;

// The merchant's view: every voucher of this till with live status, filters and search, and
// the actions on one (show again, cancel, reissue, refund), paid alerts and the day report.
class VouchersPage : public QWidget
{
    Q_OBJECT

public:
    VouchersPage(CheckoutEngine &engine, const Ledger &ledger, EventSync *sync, StoreSearch &storeSearch,
                 QString storeName, QWidget *parent = nullptr);

    VoucherTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    bool selectVoucher(qint64 voucherId);
    std::optional<VoucherRecord> selectedVoucher() const;

    // Test hooks: what a confirmation dialog would answer, and what a refund dialog would return.
    void setConfirmation(std::function<bool(const QString &question)> confirm) { m_confirm = std::move(confirm); }
    void setRefundInput(std::function<bool(qint64 remaining, qint64 &amount, QString &reason)> input)
    {
        m_refundInput = std::move(input);
    }
    // Asked before a cancel, refund or cancel refund goes ahead (the owner's PIN); by default yes.
    void setApproval(std::function<bool(AuditAction what, qint64 voucherId)> approve) { m_approve = std::move(approve); }
    // The clerks the list can be filtered by (the first entry, "all", is always there).
    void setClerks(const QStringList &names);

    void applyFilters();
    void cancelSelected();
    void reissueSelected();
    void refundSelected();
    void cancelSelectedRefund();
    void refreshSelected();
    void refreshAll();
    void showSelectedVoucher();
    void reprintSelected();
    void openDayReport();
    // Every terminal of the store (Stripe's Search API), read-only; off: this till's ledger.
    void showAllTerminals(bool all);
    QAbstractItemModel *shownModel() const;
    QString lastMessage() const;
    // The page's own paid banner, for when no window shows the alert (on by default).
    void setShowsPaidBanner(bool shows) { m_showsPaidBanner = shows; }
    // What the clerk is told when a voucher is paid at the store.
    static QString paidAlertText(const VoucherRecord &voucher);

signals:
    void paidNotification(qint64 voucherId, const QString &text);
    void showVoucherRequested(const konbini::Voucher &voucher);
    // Reprint (Ctrl+P): the slip of a voucher still payable, printed as the till prints slips.
    void reprintRequested(const konbini::Voucher &voucher);

private:
    void onPaid(qint64 voucherId);
    void updateDetails();
    void setMessage(const QString &text, bool problem);
    void setFailure(const QString &what, const CheckoutError &error);
    void voucherChanged(qint64 voucherId);

    CheckoutEngine &m_engine;
    const Ledger &m_ledger;
    EventSync *m_sync;
    StoreSearch &m_storeSearch;
    QString m_storeName;
    VoucherTableModel *m_model = nullptr;
    class StoreVoucherModel *m_storeModel = nullptr;
    QCheckBox *m_allTerminals = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QComboBox *m_clerkFilter = nullptr;
    QLineEdit *m_search = nullptr;
    QCheckBox *m_byDate = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    ParagraphLabel *m_paidBanner = nullptr;
    QLabel *m_details = nullptr;
    ParagraphLabel *m_message = nullptr;
    QLabel *m_messageDetails = nullptr;
    QLabel *m_syncState = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_reissue = nullptr;
    QPushButton *m_refund = nullptr;
    QPushButton *m_cancelRefund = nullptr;
    QPushButton *m_show = nullptr;
    QPushButton *m_reprint = nullptr;
    bool m_showsPaidBanner = true;
    std::function<bool(const QString &)> m_confirm;
    std::function<bool(qint64, qint64 &, QString &)> m_refundInput;
    std::function<bool(AuditAction, qint64)> m_approve = [](AuditAction, qint64) { return true; };
    QString m_refundFor; // whom the refund dialog being shown is for
    qint64 m_messageVoucherId = 0; // the voucher selected when the page's message was set
};

} // namespace konbini::ui
