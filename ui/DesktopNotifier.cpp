#include "DesktopNotifier.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>

namespace konbini::ui {
namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");

QDBusMessage call(const QString &method)
{
    return QDBusMessage::createMethodCall(kService, kPath, kInterface, method);
}

} // namespace

DesktopNotifier::DesktopNotifier(QDBusConnection bus, QObject *parent) : QObject(parent), m_bus(std::move(bus))
{
    if (m_bus.isConnected())
        m_bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                      SLOT(onActionInvoked(uint, QString)));
}

void DesktopNotifier::show(const QString &summary, const QString &body)
{
    if (!m_bus.isConnected())
        return;
    m_waiting = std::make_pair(summary, body);
    m_withdrawWhenAnswered = false;
    if (m_markup.has_value()) {
        if (!m_notifying)
            send();
        return;
    }
    if (m_askedCapabilities)
        return; // sent when the answer comes
    m_askedCapabilities = true;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call(QStringLiteral("GetCapabilities")), 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *answered) {
        answered->deleteLater();
        const QDBusPendingReply<QStringList> reply = *answered;
        if (reply.isError()) {
            m_askedCapabilities = false; // no service now; ask again with the next payment
            m_waiting.reset();
            emit unavailable();
            return;
        }
        m_markup = reply.value().contains(QStringLiteral("body-markup"));
        if (m_waiting)
            send();
    });
}

void DesktopNotifier::send()
{
    const auto [summary, body] = *m_waiting;
    m_waiting.reset();
    QDBusMessage notify = call(QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(2))); // stays until dismissed
    hints.insert(QStringLiteral("category"), QStringLiteral("transfer.complete"));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("konbini-pos"));
    // Customers' names are shown as written: a service that reads markup gets them escaped.
    notify << QGuiApplication::applicationDisplayName() << m_id << QStringLiteral("konbini-pos") << summary
           << (*m_markup ? body.toHtmlEscaped() : body) << QStringList{QStringLiteral("default"), summary} << hints
           << qint32(0);
    m_notifying = true;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(notify, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *answered) {
        answered->deleteLater();
        m_notifying = false;
        const QDBusPendingReply<uint> reply = *answered;
        if (reply.isError()) {
            emit unavailable();
        } else {
            m_id = reply.value();
        }
        if (m_withdrawWhenAnswered) {
            m_withdrawWhenAnswered = false;
            withdraw();
        } else if (m_waiting) {
            send();
        }
    });
}

void DesktopNotifier::withdraw()
{
    m_waiting.reset();
    if (m_notifying) {
        m_withdrawWhenAnswered = true;
        return;
    }
    if (m_id == 0 || !m_bus.isConnected())
        return;
    QDBusMessage close = call(QStringLiteral("CloseNotification"));
    close << m_id;
    m_bus.asyncCall(close, 5000);
    m_id = 0;
}

void DesktopNotifier::onActionInvoked(uint id, const QString &actionKey)
{
    if (id == m_id && id != 0 && actionKey == u"default")
        emit activated();
}

} // namespace konbini::ui
