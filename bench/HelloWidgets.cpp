// The yardstick for the app's start-up (not a test): a Qt Widgets hello-world that, like
// konbini-pos with KONBINI_EXIT_AFTER_FIRST_PAINT set, leaves once its window has painted (with
// _Exit, as the app does: the figure is the time to the first paint, not to a tidy shutdown).
// Time both as whole processes, side by side.
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

namespace {

class FirstPaintExit : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            watched->removeEventFilter(this);
            QTimer::singleShot(0, [] {
                std::fflush(nullptr);
                std::_Exit(0);
            });
        }
        return false;
    }
};

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QLabel window(QStringLiteral("こんにちは"));
    window.resize(900, 640);
    window.installEventFilter(new FirstPaintExit(&window));
    window.show();
    return app.exec();
}
