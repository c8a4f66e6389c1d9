#include "VouchersPage.h"

#include "ClerkMessages.h"
#include "DayReportDialog.h"
#include "EventSync.h"
#include "Formatting.h"
#include "ParagraphLabel.h"
#include "Tones.h"
#include "KonbiniRules.h"
#include "StoreSearch.h"
#include "StoreVoucherModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace konbini::ui {
namespace {

constexpr int kCountdownRefreshMs = 30'000;

} // namespace

VouchersPage::VouchersPage(CheckoutEngine &engine, const Ledger &ledger, EventSync *sync, StoreSearch &storeSearch,
                           QString storeName, QWidget *parent)
    : QWidget(parent), m_engine(engine), m_ledger(ledger), m_sync(sync), m_storeSearch(storeSearch),
      m_storeName(std::move(storeName))
{
    setObjectName(QStringLiteral("vouchersPage"));
    auto *layout = new QVBoxLayout(this);

    m_paidBanner = new ParagraphLabel(this);
    m_paidBanner->setObjectName(QStringLiteral("paidBanner"));
    m_paidBanner->setTextFormat(Qt::PlainText); // it quotes the customer's name
    m_paidBanner->setStyleSheet(QStringLiteral("background:#e8f5e9;color:#1b5e20;font-weight:bold;padding:8px"));
    m_paidBanner->hide();
    layout->addWidget(m_paidBanner);

    auto *filters = new QHBoxLayout;
    m_statusFilter = new QComboBox(this);
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->setAccessibleName(tr("Status"));
    m_statusFilter->addItem(tr("All statuses"));
    for (VoucherStatus status : allVoucherStatuses())
        m_statusFilter->addItem(voucherStatusLabel(status), voucherStatusKey(status));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Search name, e-mail, phone, confirmation number, payment code, pi_…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search vouchers"));
    m_byDate = new QCheckBox(tr("Issued between"), this);
    m_from = new QDateEdit(this);
    m_to = new QDateEdit(this);
    m_from->setAccessibleName(tr("Issued from (date)"));
    m_to->setAccessibleName(tr("Issued until (date)"));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setDate(KonbiniRules::jstDate(QDateTime::currentSecsSinceEpoch()));
        edit->setEnabled(false);
    }
    m_clerkFilter = new QComboBox(this);
    m_clerkFilter->setObjectName(QStringLiteral("clerkFilter"));
    m_clerkFilter->setAccessibleName(tr("Clerk"));
    m_clerkFilter->addItem(tr("All clerks"));
    m_clerkFilter->hide(); // until the till has clerks
    filters->addWidget(m_statusFilter);
    filters->addWidget(m_clerkFilter);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_byDate);
    filters->addWidget(m_from);
    filters->addWidget(m_to);
    m_allTerminals = new QCheckBox(tr("All terminals (read-only)"), this);
    m_allTerminals->setObjectName(QStringLiteral("allTerminals"));
    filters->addWidget(m_allTerminals);
    layout->addLayout(filters);

    m_model = new VoucherTableModel(ledger, {}, this);
    m_storeModel = new StoreVoucherModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("vouchersTable"));
    m_table->setAccessibleName(tr("Vouchers"));
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(VoucherTableModel::IssuedAt, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(VoucherTableModel::Customer, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table, 1);

    auto *actions = new QHBoxLayout;
    const auto button = [&](const QString &text, const char *name, void (VouchersPage::*slot)()) {
        auto *pushButton = new QPushButton(text, this);
        pushButton->setObjectName(QLatin1String(name));
        connect(pushButton, &QPushButton::clicked, this, slot);
        actions->addWidget(pushButton);
        return pushButton;
    };
    m_show = button(tr("Show voucher"), "showVoucher", &VouchersPage::showSelectedVoucher);
    m_reprint = button(tr("Reprint slip (Ctrl+P)"), "reprintSlip", &VouchersPage::reprintSelected);
    auto *reprintKey = new QShortcut(QKeySequence::Print, this);
    reprintKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(reprintKey, &QShortcut::activated, this, &VouchersPage::reprintSelected);
    m_cancel = button(tr("Cancel voucher"), "cancelVoucher", &VouchersPage::cancelSelected);
    m_reissue = button(tr("Reissue"), "reissueVoucher", &VouchersPage::reissueSelected);
    m_refund = button(tr("Refund…"), "refundVoucher", &VouchersPage::refundSelected);
    m_cancelRefund = button(tr("Cancel refund"), "cancelRefund", &VouchersPage::cancelSelectedRefund);
    actions->addStretch();
    button(tr("Refresh"), "refreshSelected", &VouchersPage::refreshSelected);
    button(tr("Refresh all"), "refreshAll", &VouchersPage::refreshAll);
    button(tr("Day report…"), "dayReport", &VouchersPage::openDayReport);
    layout->addLayout(actions);

    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText); // built from escaped text only (see updateDetails)
    layout->addWidget(m_details);
    m_message = new ParagraphLabel(this);
    m_message->setObjectName(QStringLiteral("pageMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    layout->addWidget(m_message);
    // Stripe's own words and request id (English), for support: never the message itself.
    m_messageDetails = new QLabel(this);
    m_messageDetails->setObjectName(QStringLiteral("pageMessageDetails"));
    m_messageDetails->setWordWrap(true);
    m_messageDetails->setTextFormat(Qt::PlainText);
    m_messageDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_messageDetails->setStyleSheet(Tones::textStyle(Tones::Tone::Quiet, palette()) + QStringLiteral(";font-size:small"));
    layout->addWidget(m_messageDetails);
    m_syncState = new QLabel(this);
    m_syncState->setTextFormat(Qt::PlainText);
    m_syncState->setObjectName(QStringLiteral("syncState"));
    layout->addWidget(m_syncState);

    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &VouchersPage::applyFilters);
    connect(m_clerkFilter, &QComboBox::currentIndexChanged, this, &VouchersPage::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, &VouchersPage::applyFilters);
    connect(m_byDate, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        applyFilters();
    });
    connect(m_allTerminals, &QCheckBox::toggled, this, &VouchersPage::showAllTerminals);
    connect(m_from, &QDateEdit::dateChanged, this, &VouchersPage::applyFilters);
    connect(m_to, &QDateEdit::dateChanged, this, &VouchersPage::applyFilters);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &VouchersPage::updateDetails);
    connect(m_model, &QAbstractItemModel::modelReset, this, &VouchersPage::updateDetails);
    connect(m_table, &QTableView::activated, this, &VouchersPage::showSelectedVoucher);
    connect(&m_engine, &CheckoutEngine::voucherChanged, this, &VouchersPage::voucherChanged);
    connect(&m_engine, &CheckoutEngine::voucherIssued, this, &VouchersPage::voucherChanged);
    auto *countdown = new QTimer(this);
    connect(countdown, &QTimer::timeout, m_model, &VoucherTableModel::tick);
    countdown->start(kCountdownRefreshMs);

    if (m_sync) {
        connect(m_sync, &EventSync::voucherPaid, this, &VouchersPage::onPaid);
        connect(m_sync, &EventSync::voucherChanged, this, &VouchersPage::voucherChanged);
        connect(m_sync, &EventSync::refundChanged, this,
                [this](const QString &, qint64 voucherId) { voucherChanged(voucherId); });
        connect(m_sync, &EventSync::synced, this, [this](qint64 at) {
            m_syncState->setText(tr("Last checked with Stripe: %1")
                                     .arg(QDateTime::fromSecsSinceEpoch(at + KonbiniRules::kJstOffsetSeconds, Qt::UTC)
                                              .toString(QStringLiteral("HH:mm:ss"))));
            m_syncState->setStyleSheet(QString());
        });
        connect(m_sync, &EventSync::offlineChanged, this, [this](bool offline) {
            if (offline) {
                m_syncState->setText(tr("Offline: payments are checked again as soon as Stripe can be reached."));
                m_syncState->setStyleSheet(Tones::textStyle(Tones::Tone::Problem, palette(), true));
            }
        });
    }
    m_confirm = [this](const QString &question) {
        // The question names the customer: plain text, never markup.
        QMessageBox box(QMessageBox::Question, tr("Konbini POS"), question, QMessageBox::Yes | QMessageBox::No, this);
        box.setTextFormat(Qt::PlainText);
        box.setDefaultButton(QMessageBox::No);
        return box.exec() == QMessageBox::Yes;
    };
    m_refundInput = [this](qint64 remaining, qint64 &amount, QString &reason) {
        QDialog dialog(this);
        dialog.setWindowTitle(tr("Refund"));
        auto *form = new QFormLayout(&dialog);
        auto *who = new QLabel(m_refundFor, &dialog);
        who->setObjectName(QStringLiteral("refundCustomer"));
        who->setTextFormat(Qt::PlainText); // the customer's name
        QFont bold = who->font();
        bold.setBold(true);
        who->setFont(bold);
        form->addRow(who);
        auto *amountBox = new QSpinBox(&dialog);
        amountBox->setRange(1, int(remaining));
        amountBox->setValue(int(remaining));
        amountBox->setPrefix(QStringLiteral("¥"));
        amountBox->setGroupSeparatorShown(true); // ¥12,000, never ¥12000
        form->addRow(tr("Amount"), amountBox);
        auto *reasonBox = new QComboBox(&dialog);
        reasonBox->addItem(tr("Requested by the customer"), QStringLiteral("requested_by_customer"));
        reasonBox->addItem(tr("Duplicate"), QStringLiteral("duplicate"));
        reasonBox->addItem(tr("Fraudulent"), QStringLiteral("fraudulent"));
        form->addRow(tr("Reason"), reasonBox);
        auto *note = new QLabel(tr("Stripe e-mails the customer to ask for bank details; the refund waits until they "
                                   "answer (at most 45 days). "
                                   "Each refund, partial ones too, may carry a fee."),
                                &dialog);
        note->setWordWrap(true);
        form->addRow(note);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        form->addRow(buttons);
        if (dialog.exec() != QDialog::Accepted)
            return false;
        amount = amountBox->value();
        reason = reasonBox->currentData().toString();
        return true;
    };
    applyFilters();
}

