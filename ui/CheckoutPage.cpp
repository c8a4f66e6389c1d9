#include "CheckoutPage.h"

#include "ClerkMessages.h"
#include "Formatting.h"
#include "ParagraphLabel.h"
#include "Tones.h"
#include "KonbiniRules.h"
#include "ShiftJis.h"
#include "TestScenarios.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QShortcut>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace konbini::ui {
namespace {

using namespace KonbiniRules;

constexpr int kSlowAnswerMs = 3000;

ParagraphLabel *problemLabel(QWidget *parent, const QString &name)
{
    auto *label = new ParagraphLabel(parent);
    label->setObjectName(name);
    Tones::setTextTone(label, Tones::Tone::Problem);
    label->setTextFormat(Qt::PlainText); // it may quote what was typed
    label->setWordWrap(true);
    label->hide();
    return label;
}

QLabel *hintLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    Tones::setTextTone(label, Tones::Tone::Quiet);
    label->setTextFormat(Qt::PlainText); // it quotes what was typed (the name preview)
    return label;
}

// Enter moves on to the next field, as Tab does; on the last field (or wherever `issuesHere`
// says so: the phone field after a rejected number) it issues the voucher.
class EnterMovesOn : public QObject
{
public:
    EnterMovesOn(QObject *parent, std::function<bool(QWidget *)> issuesHere, std::function<void()> issue)
        : QObject(parent), m_issuesHere(std::move(issuesHere)), m_issue(std::move(issue))
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::KeyPress)
            return false;
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() != Qt::Key_Return && key->key() != Qt::Key_Enter)
            || (key->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier)
            return false;
        auto *widget = qobject_cast<QWidget *>(watched);
        if (widget && m_issuesHere(widget)) {
            m_issue();
        } else if (widget) {
            QKeyEvent tab(QEvent::KeyPress, Qt::Key_Tab, Qt::NoModifier);
            QCoreApplication::sendEvent(widget, &tab);
        }
        return true;
    }

private:
    std::function<bool(QWidget *)> m_issuesHere;
    std::function<void()> m_issue;
};

// Enter (either key) on a focused button presses it, as Space does: the clerk is told
// "press Enter" and their hand is on Enter.
class EnterPressesButton : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::KeyPress)
            return false;
        const auto *key = static_cast<QKeyEvent *>(event);
        auto *button = qobject_cast<QAbstractButton *>(watched);
        if (!button || (key->key() != Qt::Key_Return && key->key() != Qt::Key_Enter)
            || (key->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier)
            return false;
        if (!key->isAutoRepeat() && button->isEnabled())
            button->click();
        return true;
    }
};

} // namespace

CheckoutPage::CheckoutPage(CheckoutSession &session, bool testMode, QString defaultDescription, QWidget *parent)
    : QWidget(parent), m_session(session), m_defaultDescription(std::move(defaultDescription))
{
    setObjectName(QStringLiteral("checkoutPage"));
    buildForm(testMode);
    connect(&m_session, &CheckoutSession::stateChanged, this, &CheckoutPage::render);
    connect(&m_session, &CheckoutSession::voucherIssued, this, &CheckoutPage::voucherIssued);
    connect(&m_session, &CheckoutSession::saleFailed, this, &CheckoutPage::showFailure);
    startNewSale();
    render(m_session.state());
}

