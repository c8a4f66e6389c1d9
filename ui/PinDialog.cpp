#include "PinDialog.h"

#include "Tones.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>

namespace konbini::ui {

PinDialog::PinDialog(const QString &title, const QString &prompt, const QList<ClerkRecord> &clerks, Check check,
                     QWidget *parent)
    : QDialog(parent), m_check(std::move(check))
{
    setObjectName(QStringLiteral("pinDialog"));
    setWindowTitle(title);
    auto *form = new QFormLayout(this);
    auto *text = new QLabel(prompt, this);
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    form->addRow(text);
    if (!clerks.isEmpty()) {
        m_clerk = new QComboBox(this);
        m_clerk->setObjectName(QStringLiteral("clerkChoice"));
        for (const ClerkRecord &clerk : clerks)
            m_clerk->addItem(clerk.isOwner ? tr("%1 (owner)").arg(clerk.name) : clerk.name, clerk.id);
        m_clerk->setAccessibleName(tr("Clerk"));
        form->addRow(tr("&Clerk"), m_clerk);
    }
    m_pin = new QLineEdit(this);
    m_pin->setObjectName(QStringLiteral("pinField"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setMaxLength(8);
    m_pin->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_pin->setAccessibleName(tr("PIN"));
    form->addRow(tr("&PIN"), m_pin);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("pinProblem"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(Tones::textStyle(Tones::Tone::Problem, palette(), true));
    form->addRow(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("OK"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &PinDialog::tryPin);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // The name is chosen once; the PIN is what is typed every time (Shift+Tab for another name).
    m_pin->setFocus();
    setMinimumWidth(qMax(360, fontMetrics().averageCharWidth() * 48));
}

QString PinDialog::problem() const
{
    return m_problem->text();
}

void PinDialog::tryPin()
{
    if (m_pin->text().trimmed().isEmpty()) {
        m_problem->setText(tr("Type the PIN."));
        adjustSize();
        return;
    }
    const qint64 clerkId = m_clerk ? m_clerk->currentData().toLongLong() : 0;
    const QString problem = m_check(clerkId, m_pin->text());
    m_pin->clear();
    if (problem.isEmpty()) {
        accept();
        return;
    }
    m_problem->setText(problem);
    adjustSize(); // the message is read whole
    m_pin->setFocus();
}

QString pinProblemText(const ClerkDesk::PinAnswer &answer)
{
    switch (answer.kind) {
    case ClerkDesk::PinAnswer::Kind::Accepted:
        return {};
    case ClerkDesk::PinAnswer::Kind::Wrong:
        return PinDialog::tr("That PIN is not right. Try again.");
    case ClerkDesk::PinAnswer::Kind::LockedOut:
        return PinDialog::tr("Too many wrong PINs: wait %n second(s), then try again.", nullptr,
                             int(answer.secondsLocked));
    case ClerkDesk::PinAnswer::Kind::NoSuchClerk:
        return PinDialog::tr("This clerk can no longer sign in.");
    case ClerkDesk::PinAnswer::Kind::LedgerError:
        return PinDialog::tr("This computer's ledger could not be read; try again.");
    }
    return {};
}

bool askOwnerApproval(QWidget *parent, ClerkDesk &desk, AuditAction what, qint64 voucherId, bool always)
{
    const bool needed = always ? desk.owner().has_value() && !(desk.signedIn() && desk.signedIn()->isOwner)
                               : desk.ownerApprovalNeeded();
    if (!needed)
        return true;
    PinDialog dialog(PinDialog::tr("Owner's PIN"),
                     PinDialog::tr("%1 needs the owner's PIN.").arg(auditActionLabel(what)), {},
                     [&](qint64, const QString &pin) {
                         return pinProblemText(desk.approveAsOwner(pin, what, voucherId));
                     },
                     parent);
    if (dialog.exec() == QDialog::Accepted)
        return true;
    desk.approvalNotGiven(what, voucherId);
    return false;
}

bool askSignIn(QWidget *parent, ClerkDesk &desk)
{
    PinDialog dialog(PinDialog::tr("Sign in"), PinDialog::tr("Who is at the till? Choose your name and type your PIN."),
                     desk.clerks(),
                     [&](qint64 clerkId, const QString &pin) { return pinProblemText(desk.signIn(clerkId, pin)); },
                     parent);
    return dialog.exec() == QDialog::Accepted;
}

} // namespace konbini::ui