void VouchersPage::applyFilters()
{
    VoucherQuery query = m_model->query();
    const QString statusKey = m_statusFilter->currentData().toString();
    query.statuses =
        statusKey.isEmpty() ? QList<VoucherStatus>() : QList<VoucherStatus>{voucherStatusFromKey(statusKey)};
    query.text = m_search->text();
    query.createdFrom = m_byDate->isChecked() ? KonbiniRules::startOfJstDay(m_from->date()) : 0;
    query.createdUntil = m_byDate->isChecked() ? KonbiniRules::startOfJstDay(m_to->date().addDays(1)) : 0;
    const QVariant clerk = m_clerkFilter->currentData();
    query.clerk = clerk.isValid() ? std::optional(clerk.toString()) : std::nullopt;
    m_model->setQuery(query);
}

void VouchersPage::setClerks(const QStringList &names)
{
    const QVariant chosen = m_clerkFilter->currentData();
    {
        const QSignalBlocker quiet(m_clerkFilter);
        m_clerkFilter->clear();
        m_clerkFilter->addItem(tr("All clerks"));
        for (const QString &name : names)
            m_clerkFilter->addItem(name, name);
        m_clerkFilter->addItem(tr("(no clerk)"), QString(QLatin1String("")));
        const int again = chosen.isValid() ? m_clerkFilter->findData(chosen) : 0;
        m_clerkFilter->setCurrentIndex(again >= 0 ? again : 0);
    }
    m_clerkFilter->setVisible(!names.isEmpty());
    applyFilters();
}

