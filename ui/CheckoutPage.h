#pragma once

#include "CheckoutSession.h"
#include "SaleSafeguards.h"

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

class ParagraphLabel;

// The counter's checkout form, keyboard first: amount, product description, customer name,
// e-mail, phone (the confirmation number), expiry; Enter on the last field or 発行 hands the sale
// to the CheckoutSession, which decides what happens; the page renders its state: every problem
// beside its field, nothing typed lost on an error, a busy indicator while the sale is sent.
class CheckoutPage : public QWidget
{
    Q_OBJECT

public:
    CheckoutPage(CheckoutSession &session, bool testMode, QString defaultDescription, QWidget *parent = nullptr);

    // Back to an empty form for the next customer (the default description stays).
    void startNewSale();
    // F2: the cursor in the amount field, wherever it was.
    void focusAmount();
    // Esc or クリア: back to an empty form, asking first when something was typed; a sale that
    // already reached Stripe is abandoned (its PaymentIntent canceled).
    void clearSale();
    void setDefaultExpiryDays(int days);
    // The description a new sale starts with; an untouched form takes it at once.
    void setDefaultDescription(const QString &description);
    // Asks before a likely second voucher for the same customer (none: never asks).
    void setSafeguards(SaleSafeguards *safeguards) { m_safeguards = safeguards; }
    bool isIssuing() const { return m_issuing; }
    // Returning customers (opt-in): a phone or e-mail seen before at this terminal offers to fill
    // in the rest. Empty: off.
    using CustomerLookup = std::function<std::optional<CustomerOnFile>(const QString &emailOrPhone)>;
    void setReturningCustomers(CustomerLookup lookup);
    QPushButton *returningOffer() const { return m_returningOffer; }
    CheckoutRequest currentRequest() const;

signals:
    void voucherIssued(const konbini::Voucher &voucher);
    // The clerk chose to show the customer's existing voucher instead of issuing another.
    void showVoucherRequested(const konbini::Voucher &voucher);

private:
    void buildForm(bool testMode);
    void issue();
    void render(CheckoutSession::State state);
    void showFailure(const CheckoutError &error);
    // The message under the buttons and its details for support; hidden while empty.
    void showMessage(const QString &message, const QString &details = QString());
    void showProblem(CheckoutField field, const QString &message);
    void clearProblems();
    void clearProblem(CheckoutField field);
    bool hasTypedSale() const;
    void setIssuing(bool issuing);
    void updateDescriptionFeedback();
    void updateNamePreview();
    void updatePhonePreview();
    void updateDeadline();
    void applyScenario(int index);
    QWidget *fieldWidget(CheckoutField field) const;
    void offerReturningCustomer(const QString &typed);
    void fillReturningCustomer();

    bool confirmPossibleDuplicate(const CheckoutRequest &request);

    CheckoutSession &m_session;
    SaleSafeguards *m_safeguards = nullptr;
    QString m_defaultDescription;
    int m_defaultExpiryDays = 3;
    bool m_issuing = false;
    bool m_askedToWaitForRecovery = false; // the message says so; it goes when the recovery ends

    QLineEdit *m_amount = nullptr;
    QLineEdit *m_description = nullptr;
    QLabel *m_descriptionCount = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_namePreview = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_phone = nullptr;
    QPushButton *m_returningOffer = nullptr;
    CustomerLookup m_lookup;
    std::optional<CustomerOnFile> m_offered;
    QLabel *m_phonePreview = nullptr;
    QSpinBox *m_expiryDays = nullptr;
    QCheckBox *m_expiryByDate = nullptr;
    QDateEdit *m_expiryDate = nullptr;
    QLabel *m_deadline = nullptr;
    QComboBox *m_scenario = nullptr;
    QPushButton *m_issueButton = nullptr;
    QPushButton *m_stopWaiting = nullptr;
    QPushButton *m_clearButton = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_busyText = nullptr;
    ParagraphLabel *m_message = nullptr;
    QLabel *m_messageDetails = nullptr;
    QTimer *m_slowAnswer = nullptr;
    QMap<CheckoutField, ParagraphLabel *> m_problems;
};

} // namespace konbini::ui
