#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QString>

#include <optional>

namespace konbini::ui {

// The desktop's own notification (freedesktop.org Notifications over the session bus) for
// payments waiting in the paid inbox while the window is not in front: one notification, updated
// as more come in (nothing is overwritten: it counts them), withdrawn once all are acknowledged,
// never expiring by itself. Clicking it asks for the window. Without a notification service it
// does nothing (the taskbar entry still asks for attention).
class DesktopNotifier : public QObject
{
    Q_OBJECT

public:
    explicit DesktopNotifier(QDBusConnection bus = QDBusConnection::sessionBus(), QObject *parent = nullptr);

    // `summary` and `body` are plain text: escaped when the service reads markup.
    void show(const QString &summary, const QString &body);
    void withdraw();

signals:
    // The clerk clicked the notification.
    void activated();
    // No notification service answered (none running): nothing was shown.
    void unavailable();

private slots:
    void onActionInvoked(uint id, const QString &actionKey);

private:
    void send();

    QDBusConnection m_bus;
    uint m_id = 0;                  // the shown notification, 0: none
    std::optional<bool> m_markup;   // whether the service reads markup in bodies, once it said
    bool m_askedCapabilities = false;
    // What to show next: sent once the capabilities are known and no Notify is on its way (its
    // answer gives the id the next one replaces).
    std::optional<std::pair<QString, QString>> m_waiting;
    bool m_notifying = false;
    bool m_withdrawWhenAnswered = false;
};

} // namespace konbini::ui