void CheckoutPage::buildForm(bool testMode)
{
    auto *outer = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    QFont large = font();
    large.setPointSizeF(large.pointSizeF() * 1.3);

    // Each row's caption is its field's buddy (and its accessible name): screen readers read it.
    const auto caption = [this](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        field->setAccessibleName(text);
        return label;
    };
    const auto fieldRow = [&](QWidget *field, QWidget *hint, QLabel *problem) {
        auto *column = new QVBoxLayout;
        column->setSpacing(2);
        auto *line = new QHBoxLayout;
        line->addWidget(field, 1);
        if (hint)
            line->addWidget(hint);
        column->addLayout(line);
        column->addWidget(problem);
        return column;
    };

    m_amount = new QLineEdit(this);
    m_amount->setObjectName(QStringLiteral("amountField"));
    m_amount->setFont(large);
    m_amount->setPlaceholderText(tr("e.g. 1,500"));
    m_amount->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9０-９,，]{0,12}")), m_amount));
    m_amount->setAlignment(Qt::AlignRight);
    auto *yen = new QLabel(QStringLiteral("¥"), this);
    yen->setFont(large);
    auto *amountLine = new QHBoxLayout;
    amountLine->addWidget(yen);
    amountLine->addWidget(m_amount, 1);
    auto *amountColumn = new QVBoxLayout;
    amountColumn->addLayout(amountLine);
    m_problems[CheckoutField::Amount] = problemLabel(this, QStringLiteral("amountProblem"));
    amountColumn->addWidget(m_problems[CheckoutField::Amount]);
    form->addRow(caption(tr("Amount"), m_amount), amountColumn);
    connect(m_amount, &QLineEdit::editingFinished, this, [this] {
        if (const std::optional<qint64> amount = parseAmountYen(m_amount->text()); amount && *amount > 0)
            m_amount->setText(formatYen(*amount).mid(1));
    });

    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("descriptionField"));
    m_descriptionCount = hintLabel(this, QStringLiteral("descriptionCount"));
    m_problems[CheckoutField::ProductDescription] = problemLabel(this, QStringLiteral("descriptionProblem"));
    form->addRow(caption(tr("Product description"), m_description),
                 fieldRow(m_description, m_descriptionCount, m_problems[CheckoutField::ProductDescription]));
    connect(m_description, &QLineEdit::textChanged, this, &CheckoutPage::updateDescriptionFeedback);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameField"));
    m_namePreview = hintLabel(this, QStringLiteral("namePreview"));
    m_problems[CheckoutField::CustomerName] = problemLabel(this, QStringLiteral("nameProblem"));
    auto *nameColumn = fieldRow(m_name, nullptr, m_problems[CheckoutField::CustomerName]);
    nameColumn->insertWidget(1, m_namePreview);
    form->addRow(caption(tr("Customer name"), m_name), nameColumn);
    connect(m_name, &QLineEdit::textChanged, this, &CheckoutPage::updateNamePreview);

    m_email = new QLineEdit(this);
    m_email->setObjectName(QStringLiteral("emailField"));
    m_email->setPlaceholderText(QStringLiteral("hanako@example.jp"));
    m_problems[CheckoutField::Email] = problemLabel(this, QStringLiteral("emailProblem"));
    form->addRow(caption(tr("E-mail"), m_email), fieldRow(m_email, nullptr, m_problems[CheckoutField::Email]));

    m_phone = new QLineEdit(this);
    m_phone->setObjectName(QStringLiteral("phoneField"));
    m_phone->setPlaceholderText(QStringLiteral("090-1234-5678"));
    m_phonePreview = hintLabel(this, QStringLiteral("phonePreview"));
    m_problems[CheckoutField::Phone] = problemLabel(this, QStringLiteral("phoneProblem"));
    auto *phoneColumn = fieldRow(m_phone, nullptr, m_problems[CheckoutField::Phone]);
    phoneColumn->insertWidget(1, m_phonePreview);
    form->addRow(caption(tr("Phone"), m_phone), phoneColumn);
    connect(m_phone, &QLineEdit::textChanged, this, &CheckoutPage::updatePhonePreview);

    m_returningOffer = new QPushButton(this);
    m_returningOffer->setObjectName(QStringLiteral("returningOffer"));
    m_returningOffer->setFocusPolicy(Qt::TabFocus);
    m_returningOffer->hide();
    form->addRow(QString(), m_returningOffer);
    connect(m_returningOffer, &QPushButton::clicked, this, &CheckoutPage::fillReturningCustomer);
    auto *fillKey = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Y), this);
    fillKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(fillKey, &QShortcut::activated, this, &CheckoutPage::fillReturningCustomer);
    connect(m_email, &QLineEdit::editingFinished, this, [this] { offerReturningCustomer(m_email->text()); });
    connect(m_phone, &QLineEdit::editingFinished, this, [this] { offerReturningCustomer(m_phone->text()); });
    for (QLineEdit *field : {m_name, m_email, m_phone}) {
        connect(field, &QLineEdit::textEdited, this, [this] {
            m_returningOffer->hide();
            m_offered.reset();
        });
    }

    m_expiryDays = new QSpinBox(this);
    m_expiryDays->setObjectName(QStringLiteral("expiryDaysField"));
    m_expiryDays->setRange(kMinimumExpiresAfterDays, kMaximumExpiresAfterDays);
    m_expiryDays->setSuffix(tr(" days"));
    m_expiryByDate = new QCheckBox(tr("Pick a date"), this);
    m_expiryByDate->setObjectName(QStringLiteral("expiryByDate"));
    m_expiryDate = new QDateEdit(this);
    m_expiryDate->setObjectName(QStringLiteral("expiryDateField"));
    m_expiryDate->setCalendarPopup(true);
    m_expiryDate->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_expiryDate->setEnabled(false);
    m_deadline = hintLabel(this, QStringLiteral("deadlinePreview"));
    m_problems[CheckoutField::Expiry] = problemLabel(this, QStringLiteral("expiryProblem"));
    auto *expiryLine = new QHBoxLayout;
    expiryLine->addWidget(m_expiryDays);
    expiryLine->addWidget(m_expiryByDate);
    expiryLine->addWidget(m_expiryDate);
    expiryLine->addStretch();
    auto *expiryColumn = new QVBoxLayout;
    expiryColumn->addLayout(expiryLine);
    expiryColumn->addWidget(m_deadline);
    expiryColumn->addWidget(m_problems[CheckoutField::Expiry]);
    form->addRow(caption(tr("Expires after"), m_expiryDays), expiryColumn);
    m_expiryDate->setAccessibleName(tr("Payment deadline date"));
    connect(m_expiryDays, &QSpinBox::valueChanged, this, &CheckoutPage::updateDeadline);
    connect(m_expiryDate, &QDateEdit::dateChanged, this, &CheckoutPage::updateDeadline);
    connect(m_expiryByDate, &QCheckBox::toggled, this, [this](bool byDate) {
        m_expiryDays->setEnabled(!byDate);
        m_expiryDate->setEnabled(byDate);
        updateDeadline();
    });

    if (testMode) {
        m_scenario = new QComboBox(this);
        m_scenario->setObjectName(QStringLiteral("scenarioPicker"));
        for (const TestScenario &scenario : testScenarios())
            m_scenario->addItem(scenario.label, scenario.confirmationNumber);
        form->addRow(caption(tr("Test scenario"), m_scenario), m_scenario);
        connect(m_scenario, &QComboBox::activated, this, &CheckoutPage::applyScenario);
    }
    outer->addLayout(form);

    m_issueButton = new QPushButton(tr("Issue voucher (Enter)"), this);
    m_issueButton->setObjectName(QStringLiteral("issueButton"));
    m_issueButton->setFont(large);
    m_issueButton->setMinimumHeight(48);
    connect(m_issueButton, &QPushButton::clicked, this, &CheckoutPage::issue);
    m_clearButton = new QPushButton(tr("Clear (Esc)"), this);
    m_clearButton->setObjectName(QStringLiteral("clearButton"));
    m_clearButton->setMinimumHeight(48);
    connect(m_clearButton, &QPushButton::clicked, this, &CheckoutPage::clearSale);
    auto *buttonLine = new QHBoxLayout;
    buttonLine->addWidget(m_issueButton, 1);
    buttonLine->addWidget(m_clearButton);
    outer->addLayout(buttonLine);
    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *issueFromAnywhere = new QShortcut(keys, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
        connect(issueFromAnywhere, &QShortcut::activated, this, &CheckoutPage::issue);
    }

    auto *busyLine = new QHBoxLayout;
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(160);
    m_busy->hide();
    m_busyText = new QLabel(this);
    m_busyText->setObjectName(QStringLiteral("busyText"));
    busyLine->addWidget(m_busy);
    busyLine->addWidget(m_busyText, 1);
    // Stop waiting for Stripe (Esc too): the sale stays resumable with the same key.
    m_stopWaiting = new QPushButton(tr("Stop waiting (Esc)"), this);
    m_stopWaiting->setObjectName(QStringLiteral("stopWaitingButton"));
    m_stopWaiting->hide();
    connect(m_stopWaiting, &QPushButton::clicked, this, [this] { m_session.stopWaiting(); });
    busyLine->addWidget(m_stopWaiting);
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, [this] {
        if (m_session.state() == CheckoutSession::State::Sending)
            m_session.stopWaiting();
        else
            clearSale();
    });
    outer->addLayout(busyLine);
    m_message = new ParagraphLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    Tones::setTextTone(m_message, Tones::Tone::Problem, true);
    outer->addWidget(m_message);
    // Stripe's own words and request id (English), for whoever supports the till: never the message.
    m_messageDetails = new QLabel(this);
    m_messageDetails->setObjectName(QStringLiteral("messageDetails"));
    m_messageDetails->setWordWrap(true);
    m_messageDetails->setTextFormat(Qt::PlainText);
    m_messageDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
    Tones::setTextTone(m_messageDetails, Tones::Tone::Quiet);
    outer->addWidget(m_messageDetails);
    // Shown only with a message: an empty bold line would still load the bold face of the CJK
    // font before the first paint.
    m_message->hide();
    m_messageDetails->hide();
    outer->addStretch();

    m_slowAnswer = new QTimer(this);
    m_slowAnswer->setSingleShot(true);
    connect(m_slowAnswer, &QTimer::timeout, this,
            [this] { m_busyText->setText(tr("Stripe is slow to answer; still trying…")); });

    const auto issuesHere = [this](QWidget *widget) {
        const auto within = [widget](QWidget *field) { return field && (widget == field || field->isAncestorOf(widget)); };
        if (within(m_phone) && m_session.state() == CheckoutSession::State::NumberRejected)
            return true; // the new number is what the clerk was asked for: Enter sends it
        return within(m_scenario) || within(m_expiryByDate->isChecked() ? static_cast<QWidget *>(m_expiryDate) : m_expiryDays);
    };
    auto *enter = new EnterMovesOn(this, issuesHere, [this] { issue(); });
    QList<QWidget *> fields{m_amount, m_description, m_name, m_email, m_phone, m_expiryDays, m_expiryByDate, m_expiryDate};
    if (m_scenario)
        fields.append(m_scenario);
    for (QWidget *field : fields)
        field->installEventFilter(enter);
    m_expiryDays->findChild<QLineEdit *>()->installEventFilter(enter);
    m_expiryDate->findChild<QLineEdit *>()->installEventFilter(enter);
    auto *enterPresses = new EnterPressesButton(this);
    // Not on 待つのをやめる: focus sits there while the sale is sent, and a second Enter must not
    // stop it (Esc does; the busy line says what is happening).
    for (QPushButton *button : {m_issueButton, m_clearButton})
        button->installEventFilter(enterPresses);
    // A message about a field goes as soon as the field changes.
    connect(m_amount, &QLineEdit::textEdited, this, [this] { clearProblem(CheckoutField::Amount); });
    connect(m_name, &QLineEdit::textEdited, this, [this] { clearProblem(CheckoutField::CustomerName); });
    connect(m_email, &QLineEdit::textEdited, this, [this] { clearProblem(CheckoutField::Email); });
    connect(m_phone, &QLineEdit::textEdited, this, [this] { clearProblem(CheckoutField::Phone); });
    connect(m_description, &QLineEdit::textEdited, this, [this] {
        clearProblem(CheckoutField::ProductDescription);
        updateDescriptionFeedback();
    });
    connect(m_expiryDays, &QSpinBox::valueChanged, this, [this] { clearProblem(CheckoutField::Expiry); });
    connect(m_expiryDate, &QDateEdit::dateChanged, this, [this] { clearProblem(CheckoutField::Expiry); });

    setTabOrder(m_amount, m_description);
    setTabOrder(m_description, m_name);
    setTabOrder(m_name, m_email);
    setTabOrder(m_email, m_phone);
    setTabOrder(m_phone, m_returningOffer); // skipped while hidden
    setTabOrder(m_returningOffer, m_expiryDays);
    setTabOrder(m_expiryDays, m_expiryByDate);
    setTabOrder(m_expiryByDate, m_expiryDate);
    if (m_scenario) {
        setTabOrder(m_expiryDate, m_scenario);
        setTabOrder(m_scenario, m_issueButton);
    } else {
        setTabOrder(m_expiryDate, m_issueButton);
    }
    setTabOrder(m_issueButton, m_clearButton);
}