QAbstractItemModel *VouchersPage::shownModel() const
{
    return m_table->model();
}

void VouchersPage::showAllTerminals(bool all)
{
    if (m_allTerminals->isChecked() != all)
        m_allTerminals->setChecked(all); // comes back here through toggled()
    if (!all) {
        m_table->setModel(m_model);
        m_table->setSortingEnabled(true);
        connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &VouchersPage::updateDetails);
        for (QWidget *filter : QList<QWidget *>{m_statusFilter, m_clerkFilter, m_search, m_byDate})
            filter->setEnabled(true);
        updateDetails();
        return;
    }
    m_table->setSortingEnabled(false);
    m_table->setModel(m_storeModel);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &VouchersPage::updateDetails);
    for (QWidget *filter : QList<QWidget *>{m_statusFilter, m_clerkFilter, m_search, m_byDate})
        filter->setEnabled(false);
    updateDetails();
    setMessage(tr("Loading the vouchers of every terminal from Stripe…"), false);
    m_storeSearch.storeVouchers(
        [this, alive = QPointer<VouchersPage>(this)](const Result<QList<PaymentIntent>> &result) {
            if (!alive || !m_allTerminals->isChecked())
                return;
            if (!result.ok()) {
                setFailure(tr("The store's vouchers could not be loaded."), CheckoutError::fromStripe(result.error()));
                return;
            }
            m_storeModel->setPaymentIntents(result.value());
            setMessage(tr("Vouchers of every terminal of this store: %1 (Stripe's search can lag a minute behind). "
                          "Other terminals' vouchers are read-only.")
                           .arg(result.value().size()),
                       false);
        });
}

