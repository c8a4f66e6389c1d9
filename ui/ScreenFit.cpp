#include "ScreenFit.h"

#include <QLayout>
#include <QScreen>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace konbini::ui {

void fitToScreen(QWidget *dialog, QScrollArea *scroll)
{
    const QScreen *shownOn = dialog->screen();
    if (!shownOn || !dialog->layout() || !scroll->widget())
        return;
    // Room for the window manager's title bar and frame.
    const QSize available = shownOn->availableGeometry().size() - QSize(16, 48);
    const QSize content = scroll->widget()->sizeHint();
    scroll->setMinimumSize(content);
    const QSize wanted = dialog->layout()->totalSizeHint();
    QSize fitted = content;
    if (wanted.height() > available.height())
        fitted.setHeight(std::max(120, content.height() - (wanted.height() - available.height())));
    if (wanted.width() > available.width())
        fitted.setWidth(std::max(200, content.width() - (wanted.width() - available.width())));
    if (fitted.height() < content.height()) // room for the vertical scroll bar
        fitted.setWidth(std::min(fitted.width() + dialog->style()->pixelMetric(QStyle::PM_ScrollBarExtent),
                                 available.width()));
    scroll->setMinimumSize(fitted);
    dialog->resize(dialog->layout()->totalSizeHint().boundedTo(available));
}

QScrollArea *makeContentScroll(QWidget *dialog, const QString &name, QVBoxLayout *&layout)
{
    auto *scroll = new QScrollArea(dialog);
    scroll->setObjectName(name);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    auto *content = new QWidget(scroll);
    layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    return scroll;
}

} // namespace konbini::ui