void CheckoutPage::setReturningCustomers(CustomerLookup lookup)
{
    m_lookup = std::move(lookup);
    if (!m_lookup) {
        m_returningOffer->hide();
        m_offered.reset();
    }
}

void CheckoutPage::offerReturningCustomer(const QString &typed)
{
    if (!m_lookup || typed.trimmed().isEmpty() || m_issuing)
        return;
    const std::optional<CustomerOnFile> found = m_lookup(typed);
    if (!found || (found->name == m_name->text().trimmed() && found->email == m_email->text().trimmed()
                   && found->phone == m_phone->text().trimmed()))
        return;
    m_offered = found;
    QString shown = found->name;
    shown.replace(u'&', QStringLiteral("&&")); // a name is never a keyboard shortcut
    m_returningOffer->setText(tr("Seen before: %1. Fill in (Alt+Y)").arg(shown));
    m_returningOffer->setAccessibleName(tr("Fill in the customer seen before"));
    m_returningOffer->show();
}

void CheckoutPage::fillReturningCustomer()
{
    if (!m_offered)
        return;
    m_name->setText(m_offered->name);
    if (!m_offered->email.isEmpty())
        m_email->setText(m_offered->email);
    if (!m_offered->phone.isEmpty())
        m_phone->setText(m_offered->phone);
    for (CheckoutField field : {CheckoutField::CustomerName, CheckoutField::Email, CheckoutField::Phone})
        clearProblem(field);
    m_offered.reset();
    m_returningOffer->hide();
}