bool VouchersPage::selectVoucher(qint64 voucherId)
{
    int row = m_model->rowOf(voucherId);
    while (row < 0 && m_model->canFetchMore({})) {
        m_model->fetchMore({});
        row = m_model->rowOf(voucherId);
    }
    if (row < 0)
        return false;
    m_table->selectRow(row);
    m_table->setCurrentIndex(m_model->index(row, 0));
    updateDetails();
    return true;
}

std::optional<VoucherRecord> VouchersPage::selectedVoucher() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    if (m_table->model() == m_storeModel) {
        // In the store-wide view only this till's own vouchers (those in its ledger) can be
        // acted on; other terminals' rows are read-only.
        return m_ledger.vouchers()
            .byPaymentIntent(m_storeModel->paymentIntentAt(current.row()).id)
            .value_or(std::nullopt);
    }
    const LedgerResult<VoucherRecord> voucher = m_ledger.vouchers().voucher(m_model->voucherAt(current.row())->id);
    return voucher ? std::optional(voucher.value()) : std::nullopt;
}

QString VouchersPage::lastMessage() const
{
    return m_message->text();
}

void VouchersPage::setFailure(const QString &what, const CheckoutError &error)
{
    setMessage(what + u' ' + ClerkMessages::forAction(error), true);
    m_messageDetails->setText(ClerkMessages::details(error));
}

void VouchersPage::setMessage(const QString &text, bool problem)
{
    const std::optional<VoucherRecord> selected = selectedVoucher();
    m_messageVoucherId = selected ? selected->id : 0;
    m_messageDetails->clear();
    m_message->setText(text);
    m_message->setStyleSheet(Tones::textStyle(problem ? Tones::Tone::Problem : Tones::Tone::Good, palette(), problem));
}

void VouchersPage::voucherChanged(qint64 voucherId)
{
    m_model->refreshVoucher(voucherId);
    if (const std::optional<VoucherRecord> selected = selectedVoucher(); selected && selected->id == voucherId)
        updateDetails();
}

QString VouchersPage::paidAlertText(const VoucherRecord &voucher)
{
    return tr("Paid: %1 from %2 (confirmation number %3). Hand over the goods.")
        .arg(formatYen(voucher.amountYen), voucher.customerName, voucher.confirmationNumber);
}

