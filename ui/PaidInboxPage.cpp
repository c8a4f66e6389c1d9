#include "PaidInboxPage.h"

#include "Formatting.h"
#include "ParagraphLabel.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace konbini::ui {
namespace {

constexpr int kVoucherIdRole = Qt::UserRole + 1;

// Enter on a paid voucher acknowledges it (the goods were handed over).
class EnterAcknowledges : public QObject
{
public:
    EnterAcknowledges(QObject *parent, std::function<void()> acknowledge)
        : QObject(parent), m_acknowledge(std::move(acknowledge))
    {
    }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() != QEvent::KeyPress)
            return false;
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() != Qt::Key_Return && key->key() != Qt::Key_Enter)
            return false;
        if (!key->isAutoRepeat())
            m_acknowledge();
        return true;
    }

private:
    std::function<void()> m_acknowledge;
};

} // namespace

PaidInboxPage::PaidInboxPage(PaidInbox &inbox, QWidget *parent) : QWidget(parent), m_inbox(inbox)
{
    setObjectName(QStringLiteral("paidInboxPage"));
    auto *layout = new QVBoxLayout(this);
    auto *hint = new ParagraphLabel(tr("Vouchers paid at a store: hand over the goods, then mark them as done."), this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("paidList"));
    m_list->setAccessibleName(tr("Paid vouchers to hand over"));
    QFont large = m_list->font();
    large.setPointSizeF(large.pointSizeF() * 1.2);
    m_list->setFont(large);
    m_list->installEventFilter(new EnterAcknowledges(this, [this] { acknowledgeSelected(); }));
    layout->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    m_acknowledge = new QPushButton(tr("Goods handed over (Enter)"), this);
    m_acknowledge->setObjectName(QStringLiteral("acknowledgeButton"));
    connect(m_acknowledge, &QPushButton::clicked, this, &PaidInboxPage::acknowledgeSelected);
    m_acknowledgeAll = new QPushButton(tr("All handed over"), this);
    m_acknowledgeAll->setObjectName(QStringLiteral("acknowledgeAllButton"));
    connect(m_acknowledgeAll, &QPushButton::clicked, &m_inbox, &PaidInbox::acknowledgeAll);
    buttons->addWidget(m_acknowledge);
    buttons->addWidget(m_acknowledgeAll);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(&m_inbox, &PaidInbox::changed, this, &PaidInboxPage::refill);
    refill();
}

QString PaidInboxPage::tabText(qsizetype count)
{
    return count > 0 ? tr("Paid (%1) (F4)").arg(count) : tr("Paid (F4)");
}

void PaidInboxPage::refill()
{
    const int row = std::max(0, m_list->currentRow());
    m_list->clear();
    for (const VoucherRecord &voucher : m_inbox.vouchers()) {
        // Items are plain text: the name is the customer's own.
        auto *item = new QListWidgetItem(tr("%1  %2  — paid %3  (confirmation number %4)")
                                             .arg(formatYen(voucher.amountYen),
                                                  voucher.customerName.isEmpty() ? voucher.email : voucher.customerName,
                                                  formatIssuedAt(voucher.paidAt > 0 ? voucher.paidAt : voucher.updatedAt),
                                                  voucher.confirmationNumber),
                                         m_list);
        item->setData(kVoucherIdRole, voucher.id);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(std::min(row, m_list->count() - 1));
    m_acknowledge->setEnabled(m_list->count() > 0);
    m_acknowledgeAll->setEnabled(m_list->count() > 0);
}

void PaidInboxPage::acknowledgeSelected()
{
    if (QListWidgetItem *item = m_list->currentItem())
        m_inbox.acknowledge(item->data(kVoucherIdRole).toLongLong());
}

} // namespace konbini::ui