void CheckoutPage::startNewSale()
{
    m_returningOffer->hide();
    m_offered.reset();
    m_session.startNew();
    for (QLineEdit *field : {m_amount, m_name, m_email, m_phone})
        field->clear();
    m_description->setText(m_defaultDescription);
    m_expiryDays->setValue(m_defaultExpiryDays);
    m_expiryByDate->setChecked(false);
    m_expiryDate->setDate(jstDate(QDateTime::currentSecsSinceEpoch()).addDays(m_defaultExpiryDays));
    if (m_scenario)
        m_scenario->setCurrentIndex(0);
    clearProblems();
    showMessage(QString());
    updateDescriptionFeedback();
    updateNamePreview();
    updatePhonePreview();
    updateDeadline();
    m_amount->setFocus();
}

void CheckoutPage::setDefaultExpiryDays(int days)
{
    m_defaultExpiryDays = std::clamp(days, kMinimumExpiresAfterDays, kMaximumExpiresAfterDays);
    if (!m_issuing && m_amount->text().isEmpty())
        m_expiryDays->setValue(m_defaultExpiryDays);
}

void CheckoutPage::setDefaultDescription(const QString &description)
{
    const bool untouched = m_description->text() == m_defaultDescription;
    m_defaultDescription = description;
    if (!m_issuing && untouched && !hasTypedSale()) {
        m_description->setText(description);
        updateDescriptionFeedback();
    }
}

