#pragma once

#include "CheckoutEngine.h"

#include <QMap>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;

namespace konbini::ui {

// The counter's checkout form, keyboard first: amount, product description, customer name,
// e-mail, phone (the confirmation number), expiry; Enter on the last field or 発行 issues the
// voucher. Every problem is shown beside its field before anything is sent, nothing typed is
// lost on an error, and a second Enter while issuing does nothing.
class CheckoutPage : public QWidget
{
    Q_OBJECT

public:
    CheckoutPage(CheckoutEngine &engine, bool testMode, QString defaultDescription, QWidget *parent = nullptr);

    // Back to an empty form for the next customer (the default description stays).
    void startNewSale();
    void setDefaultExpiryDays(int days);
    bool isIssuing() const { return m_issuing; }
    CheckoutRequest currentRequest() const;

signals:
    void voucherIssued(const konbini::Voucher &voucher);

private:
    void buildForm(bool testMode);
    void issue();
    void onOutcome(const CheckoutOutcome &outcome, const CheckoutRequest &sent);
    void showApiError(const CheckoutFailure &failure, const CheckoutRequest &sent);
    void showProblem(CheckoutField field, const QString &message);
    void clearProblems();
    void setIssuing(bool issuing);
    void updateDescriptionFeedback();
    void updateNamePreview();
    void updatePhonePreview();
    void updateDeadline();
    void applyScenario(int index);
    QWidget *fieldWidget(CheckoutField field) const;

    CheckoutEngine &m_engine;
    QString m_defaultDescription;
    int m_defaultExpiryDays = 3;
    bool m_issuing = false;

    QLineEdit *m_amount = nullptr;
    QLineEdit *m_description = nullptr;
    QLabel *m_descriptionCount = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_namePreview = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_phone = nullptr;
    QLabel *m_phonePreview = nullptr;
    QSpinBox *m_expiryDays = nullptr;
    QCheckBox *m_expiryByDate = nullptr;
    QDateEdit *m_expiryDate = nullptr;
    QLabel *m_deadline = nullptr;
    QComboBox *m_scenario = nullptr;
    QPushButton *m_issueButton = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_busyText = nullptr;
    QLabel *m_message = nullptr;
    QTimer *m_slowAnswer = nullptr;
    QMap<CheckoutField, QLabel *> m_problems;

    // A sale that reached Stripe but did not finish: re-confirmed or resumed, not created again,
    // as long as the clerk does not change what was sent.
    qint64 m_unfinishedVoucherId = 0;
    bool m_unfinishedNeedsNewNumber = false;
    CheckoutRequest m_unfinishedRequest;
};

} // namespace konbini::ui
