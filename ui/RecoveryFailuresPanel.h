#pragma once

#include "FailedRecoveries.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace konbini::ui {

class ParagraphLabel;

// Above the counter: each interrupted sale the till could not finish at start (when it was made,
// amount, customer) with what to do, and Retry when sending it again can finish it. It does not
// take the focus from the form; the clerk hides it when done, and a new failure shows it again.
class RecoveryFailuresPanel : public QFrame
{
    Q_OBJECT

public:
    explicit RecoveryFailuresPanel(FailedRecoveries &failures, QWidget *parent = nullptr);

    QString listText() const;

private:
    void update();

    FailedRecoveries &m_failures;
    QLabel *m_title = nullptr;
    ParagraphLabel *m_list = nullptr;
    QPushButton *m_retry = nullptr;
    QString m_hiddenList; // what the clerk hid: shown again only when it changes
};

} // namespace konbini::ui