CheckoutRequest CheckoutPage::currentRequest() const
{
    CheckoutRequest request;
    request.amountYen = parseAmountYen(m_amount->text()).value_or(0);
    request.productDescription = m_description->text();
    request.customerName = m_name->text();
    request.email = m_email->text().trimmed();
    request.phone = m_phone->text();
    request.expiresAfterDays = m_expiryDays->value();
    if (m_expiryByDate->isChecked())
        request.expiresOn = m_expiryDate->date();
    return request;
}

void CheckoutPage::focusAmount()
{
    m_amount->setFocus(Qt::ShortcutFocusReason);
    m_amount->end(false);
}

bool CheckoutPage::hasTypedSale() const
{
    return !m_amount->text().trimmed().isEmpty() || !m_name->text().trimmed().isEmpty()
        || !m_email->text().trimmed().isEmpty() || !m_phone->text().trimmed().isEmpty()
        || m_session.hasUnfinishedSale();
}

void CheckoutPage::clearSale()
{
    if (m_issuing)
        return;
    if (hasTypedSale()) {
        QMessageBox question(QMessageBox::Question, tr("Clear this sale?"),
                             m_session.hasUnfinishedSale()
                                 ? tr("Clear the sale being typed? It already reached Stripe: its payment will be "
                                      "canceled, so no voucher of it can be paid.")
                                 : tr("Clear the sale being typed?"),
                             QMessageBox::Yes | QMessageBox::No, this);
        question.setObjectName(QStringLiteral("clearSaleQuestion"));
        question.setDefaultButton(QMessageBox::No);
        question.button(QMessageBox::Yes)->setText(tr("Clear"));
        question.button(QMessageBox::No)->setText(tr("Keep typing"));
        if (question.exec() != QMessageBox::Yes) {
            focusAmount();
            return;
        }
    }
    if (!m_session.hasUnfinishedSale()) {
        startNewSale();
        return;
    }
    // What the sale made at Stripe is canceled first (its unanswered request is asked again).
    setIssuing(true);
    m_busyText->setText(tr("Canceling the sale at Stripe…"));
    m_session.abandonUnfinished([this, alive = QPointer<CheckoutPage>(this)](const ActionResult<VoucherRecord> &result) {
        if (!alive)
            return;
        setIssuing(false);
        if (!result.ok() && (result.error().resumable || result.error().kind == CheckoutError::Kind::Busy)) {
            showMessage(tr("The sale could not be canceled at Stripe now, so it stays as it was: press Esc to "
                           "try again, or Enter to continue it. (%1)")
                            .arg(ClerkMessages::forCheckout(result.error())));
            m_issueButton->setFocus();
            return;
        }
        startNewSale();
    });
}

