#include "WheelGuard.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QPointer>
#include <QScrollArea>

namespace konbini::ui {
namespace {

class WheelGuard : public QObject
{
public:
    explicit WheelGuard(QScrollArea *area) : QObject(area), m_area(area) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (event->type() != QEvent::Wheel || !widget || widget->hasFocus() || !m_area)
            return false;
        QCoreApplication::sendEvent(m_area->viewport(), event); // scroll the form instead
        return true;
    }

private:
    QPointer<QScrollArea> m_area;
};

} // namespace

void keepWheelForScrolling(QScrollArea *area)
{
    if (!area || !area->widget())
        return;
    auto *guard = new WheelGuard(area);
    QList<QWidget *> fields;
    for (QAbstractSpinBox *spin : area->widget()->findChildren<QAbstractSpinBox *>())
        fields.append(spin);
    for (QComboBox *combo : area->widget()->findChildren<QComboBox *>())
        fields.append(combo);
    for (QWidget *field : fields) {
        field->setFocusPolicy(Qt::StrongFocus); // not focused by the wheel either
        field->installEventFilter(guard);
    }
}

} // namespace konbini::ui
