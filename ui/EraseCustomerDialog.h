#pragma once

#include "PersonalDataRetention.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;

namespace konbini::ui {

// A customer asks to be forgotten: their name, e-mail and phone are erased from every closed
// voucher of this till now, and from open ones as soon as they close. Logged without the customer.
class EraseCustomerDialog : public QDialog
{
    Q_OBJECT

public:
    EraseCustomerDialog(PersonalDataRetention &retention, QString clerk, QWidget *parent = nullptr);

    QLineEdit *customerField() const { return m_customer; }
    QString message() const;
    // What the confirmation would answer (tests).
    void setConfirmation(std::function<bool(const QString &)> confirm) { m_confirm = std::move(confirm); }
    void erase();

private:
    PersonalDataRetention &m_retention;
    QString m_clerk;
    QLineEdit *m_customer = nullptr;
    QLabel *m_message = nullptr;
    std::function<bool(const QString &)> m_confirm;
};

} // namespace konbini::ui