void CheckoutPage::issue()
{
    if (m_issuing)
        return; // a second Enter while the first is on its way
    if (m_session.state() == CheckoutSession::State::Recovering) {
        showMessage(tr("Please wait: the till is finishing a sale that was interrupted; its voucher "
                       "appears in a moment. Then press Enter again."));
        m_askedToWaitForRecovery = true;
        return;
    }
    clearProblems();
    showMessage(QString());
    if (!m_amount->text().trimmed().isEmpty() && !parseAmountYen(m_amount->text())) {
        showProblem(CheckoutField::Amount, tr("Enter the amount in digits, e.g. 1500."));
        m_amount->setFocus();
        return;
    }
    const CheckoutRequest request = currentRequest();
    if (!confirmPossibleDuplicate(request))
        return;
    m_session.submit(request);
}

// False when the clerk chose not to issue: they show the existing voucher or go back.
bool CheckoutPage::confirmPossibleDuplicate(const CheckoutRequest &request)
{
    if (!m_safeguards || m_session.continuesUnfinished(request))
        return true;
    const std::optional<VoucherRecord> existing = m_safeguards->likelyDuplicate(request);
    if (!existing)
        return true;
    QMessageBox question(QMessageBox::Question, tr("Issue a second voucher?"),
                         tr("%1 already has a voucher of %2 waiting for payment, issued at %3. Show that voucher, "
                            "or issue another one?")
                             .arg(existing->customerName.isEmpty() ? existing->email
                                                                  : tr("%1", "the customer's name with an honorific")
                                                                        .arg(existing->customerName),
                                  formatYen(existing->amountYen), formatIssuedAt(existing->createdAt)),
                         QMessageBox::NoButton, this);
    question.setObjectName(QStringLiteral("duplicateQuestion"));
    question.setTextFormat(Qt::PlainText); // it quotes the customer's name
    QPushButton *show = question.addButton(tr("Show that voucher"), QMessageBox::AcceptRole);
    show->setObjectName(QStringLiteral("showExisting"));
    QPushButton *another = question.addButton(tr("Issue another"), QMessageBox::DestructiveRole);
    another->setObjectName(QStringLiteral("issueAnother"));
    QPushButton *back = question.addButton(tr("Back"), QMessageBox::RejectRole);
    back->setObjectName(QStringLiteral("backToSale"));
    question.setDefaultButton(show);
    question.setEscapeButton(back);
    question.exec();
    if (question.clickedButton() == another)
        return true;
    if (question.clickedButton() == show) {
        emit showVoucherRequested(Voucher::from(*existing));
        startNewSale();
    } else {
        focusAmount();
    }
    return false;
}

