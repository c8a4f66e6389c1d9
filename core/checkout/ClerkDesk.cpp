#include "ClerkDesk.h"

#include "CheckoutLogging.h"
#include "ClerkRules.h"

#include <QCoreApplication>
#include <QDateTime>

namespace konbini {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ClerkDesk)
};

} // namespace

ClerkDesk::ClerkDesk(Ledger &ledger, CheckoutEngine &engine, Clock clock, QObject *parent)
    : QObject(parent), m_ledger(ledger), m_engine(engine), m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = [] { return QDateTime::currentSecsSinceEpoch(); };
}

QList<ClerkRecord> ClerkDesk::clerks() const
{
    const LedgerResult<QList<ClerkRecord>> found = m_ledger.clerks().clerks();
    return found ? found.value() : QList<ClerkRecord>();
}

bool ClerkDesk::clerksInUse() const
{
    return !clerks().isEmpty();
}

std::optional<ClerkRecord> ClerkDesk::owner() const
{
    const LedgerResult<std::optional<ClerkRecord>> found = m_ledger.clerks().owner();
    return found ? found.value() : std::nullopt;
}

QString ClerkDesk::currentName() const
{
    return m_signedIn ? m_signedIn->name : QString();
}

void ClerkDesk::record(AuditAction action, const QString &result, const QString &detail, qint64 voucherId,
                       qint64 amountYen)
{
    recordAs(currentName(), action, result, detail, voucherId, amountYen);
}

void ClerkDesk::recordAs(const QString &clerk, AuditAction action, const QString &result, const QString &detail,
                         qint64 voucherId, qint64 amountYen)
{
    AuditEntry entry;
    entry.at = m_clock();
    entry.clerk = clerk;
    entry.action = action;
    entry.voucherId = voucherId;
    entry.amountYen = amountYen;
    entry.result = result;
    entry.detail = detail;
    m_ledger.audit().record(entry, m_ledger.vouchers());
}

ClerkDesk::PinAnswer ClerkDesk::checkPin(qint64 clerkId, const QString &typedPin)
{
    const qint64 now = m_clock();
    // In the ledger, so that restarting the app does not reset the count.
    const LedgerResult<ClerkStore::Tries> before = m_ledger.clerks().tries(clerkId);
    if (!before)
        return {PinAnswer::Kind::LedgerError, 0};
    ClerkStore::Tries tries = before.value();
    if (tries.lockedUntil > now)
        return {PinAnswer::Kind::LockedOut, tries.lockedUntil - now};
    const std::optional<QString> pin = ClerkRules::normalizedPin(typedPin);
    const LedgerResult<bool> verified = pin ? m_ledger.clerks().verify(clerkId, *pin) : LedgerResult<bool>(false);
    if (!verified)
        return {PinAnswer::Kind::LedgerError, 0};
    PinAnswer answer{PinAnswer::Kind::Accepted, 0};
    if (verified.value()) {
        tries = {};
    } else if (++tries.failures >= kTriesBeforeLockout) {
        tries = {0, now + kLockoutSeconds};
        answer = {PinAnswer::Kind::LockedOut, kLockoutSeconds};
    } else {
        answer = {PinAnswer::Kind::Wrong, 0};
    }
    if (tries.failures != before.value().failures || tries.lockedUntil != before.value().lockedUntil) {
        if (const LedgerStatus kept = m_ledger.clerks().setTries(clerkId, tries); !kept)
            return {PinAnswer::Kind::LedgerError, 0}; // a try that cannot be counted is not accepted
    }
    return answer;
}

namespace {

QString resultOf(const ClerkDesk::PinAnswer &answer)
{
    switch (answer.kind) {
    case ClerkDesk::PinAnswer::Kind::Accepted:
        return QStringLiteral("ok");
    case ClerkDesk::PinAnswer::Kind::Wrong:
        return QStringLiteral("wrong_pin");
    case ClerkDesk::PinAnswer::Kind::LockedOut:
        return QStringLiteral("locked_out");
    case ClerkDesk::PinAnswer::Kind::NoSuchClerk:
        return QStringLiteral("no_such_clerk");
    case ClerkDesk::PinAnswer::Kind::LedgerError:
        return QStringLiteral("ledger_error");
    }
    return {};
}

} // namespace

ClerkDesk::PinAnswer ClerkDesk::signIn(qint64 clerkId, const QString &typedPin)
{
    const LedgerResult<std::optional<ClerkRecord>> clerk = m_ledger.clerks().clerk(clerkId);
    if (!clerk)
        return {PinAnswer::Kind::LedgerError, 0};
    if (!clerk.value() || !clerk.value()->active)
        return {PinAnswer::Kind::NoSuchClerk, 0};
    const PinAnswer answer = checkPin(clerkId, typedPin);
    if (answer.accepted()) {
        m_signedIn = clerk.value();
        m_engine.setClerk(m_signedIn->name);
        record(AuditAction::SignIn, resultOf(answer));
        emit signedInChanged();
    } else {
        recordAs(clerk.value()->name, AuditAction::SignIn, resultOf(answer)); // the name that was tried
    }
    return answer;
}

