#include "ClerksDialog.h"

#include "Tones.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace konbini::ui {

ClerksDialog::ClerksDialog(ClerkDesk &desk, QWidget *parent) : QDialog(parent), m_desk(desk)
{
    setObjectName(QStringLiteral("clerksDialog"));
    setWindowTitle(tr("Clerks"));
    auto *layout = new QVBoxLayout(this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("clerkList"));
    m_list->setAccessibleName(tr("Clerks"));
    layout->addWidget(m_list, 1);

    m_formTitle = new QLabel(this);
    m_formTitle->setTextFormat(Qt::PlainText);
    m_formTitle->setWordWrap(true);
    layout->addWidget(m_formTitle);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("clerkName"));
    m_name->setMaxLength(40);
    m_name->setAccessibleName(tr("Name"));
    m_pin = new QLineEdit(this);
    m_pin->setObjectName(QStringLiteral("clerkPin"));
    m_pinAgain = new QLineEdit(this);
    m_pinAgain->setObjectName(QStringLiteral("clerkPinAgain"));
    for (QLineEdit *pin : {m_pin, m_pinAgain}) {
        pin->setEchoMode(QLineEdit::Password);
        pin->setMaxLength(8);
        pin->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    }
    m_pin->setAccessibleName(tr("PIN (4 to 8 digits)"));
    m_pinAgain->setAccessibleName(tr("PIN again"));
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&PIN (4 to 8 digits)"), m_pin);
    form->addRow(tr("PIN &again"), m_pinAgain);
    layout->addLayout(form);

    auto *row = new QHBoxLayout;
    m_add = new QPushButton(tr("&Add"), this);
    m_add->setObjectName(QStringLiteral("addClerk"));
    m_changePin = new QPushButton(tr("New PIN for the selected clerk"), this);
    m_changePin->setObjectName(QStringLiteral("changePin"));
    m_remove = new QPushButton(tr("Remove the selected clerk"), this);
    m_remove->setObjectName(QStringLiteral("removeClerk"));
    row->addWidget(m_add);
    row->addWidget(m_changePin);
    row->addWidget(m_remove);
    row->addStretch();
    layout->addLayout(row);

    m_ownerApproval = new QCheckBox(tr("Cancel, refund, cancel refund and the settings need the owner's PIN"), this);
    m_ownerApproval->setObjectName(QStringLiteral("ownerApproval"));
    layout->addWidget(m_ownerApproval);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("clerksMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    layout->addWidget(buttons);

    connect(m_add, &QPushButton::clicked, this, &ClerksDialog::addTyped);
    connect(m_changePin, &QPushButton::clicked, this, &ClerksDialog::changePinOfSelected);
    connect(m_remove, &QPushButton::clicked, this, &ClerksDialog::removeSelected);
    connect(m_ownerApproval, &QCheckBox::toggled, this, [this](bool on) {
        if (on == m_desk.ownerApprovalRequired())
            return;
        const QString problem = m_desk.setOwnerApprovalRequired(on);
        setMessage(problem.isEmpty() ? (on ? tr("From now on these need the owner's PIN.")
                                           : tr("These no longer need the owner's PIN."))
                                     : problem,
                   !problem.isEmpty());
        reload();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        m_changePin->setEnabled(m_list->currentItem());
        m_remove->setEnabled(m_list->currentItem());
    });
    reload();
    m_add->setDefault(true); // Enter in the form adds
    m_name->setFocus();
    resize(520, 460);
}

QString ClerksDialog::message() const
{
    return m_message->text();
}

void ClerksDialog::setMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setStyleSheet(problem ? Tones::textStyle(Tones::Tone::Problem, palette(), true) : QString());
}

void ClerksDialog::reload()
{
    m_list->clear();
    for (const ClerkRecord &clerk : m_desk.clerks()) {
        auto *item = new QListWidgetItem(clerk.isOwner ? tr("%1 (owner)").arg(clerk.name) : clerk.name, m_list);
        item->setData(Qt::UserRole, clerk.id);
    }
    const bool hasOwner = m_desk.owner().has_value();
    m_formTitle->setText(hasOwner ? tr("A new clerk:")
                                  : tr("First the owner: the owner's PIN manages the clerks and can protect "
                                       "cancels, refunds and the settings."));
    m_add->setText(hasOwner ? tr("&Add clerk") : tr("&Add owner"));
    const QSignalBlocker quiet(m_ownerApproval);
    m_ownerApproval->setEnabled(hasOwner);
    m_ownerApproval->setChecked(m_desk.ownerApprovalRequired());
    m_changePin->setEnabled(m_list->currentItem());
    m_remove->setEnabled(m_list->currentItem());
}

std::optional<QString> ClerksDialog::typedPin()
{
    if (m_pin->text() != m_pinAgain->text()) {
        setMessage(tr("The two PINs are not the same."), true);
        return std::nullopt;
    }
    return m_pin->text();
}

void ClerksDialog::addTyped()
{
    const std::optional<QString> pin = typedPin();
    if (!pin)
        return;
    const bool asOwner = !m_desk.owner().has_value();
    const QString problem = m_desk.addClerk(m_name->text(), *pin, asOwner);
    if (!problem.isEmpty()) {
        setMessage(problem, true);
        return;
    }
    setMessage(asOwner ? tr("The owner was added.") : tr("The clerk was added."), false);
    m_name->clear();
    m_pin->clear();
    m_pinAgain->clear();
    reload();
    m_name->setFocus(); // the next one
}

void ClerksDialog::changePinOfSelected()
{
    if (!m_list->currentItem())
        return;
    const std::optional<QString> pin = typedPin();
    if (!pin)
        return;
    const QString problem = m_desk.changePin(m_list->currentItem()->data(Qt::UserRole).toLongLong(), *pin);
    setMessage(problem.isEmpty() ? tr("The new PIN is set.") : problem, !problem.isEmpty());
    if (problem.isEmpty()) {
        m_pin->clear();
        m_pinAgain->clear();
    }
}

void ClerksDialog::removeSelected()
{
    if (!m_list->currentItem())
        return;
    const QString problem = m_desk.removeClerk(m_list->currentItem()->data(Qt::UserRole).toLongLong());
    setMessage(problem.isEmpty() ? tr("The clerk can no longer sign in. Their name stays on their vouchers.")
                                 : problem,
               !problem.isEmpty());
    reload();
}

} // namespace konbini::ui