void CheckoutPage::render(CheckoutSession::State state)
{
    const bool recovering = state == CheckoutSession::State::Recovering;
    // While an interrupted sale is finished the clerk may type the next one (focus stays where
    // it is); only issuing waits.
    setIssuing(state == CheckoutSession::State::Sending);
    m_stopWaiting->setVisible(state == CheckoutSession::State::Sending);
    m_stopWaiting->setEnabled(state == CheckoutSession::State::Sending);
    if (state == CheckoutSession::State::Sending)
        m_stopWaiting->setFocus(); // the form is disabled meanwhile; focus stays on the page, Esc works
    if (recovering) {
        m_busy->show();
        m_busyText->setText(tr("Finishing a sale that was interrupted…"));
    } else if (m_askedToWaitForRecovery) {
        m_askedToWaitForRecovery = false;
        showMessage(QString());
    }
}

void CheckoutPage::showMessage(const QString &message, const QString &details)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    m_messageDetails->setText(details);
    m_messageDetails->setVisible(!details.isEmpty());
}

void CheckoutPage::showFailure(const CheckoutError &error)
{
    switch (error.kind) {
    case CheckoutError::Kind::Busy:
        showMessage(ClerkMessages::forCheckout(error));
        return;
    case CheckoutError::Kind::Invalid: {
        QWidget *first = nullptr;
        for (const FieldProblem &problem : error.problems) {
            showProblem(problem.field, problem.message);
            if (!first)
                first = fieldWidget(problem.field);
        }
        if (first)
            first->setFocus();
        return;
    }
    case CheckoutError::Kind::Stripe:
        if (error.isNumberRejected()) {
            showProblem(CheckoutField::Phone, ClerkMessages::forCheckout(error));
            m_phone->selectAll();
            m_phone->setFocus();
            return;
        }
        if (error.stripe.kind == ApiError::Kind::InvalidRequest && error.stripe.param == u"amount") {
            showProblem(CheckoutField::Amount, ClerkMessages::forCheckout(error));
            m_amount->setFocus();
            return;
        }
        break;
    case CheckoutError::Kind::Ledger:
    case CheckoutError::Kind::NotAllowed:
        break;
    }
    showMessage(ClerkMessages::forCheckout(error), ClerkMessages::details(error));
    m_issueButton->setFocus();
}

QWidget *CheckoutPage::fieldWidget(CheckoutField field) const
{
    switch (field) {
    case CheckoutField::Amount:
        return m_amount;
    case CheckoutField::ProductDescription:
        return m_description;
    case CheckoutField::CustomerName:
        return m_name;
    case CheckoutField::Email:
        return m_email;
    case CheckoutField::Phone:
        return m_phone;
    case CheckoutField::Expiry:
        return m_expiryByDate->isChecked() ? static_cast<QWidget *>(m_expiryDate) : m_expiryDays;
    }
    return nullptr;
}

void CheckoutPage::showProblem(CheckoutField field, const QString &message)
{
    ParagraphLabel *label = m_problems.value(field);
    label->setText(message);
    label->show();
    fieldWidget(field)->setProperty("invalid", true);
    fieldWidget(field)->setStyleSheet(Tones::problemBorder(palette()));
}

void CheckoutPage::clearProblem(CheckoutField field)
{
    ParagraphLabel *label = m_problems.value(field);
    if (!label || label->isHidden())
        return;
    label->clear();
    label->hide();
    fieldWidget(field)->setProperty("invalid", false);
    fieldWidget(field)->setStyleSheet(QString());
}

