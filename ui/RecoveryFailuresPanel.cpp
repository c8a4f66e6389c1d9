#include "RecoveryFailuresPanel.h"

#include "ClerkMessages.h"
#include "Formatting.h"
#include "ParagraphLabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace konbini::ui {

RecoveryFailuresPanel::RecoveryFailuresPanel(FailedRecoveries &failures, QWidget *parent)
    : QFrame(parent), m_failures(failures)
{
    setObjectName(QStringLiteral("recoveryFailures"));
    setStyleSheet(QStringLiteral("#recoveryFailures{background:#fdecea;border-radius:4px}"
                                 "#recoveryFailures QLabel{color:#8a1c12}"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("recoveryFailuresTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);
    m_list = new ParagraphLabel(this);
    m_list->setObjectName(QStringLiteral("recoveryFailuresList"));
    m_list->setTextFormat(Qt::PlainText); // customer names as typed
    m_list->setWordWrap(true);
    m_list->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_list);
    auto *buttons = new QHBoxLayout;
    m_retry = new QPushButton(tr("&Retry (Alt+R)"), this);
    m_retry->setObjectName(QStringLiteral("retryRecoveries"));
    m_retry->setAutoDefault(false);
    connect(m_retry, &QPushButton::clicked, this, [this] { m_failures.retry(); });
    auto *hideButton = new QPushButton(tr("Hide"), this);
    hideButton->setObjectName(QStringLiteral("hideRecoveries"));
    hideButton->setAutoDefault(false);
    connect(hideButton, &QPushButton::clicked, this, [this] {
        m_hiddenList = listText();
        hide();
    });
    buttons->addWidget(m_retry);
    buttons->addWidget(hideButton);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(&m_failures, &FailedRecoveries::changed, this, &RecoveryFailuresPanel::update);
    update();
}

QString RecoveryFailuresPanel::listText() const
{
    QStringList lines;
    for (const FailedRecoveries::Entry &entry : m_failures.entries()) {
        const VoucherRecord &sale = entry.voucher;
        const QString who = sale.customerName.isEmpty() ? QString() : u' ' + tr("%1 (customer)").arg(sale.customerName);
        lines << QStringLiteral("• %1 %2%3 — %4")
                     .arg(formatIssuedAt(sale.createdAt), formatYen(sale.amountYen), who,
                          ClerkMessages::forFailedRecovery(entry.error));
    }
    return lines.join(u'\n');
}

void RecoveryFailuresPanel::update()
{
    const qsizetype count = m_failures.entries().size();
    m_title->setText(tr("%n interrupted sale(s) could not be finished:", "", int(count)));
    const QString text = listText();
    m_list->setText(text);
    m_retry->setVisible(m_failures.anyRetryable());
    m_retry->setEnabled(m_failures.canRetry());
    m_retry->setText(m_failures.canRetry() || !m_failures.anyRetryable() ? tr("&Retry (Alt+R)") : tr("Retrying…"));
    // A new or changed failure shows the panel again after the clerk hid it.
    setVisible(count > 0 && text != m_hiddenList);
}

} // namespace konbini::ui
