#pragma once

#include "ClerkDesk.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace konbini::ui {

// The owner's list of clerks: add one (name and PIN, typed twice), give one a new PIN, remove one,
// and whether cancel, refund, cancel refund and the settings need the owner's PIN. The first one
// added is the owner.
class ClerksDialog : public QDialog
{
    Q_OBJECT

public:
    ClerksDialog(ClerkDesk &desk, QWidget *parent = nullptr);

    // What the buttons do, with the fields as typed; each sets message().
    void addTyped();
    void changePinOfSelected();
    void removeSelected();
    QString message() const;

private:
    void reload();
    // The PIN typed twice, or a message.
    std::optional<QString> typedPin();
    void setMessage(const QString &text, bool problem);

    ClerkDesk &m_desk;
    QListWidget *m_list = nullptr;
    QLabel *m_formTitle = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_pin = nullptr;
    QLineEdit *m_pinAgain = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_changePin = nullptr;
    QPushButton *m_remove = nullptr;
    QCheckBox *m_ownerApproval = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace konbini::ui