void CheckoutPage::clearProblems()
{
    for (auto it = m_problems.cbegin(); it != m_problems.cend(); ++it) {
        it.value()->clear();
        it.value()->hide();
        fieldWidget(it.key())->setProperty("invalid", false);
        fieldWidget(it.key())->setStyleSheet(QString());
    }
    updateDescriptionFeedback();
}

void CheckoutPage::setIssuing(bool issuing)
{
    m_issuing = issuing;
    for (QWidget *widget : findChildren<QWidget *>()) {
        if (widget != m_busy && widget != m_busyText && widget != m_message && widget != m_stopWaiting
            && widget->parentWidget() == this)
            widget->setEnabled(!issuing);
    }
    if (!issuing) {
        m_expiryDays->setEnabled(!m_expiryByDate->isChecked());
        m_expiryDate->setEnabled(m_expiryByDate->isChecked());
    }
    m_busy->setVisible(issuing);
    m_busyText->setText(issuing ? tr("Issuing the voucher…") : QString());
    if (issuing)
        m_slowAnswer->start(kSlowAnswerMs);
    else
        m_slowAnswer->stop();
}

void CheckoutPage::updateDescriptionFeedback()
{
    const QString text = m_description->text();
    const int count = characterCount(text);
    m_descriptionCount->setText(QStringLiteral("%1/%2").arg(count).arg(kProductDescriptionMaxLength));
    const bool tooLong = count > kProductDescriptionMaxLength;
    Tones::setTextTone(m_descriptionCount, tooLong ? Tones::Tone::Problem : Tones::Tone::Quiet, tooLong);
    const QString unprintable = ShiftJis::unprintableCharacters(text);
    ParagraphLabel *problem = m_problems.value(CheckoutField::ProductDescription);
    if (!unprintable.isEmpty()) {
        problem->setText(tr("Stores cannot print: %1 (replace them, e.g. ① → 1, ㈱ → (株), ～ → 〜)").arg(unprintable));
        problem->show();
        m_description->setStyleSheet(Tones::problemBorder(palette()));
    } else if (!m_description->property("invalid").toBool()) {
        problem->hide();
        m_description->setStyleSheet(QString());
    }
}

void CheckoutPage::updateNamePreview()
{
    const NamePreview preview = previewCustomerName(m_name->text().trimmed());
    m_namePreview->setVisible(!m_name->text().trimmed().isEmpty());
    if (m_name->text().trimmed().isEmpty())
        return;
    QString text = tr("The store prints: %1").arg(preview.shown);
    if (!preview.dropped.isEmpty())
        text += u' ' + tr("(%1 will not print)").arg(preview.dropped);
    if (preview.truncated)
        text += u' ' + tr("(cut to 20 characters)");
    m_namePreview->setText(text);
    Tones::setTextTone(m_namePreview,
                       preview.dropped.isEmpty() && !preview.truncated ? Tones::Tone::Quiet : Tones::Tone::Warning);
}

void CheckoutPage::updatePhonePreview()
{
    const ConfirmationNumber number = confirmationNumberFromPhone(m_phone->text());
    if (m_phone->text().trimmed().isEmpty())
        m_phonePreview->setText(tr("No phone: Stripe generates the confirmation number."));
    else if (number.valid)
        m_phonePreview->setText(tr("Confirmation number: %1").arg(number.digits));
    else if (number.digits.size() == 10 || number.digits.size() == 11)
        m_phonePreview->setText(tr("This number cannot be a confirmation number; use the customer's own phone number."));
    else
        m_phonePreview->setText(tr("Confirmation number needs 10 or 11 digits (now %1).").arg(number.digits.size()));
}

void CheckoutPage::updateDeadline()
{
    const CheckoutRequest request = currentRequest();
    m_deadline->setText(
        tr("Deadline: %1").arg(formatDeadline(resultingDeadline(request, QDateTime::currentSecsSinceEpoch()))));
}

void CheckoutPage::applyScenario(int index)
{
    const QString number = m_scenario->itemData(index).toString();
    if (!number.isEmpty())
        m_phone->setText(number);
}

} // namespace konbini::ui