void VouchersPage::onPaid(qint64 voucherId)
{
    voucherChanged(voucherId);
    const LedgerResult<VoucherRecord> voucher = m_ledger.vouchers().voucher(voucherId);
    if (!voucher)
        return;
    const QString text = paidAlertText(voucher.value());
    m_paidBanner->setText(text);
    m_paidBanner->setVisible(m_showsPaidBanner);
    emit paidNotification(voucherId, text);
}

void VouchersPage::updateDetails()
{
    const std::optional<VoucherRecord> voucher = selectedVoucher();
    // What was said about one voucher does not stay under another.
    if (!m_message->text().isEmpty() && (voucher ? voucher->id : 0) != m_messageVoucherId) {
        m_message->clear();
        m_messageDetails->clear();
    }
    const QList<RefundRecord> refunds =
        voucher ? m_ledger.refunds().of(voucher->id).value_or({}) : QList<RefundRecord>();
    const bool refundWaiting =
        std::any_of(refunds.begin(), refunds.end(), [](const RefundRecord &r) { return canCancelRefund(r).allowed(); });
    // The rules are core's (VoucherActions): the engine refuses by the same ones.
    m_show->setEnabled(voucher && canShowVoucher(*voucher));
    m_reprint->setEnabled(voucher && canShowVoucher(*voucher));
    m_cancel->setEnabled(voucher && canCancel(*voucher));
    m_reissue->setEnabled(voucher && canReissue(*voucher));
    m_refund->setEnabled(voucher && canRefund(*voucher));
    m_cancelRefund->setEnabled(refundWaiting);
    if (!voucher) {
        m_details->clear();
        return;
    }
    QString html = tr("<b>%1</b> — %2, %3 — %4")
                       .arg(formatYen(voucher->amountYen), voucher->customerName.toHtmlEscaped(),
                            voucher->email.toHtmlEscaped(), voucherStatusLabel(voucher->status));
    for (const RefundRecord &refund : refunds) {
        html +=
            QStringLiteral("<br>") + tr("Refund %1: %2").arg(formatYen(refund.amount), refundStatusLabel(refund.status));
        if (refund.status == RefundStatus::RequiresAction && refund.emailSentAt)
            html += u' '
                + tr("(e-mail sent to %1, answer needed by %2)")
                      .arg(refund.instructionsEmail.toHtmlEscaped(), formatDeadline(refund.actionExpiresAt));
    }
    if (!refunds.isEmpty())
        html += QStringLiteral("<br><i>") + tr("Each refund may carry a Stripe fee.") + QStringLiteral("</i>");
    m_details->setText(html);
}

void VouchersPage::showSelectedVoucher()
{
    const std::optional<VoucherRecord> v = selectedVoucher();
    if (!v || v->hostedVoucherUrl.isEmpty())
        return;
    emit showVoucherRequested(Voucher::from(*v));
}

void VouchersPage::reprintSelected()
{
    const std::optional<VoucherRecord> v = selectedVoucher();
    if (!v)
        return;
    if (!canShowVoucher(*v)) {
        setMessage(tr("Only a voucher still waiting for payment has a slip to print."), true);
        return;
    }
    emit reprintRequested(Voucher::from(*v));
}

void VouchersPage::cancelSelected()
{
    const std::optional<VoucherRecord> v = selectedVoucher();
    if (!v)
        return;
    if (!m_confirm(tr("Cancel the voucher of %1 for %2? The slip the customer holds stops working: tell the customer.")
                       .arg(v->customerName, formatYen(v->amountYen))))
        return;
    if (!m_approve(AuditAction::Cancel, v->id)) {
        setMessage(tr("Not canceled: the owner's PIN was not given."), true);
        return;
    }
    m_engine.cancelVoucher(
        v->id, QStringLiteral("requested_by_customer"),
        [this, alive = QPointer<VouchersPage>(this)](const ActionResult<VoucherRecord> &result) {
            if (!alive)
                return;
            if (result.ok())
                setMessage(tr("The voucher was canceled. Tell the customer the slip no longer works."), false);
            else
                setFailure(tr("The voucher could not be canceled."), result.error());
            updateDetails();
        });
}

