#pragma once

#include "ClerkDesk.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;

namespace konbini::ui {

// Asks for a PIN (masked; full-width digits are fine), and for whom when signing in. `check`
// answers a problem to show, or an empty string to close the dialog accepted.
class PinDialog : public QDialog
{
    Q_OBJECT

public:
    using Check = std::function<QString(qint64 clerkId, const QString &pin)>;

    // `clerks` empty: no choice (the owner's PIN).
    PinDialog(const QString &title, const QString &prompt, const QList<ClerkRecord> &clerks, Check check,
              QWidget *parent = nullptr);

    QLineEdit *pinField() const { return m_pin; }
    QComboBox *clerkChoice() const { return m_clerk; }
    QString problem() const;

private:
    void tryPin();

    Check m_check;
    QComboBox *m_clerk = nullptr;
    QLineEdit *m_pin = nullptr;
    QLabel *m_problem = nullptr;
};

// The owner's PIN for an action, when the owner asks for it and is not the one signed in
// (`always`: whenever the till has an owner, for managing clerks and the audit log). True when the
// action may go on; a refusal or a cancel is in the audit log.
bool askOwnerApproval(QWidget *parent, ClerkDesk &desk, AuditAction what, qint64 voucherId = 0, bool always = false);

// Sign-in at the till; false when the clerk closed the dialog.
bool askSignIn(QWidget *parent, ClerkDesk &desk);

// What the clerk reads for a PIN that was not accepted.
QString pinProblemText(const ClerkDesk::PinAnswer &answer);

} // namespace konbini::ui
