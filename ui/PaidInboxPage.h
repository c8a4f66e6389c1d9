#pragma once

#include "PaidInbox.h"

#include <QWidget>

class QListWidget;
class QPushButton;

namespace konbini::ui {

// The paid inbox as a page: every voucher paid at a store since the clerk last looked (amount,
// name, when), acknowledged one at a time (Enter or the button) or all at once. Nothing is
// overwritten by the next payment, and nothing here moves the counter's form.
class PaidInboxPage : public QWidget
{
    Q_OBJECT

public:
    explicit PaidInboxPage(PaidInbox &inbox, QWidget *parent = nullptr);

    // "入金 (3)": what the tab says.
    static QString tabText(qsizetype count);

private:
    void refill();
    void acknowledgeSelected();

    PaidInbox &m_inbox;
    QListWidget *m_list = nullptr;
    QPushButton *m_acknowledge = nullptr;
    QPushButton *m_acknowledgeAll = nullptr;
};

} // namespace konbini::ui