void VouchersPage::reissueSelected()
{
    const std::optional<VoucherRecord> v = selectedVoucher();
    if (!v)
        return;
    if (!m_confirm(tr("Issue a new voucher of %1 for %2? The expired slip stays void; give the customer the new one.")
                       .arg(formatYen(v->amountYen), v->customerName)))
        return;
    m_engine.reissue(v->id, [this, alive = QPointer<VouchersPage>(this)](const CheckoutOutcome &outcome) {
        if (!alive)
            return;
        if (!outcome.ok()) {
            setFailure(tr("The voucher could not be reissued."), outcome.error());
            return;
        }
        setMessage(tr("A new voucher was issued. Give the customer the new slip: the old one no longer works."), false);
        emit showVoucherRequested(outcome.value());
    });
}

void VouchersPage::refundSelected()
{
    const std::optional<VoucherRecord> v = selectedVoucher();
    if (!v)
        return;
    qint64 amount = 0;
    QString reason;
    m_refundFor = tr("Refund to %1 (paid %2)").arg(v->customerName, formatYen(v->amountYen));
    if (!m_refundInput(refundableYen(*v), amount, reason))
        return;
    if (!m_approve(AuditAction::Refund, v->id)) {
        setMessage(tr("No refund: the owner's PIN was not given."), true);
        return;
    }
    m_engine.refund(v->id, amount, reason,
                    [this, alive = QPointer<VouchersPage>(this)](const ActionResult<RefundRecord> &result) {
                        if (!alive)
                            return;
                        if (result.ok())
                            setMessage(tr("Refund of %1 started: Stripe e-mails %2 for bank details.")
                                           .arg(formatYen(result.value().amount), result.value().instructionsEmail),
                                       false);
                        else
                            setFailure(tr("The refund could not be started."), result.error());
                        updateDetails();
                    });
}

void VouchersPage::cancelSelectedRefund()
{
    const std::optional<VoucherRecord> v = selectedVoucher();
    if (!v)
        return;
    for (const RefundRecord &refund : m_ledger.refunds().of(v->id).value_or({})) {
        if (!canCancelRefund(refund))
            continue;
        if (!m_confirm(tr("Withdraw the refund of %1 to %2? The customer will not receive it.")
                           .arg(formatYen(refund.amount), v->customerName)))
            return;
        if (!m_approve(AuditAction::CancelRefund, v->id)) {
            setMessage(tr("The refund goes on: the owner's PIN was not given."), true);
            return;
        }
        m_engine.cancelRefund(refund.id,
                              [this, alive = QPointer<VouchersPage>(this)](const ActionResult<RefundRecord> &result) {
                                  if (!alive)
                                      return;
                                  if (result.ok())
                                      setMessage(tr("The refund was canceled."), false);
                                  else
                                      setFailure(tr("The refund could not be canceled."), result.error());
                                  updateDetails();
                              });
        return;
    }
}

void VouchersPage::refreshSelected()
{
    const std::optional<VoucherRecord> v = selectedVoucher();
    if (!v || v->paymentIntentId.isEmpty())
        return;
    m_engine.refreshVoucher(v->id,
                            [this, alive = QPointer<VouchersPage>(this)](const ActionResult<VoucherRecord> &result) {
                                if (alive && !result.ok())
                                    setFailure(tr("Could not refresh from Stripe."), result.error());
                            });
}

void VouchersPage::refreshAll()
{
    if (m_sync)
        m_sync->syncNow();
    for (const VoucherRecord &v :
         m_ledger.vouchers()
             .withStatus({VoucherStatus::Pending, VoucherStatus::RefundPending, VoucherStatus::NotIssued})
             .value_or({})) {
        if (!v.paymentIntentId.isEmpty())
            m_engine.refreshVoucher(v.id, [](const ActionResult<VoucherRecord> &) {});
    }
}

void VouchersPage::openDayReport()
{
    auto *dialog = new DayReportDialog(m_ledger, m_storeName, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace konbini::ui
