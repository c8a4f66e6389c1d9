#include "EraseCustomerDialog.h"

#include "Tones.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

namespace konbini::ui {

EraseCustomerDialog::EraseCustomerDialog(PersonalDataRetention &retention, QString clerk, QWidget *parent)
    : QDialog(parent), m_retention(retention), m_clerk(std::move(clerk))
{
    setObjectName(QStringLiteral("eraseCustomerDialog"));
    setWindowTitle(tr("Erase a customer's data"));
    auto *form = new QFormLayout(this);
    auto *about = new QLabel(
        tr("For a customer who asks to be forgotten: their name, e-mail and phone are erased from this till's "
           "vouchers (amounts and Stripe's references stay). Vouchers still waiting for payment or a refund keep them "
           "until they close. Stripe keeps its own copy: ask Stripe separately."),
        this);
    about->setWordWrap(true);
    form->addRow(about);
    m_customer = new QLineEdit(this);
    m_customer->setObjectName(QStringLiteral("eraseCustomerField"));
    m_customer->setMaxLength(254);
    m_customer->setAccessibleName(tr("The customer's e-mail or phone"));
    form->addRow(tr("&E-mail or phone"), m_customer);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("eraseMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    form->addRow(m_message);
    auto *buttons = new QHBoxLayout;
    auto *erase = new QPushButton(tr("&Erase…"), this);
    erase->setObjectName(QStringLiteral("eraseButton"));
    auto *close = new QPushButton(tr("Close"), this);
    buttons->addWidget(erase);
    buttons->addStretch();
    buttons->addWidget(close);
    form->addRow(buttons);
    connect(erase, &QPushButton::clicked, this, &EraseCustomerDialog::erase);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    m_confirm = [this](const QString &question) {
        QMessageBox box(QMessageBox::Warning, windowTitle(), question, QMessageBox::Yes | QMessageBox::No, this);
        box.setTextFormat(Qt::PlainText);
        box.setDefaultButton(QMessageBox::No);
        return box.exec() == QMessageBox::Yes;
    };
    resize(520, sizeHint().height());
}

QString EraseCustomerDialog::message() const
{
    return m_message->text();
}

void EraseCustomerDialog::erase()
{
    const QString customer = m_customer->text().trimmed();
    if (customer.isEmpty()) {
        m_message->setText(tr("Type the customer's e-mail address or phone number."));
        return;
    }
    if (!m_confirm(tr("Erase the name, e-mail and phone of the customer %1 from this till? This cannot be undone.")
                       .arg(customer)))
        return;
    const LedgerResult<PersonalData::CustomerErasure> erased = m_retention.eraseCustomer(customer, m_clerk);
    if (!erased) {
        m_message->setText(tr("The ledger could not be written; nothing was erased: %1").arg(erased.error().message));
        return;
    }
    const PersonalData::CustomerErasure &result = erased.value();
    if (result.erased == 0 && result.waiting == 0) {
        m_message->setText(tr("No voucher of this till has that e-mail or phone (or it was erased already)."));
        return;
    }
    QStringList said;
    if (result.erased > 0)
        said << tr("Erased from %n voucher(s).", nullptr, result.erased);
    if (result.waiting > 0)
        said << tr("%n voucher(s) still open keep it until they close, then it is erased.", nullptr, result.waiting);
    m_message->setText(said.join(u' '));
    m_customer->clear();
}

} // namespace konbini::ui
