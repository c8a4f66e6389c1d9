#pragma once

class QScrollArea;

namespace konbini::ui {

// In a scrolling form the wheel scrolls the form: a spin box or a combo box under the pointer
// changes its value with the wheel only once it has the focus (clicked or tabbed into), never
// because the pointer passed over it while scrolling. Call once the form is built.
void keepWheelForScrolling(QScrollArea *area);

} // namespace konbini::ui