void ClerkDesk::signOut()
{
    if (!m_signedIn)
        return;
    record(AuditAction::SignOut, QStringLiteral("ok"));
    m_signedIn.reset();
    m_engine.setClerk(QString());
    emit signedInChanged();
}

bool ClerkDesk::ownerApprovalRequired() const
{
    const LedgerResult<bool> required = m_ledger.clerks().ownerApprovalRequired();
    return required && required.value() && owner().has_value();
}

bool ClerkDesk::ownerApprovalNeeded() const
{
    return ownerApprovalRequired() && !(m_signedIn && m_signedIn->isOwner);
}

ClerkDesk::PinAnswer ClerkDesk::approveAsOwner(const QString &typedPin, AuditAction what, qint64 voucherId)
{
    const std::optional<ClerkRecord> theOwner = owner();
    const PinAnswer answer = theOwner ? checkPin(theOwner->id, typedPin) : PinAnswer{PinAnswer::Kind::NoSuchClerk, 0};
    record(AuditAction::OwnerApproval, resultOf(answer), auditActionKey(what), voucherId);
    return answer;
}

void ClerkDesk::approvalNotGiven(AuditAction what, qint64 voucherId)
{
    record(AuditAction::OwnerApproval, QStringLiteral("canceled"), auditActionKey(what), voucherId);
}

QString ClerkDesk::addClerk(const QString &typedName, const QString &typedPin, bool isOwner)
{
    const std::optional<QString> name = ClerkRules::normalizedName(typedName);
    if (!name)
        return Text::tr("Enter a name of 1 to %1 characters.").arg(ClerkRules::kMaximumNameLength);
    const std::optional<QString> pin = ClerkRules::normalizedPin(typedPin);
    if (!pin)
        return Text::tr("The PIN must be %1 to %2 digits.")
            .arg(ClerkRules::kMinimumPinDigits)
            .arg(ClerkRules::kMaximumPinDigits);
    if (isOwner && owner())
        return Text::tr("This till already has an owner.");
    if (!isOwner && !owner())
        return Text::tr("Add the owner first: the owner manages the clerks.");
    for (const ClerkRecord &existing : clerks()) {
        if (existing.name.compare(*name, Qt::CaseInsensitive) == 0)
            return Text::tr("There is already a clerk named %1.").arg(*name);
    }
    const LedgerResult<qint64> added = m_ledger.clerks().add(*name, *pin, isOwner, m_clock());
    if (!added) {
        // An inactive clerk keeps the name (their vouchers and log lines name them).
        return Text::tr("The clerk could not be added (the name may have been used before): %1")
            .arg(added.error().message);
    }
    record(AuditAction::ClerksChange, QStringLiteral("ok"),
           (isOwner ? QStringLiteral("added owner ") : QStringLiteral("added ")) + *name);
    emit clerksChanged();
    return {};
}

QString ClerkDesk::changePin(qint64 clerkId, const QString &typedPin)
{
    const std::optional<QString> pin = ClerkRules::normalizedPin(typedPin);
    if (!pin)
        return Text::tr("The PIN must be %1 to %2 digits.")
            .arg(ClerkRules::kMinimumPinDigits)
            .arg(ClerkRules::kMaximumPinDigits);
    const LedgerResult<std::optional<ClerkRecord>> clerk = m_ledger.clerks().clerk(clerkId);
    if (!clerk || !clerk.value())
        return Text::tr("No such clerk.");
    if (const LedgerStatus changed = m_ledger.clerks().setPin(clerkId, *pin); !changed)
        return changed.error().message;
    record(AuditAction::ClerksChange, QStringLiteral("ok"), QStringLiteral("new PIN for ") + clerk.value()->name);
    return {};
}

QString ClerkDesk::removeClerk(qint64 clerkId)
{
    const LedgerResult<std::optional<ClerkRecord>> clerk = m_ledger.clerks().clerk(clerkId);
    if (!clerk || !clerk.value())
        return Text::tr("No such clerk.");
    if (clerk.value()->isOwner && clerks().size() > 1)
        return Text::tr("Remove the other clerks before the owner.");
    if (const LedgerStatus removed = m_ledger.clerks().deactivate(clerkId); !removed)
        return removed.error().message;
    if (clerk.value()->isOwner)
        m_ledger.clerks().setOwnerApprovalRequired(false);
    record(AuditAction::ClerksChange, QStringLiteral("ok"), QStringLiteral("removed ") + clerk.value()->name);
    if (m_signedIn && m_signedIn->id == clerkId)
        signOut();
    emit clerksChanged();
    return {};
}

QString ClerkDesk::setOwnerApprovalRequired(bool required)
{
    if (required && !owner())
        return Text::tr("Add the owner first.");
    if (const LedgerStatus set = m_ledger.clerks().setOwnerApprovalRequired(required); !set)
        return set.error().message;
    record(AuditAction::ClerksChange, QStringLiteral("ok"),
           required ? QStringLiteral("owner's PIN required") : QStringLiteral("owner's PIN not required"));
    emit clerksChanged();
    return {};
}

void ClerkDesk::recordSettingsChange(const QStringList &changedKeys)
{
    if (!changedKeys.isEmpty())
        record(AuditAction::SettingsChange, QStringLiteral("ok"), changedKeys.join(QStringLiteral(", ")));
}

} // namespace konbini
