#pragma once

class QScrollArea;
class QString;
class QVBoxLayout;
class QWidget;

namespace konbini::ui {

// A dialog whose main content sits in `scroll`: sized to show all of it, but never larger than
// the screen it is on (large text, 1366×768 at 125 %): then the content scrolls and what is
// outside the scroll area (the buttons) stays in view. Call once built, and when the content grows.
void fitToScreen(QWidget *dialog, QScrollArea *scroll);
// A frameless scroll area for such a dialog, with its content widget laid out in `layout`.
QScrollArea *makeContentScroll(QWidget *dialog, const QString &name, QVBoxLayout *&layout);

} // namespace konbini::ui
