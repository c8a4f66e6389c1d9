#include "SandboxApi.h"

#include <algorithm>

#include "CompactJson.h"
#include "FormDecoder.h"
#include "Listing.h"
#include "ParamSchema.h"
#include "SandboxPaths.h"

#include <QLoggingCategory>
#include <QJsonDocument>
#include <QStringList>

Q_LOGGING_CATEGORY(lcSandbox, "konbini.sandbox", QtInfoMsg)

namespace konbini::sandbox {
namespace {

using Handler = std::function<QJsonObject(const QStringList &args, const ParamReader &params, const Call &call)>;

QString maskedKey(const QString &key)
{
    return key.size() <= 12 ? QStringLiteral("****") : key.left(8) + QStringLiteral("****") + key.right(4);
}

bool isKeyText(QByteArrayView key)
{
    return !key.isEmpty() && std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
}

// The key from `Bearer KEY` or `Basic base64(KEY:)`, exactly: anything around or after it makes
// the header unusable rather than ignored.
QString apiKeyFrom(const QByteArray &authorization)
{
    QByteArray key;
    if (authorization.startsWith("Bearer ")) {
        key = authorization.mid(7);
    } else if (authorization.startsWith("Basic ")) {
        const auto decoded = QByteArray::fromBase64Encoding(authorization.mid(6), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return {};
        key = decoded.decoded.endsWith(':') ? decoded.decoded.chopped(1) : decoded.decoded;
    }
    return isKeyText(key) ? QString::fromLatin1(key) : QString();
}

} // namespace

struct SandboxApi::Route {
    QByteArray method;
    QStringList segments;    // ":" marks an argument
    QString schemaOperation; // Stripe's operation for parameter checks; empty for sandbox helpers
    Handler handler;

    bool matches(const QByteArray &requestMethod, const QList<QStringView> &path, QStringList &args) const
    {
        if (requestMethod != method || path.size() != segments.size())
            return false;
        args.clear();
        for (qsizetype i = 0; i < path.size(); ++i) {
            if (segments.at(i) == u":") {
                if (path.at(i).isEmpty())
                    return false;
                args.append(path.at(i).toString());
            } else if (path.at(i) != segments.at(i)) {
                return false;
            }
        }
        return true;
    }
};

SandboxApi::SandboxApi(QString voucherBaseUrl)
    : m_paymentIntents(m_state, std::move(voucherBaseUrl)), m_refunds(m_state), m_events(m_state)
{
    auto route = [this](const char *method, const QString &pattern, const QString &operation, Handler handler) {
        m_routes.push_back(
            Route{QByteArray(method), pattern.split(u'/', Qt::SkipEmptyParts), operation, std::move(handler)});
    };
    auto &pis = m_paymentIntents;
    auto &refunds = m_refunds;
    const QString pi = QStringLiteral("/v1/payment_intents");
    route("POST", pi, QStringLiteral("POST /v1/payment_intents"),
          [&pis](const QStringList &, const ParamReader &p, const Call &c) { return pis.create(p, c); });
    route("GET", pi, QStringLiteral("GET /v1/payment_intents"),
          [&pis](const QStringList &, const ParamReader &p, const Call &) { return pis.list(p); });
    route("GET", pi + QStringLiteral("/search"), QStringLiteral("GET /v1/payment_intents/search"),
          [&pis](const QStringList &, const ParamReader &p, const Call &) { return pis.search(p); });
    route("GET", pi + QStringLiteral("/:"), QStringLiteral("GET /v1/payment_intents/{intent}"),
          [&pis](const QStringList &a, const ParamReader &p, const Call &) { return pis.retrieve(a.at(0), p); });
    route("POST", pi + QStringLiteral("/:"), QStringLiteral("POST /v1/payment_intents/{intent}"),
          [&pis](const QStringList &a, const ParamReader &p, const Call &c) { return pis.update(a.at(0), p, c); });
    route("POST", pi + QStringLiteral("/:/confirm"), QStringLiteral("POST /v1/payment_intents/{intent}/confirm"),
          [&pis](const QStringList &a, const ParamReader &p, const Call &c) { return pis.confirm(a.at(0), p, c); });
    route("POST", pi + QStringLiteral("/:/cancel"), QStringLiteral("POST /v1/payment_intents/{intent}/cancel"),
          [&pis](const QStringList &a, const ParamReader &p, const Call &c) { return pis.cancel(a.at(0), p, c); });
    route("POST", QStringLiteral("/v1/refunds"), QStringLiteral("POST /v1/refunds"),
          [&refunds](const QStringList &, const ParamReader &p, const Call &c) { return refunds.create(p, c); });
    route("GET", QStringLiteral("/v1/refunds"), QStringLiteral("GET /v1/refunds"),
          [&refunds](const QStringList &, const ParamReader &p, const Call &) { return refunds.list(p); });
    route("GET", QStringLiteral("/v1/refunds/:"), QStringLiteral("GET /v1/refunds/{refund}"),
          [&refunds](const QStringList &a, const ParamReader &, const Call &) { return refunds.retrieve(a.at(0)); });
    route("POST", QStringLiteral("/v1/refunds/:"), QStringLiteral("POST /v1/refunds/{refund}"),
          [&refunds](const QStringList &a, const ParamReader &p, const Call &) { return refunds.update(a.at(0), p); });
    route("POST", QStringLiteral("/v1/refunds/:/cancel"), QStringLiteral("POST /v1/refunds/{refund}/cancel"),
          [&refunds](const QStringList &a, const ParamReader &, const Call &c) { return refunds.cancel(a.at(0), c); });
    route("GET", QStringLiteral("/v1/events"), QStringLiteral("GET /v1/events"),
          [this](const QStringList &, const ParamReader &p, const Call &) { return m_events.list(p); });
    route("GET", QStringLiteral("/v1/events/:"), QStringLiteral("GET /v1/events/{id}"),
          [this](const QStringList &a, const ParamReader &, const Call &) { return m_events.retrieve(a.at(0)); });
    route("POST", QStringLiteral("/v1/test_helpers/refunds/:/expire"), QString(),
          [&refunds](const QStringList &a, const ParamReader &, const Call &c) { return refunds.expire(a.at(0), c); });
    // Sandbox-only helpers: the clock, and what a customer does (":" stands for the id).
    route("GET", SandboxPaths::clock(), QString(),
          [this](const QStringList &, const ParamReader &p, const Call &) { return clock(p); });
    route("POST", SandboxPaths::clock(), QString(),
          [this](const QStringList &, const ParamReader &p, const Call &) { return clock(p); });
    route("POST", SandboxPaths::startPayment(QStringLiteral(":")), QString(),
          [&pis](const QStringList &a, const ParamReader &, const Call &c) {
              return pis.startPaymentAtStore(a.at(0), c);
          });
    route("POST", SandboxPaths::pay(QStringLiteral(":")), QString(),
          [&pis](const QStringList &a, const ParamReader &p, const Call &c) { return pis.payAtStore(a.at(0), p, c); });
    route("POST", SandboxPaths::refundBankDetails(QStringLiteral(":")), QString(),
          [&refunds](const QStringList &a, const ParamReader &p, const Call &c) {
              return refunds.submitBankDetails(a.at(0), p, c);
          });
}

SandboxApi::~SandboxApi() = default;

bool SandboxApi::usePersistence(const QString &path, QString &error)
{
    return m_state.openFile(path, error);
}

std::optional<ApiAnswer> SandboxApi::authenticate(const ApiRequest &request) const
{
    const QString key = apiKeyFrom(request.authorization);
    StripeError failure;
    failure.httpStatus = 401;
    if (key.isEmpty()) {
        failure.message = QStringLiteral(
            "You did not provide an API key. You need to provide your API key in the Authorization header, "
            "using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
    } else if (key.startsWith(u"sk_live_") || key.startsWith(u"rk_live_")) {
        failure.message = QStringLiteral("The Konbini sandbox is test mode only and never accepts live keys. "
                                         "Use a key that starts with sk_test_ or rk_test_.");
    } else if ((!key.startsWith(u"sk_test_") && !key.startsWith(u"rk_test_"))
               || (!m_requiredKey.isEmpty() && key != m_requiredKey)) {
        failure.message = QStringLiteral("Invalid API Key provided: %1").arg(maskedKey(key));
    } else {
        return std::nullopt;
    }
    return error(failure, request);
}

bool SandboxApi::acceptsRandomFaults(const ApiRequest &request) const
{
    return request.path.startsWith(u"/v1/") && !request.path.startsWith(SandboxPaths::helpers() + u'/');
}

ApiAnswer SandboxApi::faultAnswer(FaultPlan::Kind kind, const ApiRequest &request)
{
    release(request);
    StripeError failure;
    ApiAnswer answer;
    switch (kind) {
    case FaultPlan::Kind::InternalError:
    case FaultPlan::Kind::Unavailable:
        failure.httpStatus = kind == FaultPlan::Kind::InternalError ? 500 : 503;
        failure.type = QStringLiteral("api_error");
        failure.message = QStringLiteral("An unknown error occurred (injected by the sandbox).");
        answer = error(failure, request);
        break;
    case FaultPlan::Kind::RateLimited:
        failure.httpStatus = 429;
        failure.code = QStringLiteral("rate_limit");
        failure.message = QStringLiteral(
            "Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.");
        answer = error(failure, request);
        answer.headers.append({QByteArrayLiteral("Stripe-Should-Retry"), QByteArrayLiteral("true")});
        break;
    case FaultPlan::Kind::KonbiniRateLimit:
        failure.httpStatus = 429;
        failure.code = QStringLiteral("payment_method_rate_limit_exceeded");
        failure.message =
            QStringLiteral("There were too many Konbini requests in quick succession. Retry with backoff; "
                           "if it persists, suggest another payment method.");
        answer = error(failure, request);
        break;
    case FaultPlan::Kind::MethodUnavailable:
        failure.code = QStringLiteral("payment_method_not_available");
        failure.message = QStringLiteral("Konbini payments are temporarily unavailable (outage or maintenance). "
                                         "Invite the customer to pay another way or later.");
        answer = error(failure, request);
        answer.headers.append({QByteArrayLiteral("Stripe-Should-Retry"), QByteArrayLiteral("false")});
        break;
    default:
        break;
    }
    return answer;
}

std::optional<ApiAnswer> SandboxApi::reserve(const ApiRequest &request)
{
    if (request.method != "POST" || request.idempotencyKey.isEmpty())
        return std::nullopt;
    if (m_keysInFlight.contains(request.idempotencyKey)) {
        StripeError conflict;
        conflict.httpStatus = 409;
        conflict.type = QStringLiteral("idempotency_error");
        conflict.code = QStringLiteral("idempotency_key_in_use");
        conflict.message =
            QStringLiteral(
                "There is currently another in-progress request using this idempotency key "
                "(that probably means you submitted twice, and the other request is still going through): %1. "
                "Please try again later.")
                .arg(QString::fromLatin1(request.idempotencyKey));
        return error(conflict, request);
    }
    m_keysInFlight.insert(request.idempotencyKey);
    return std::nullopt;
}

void SandboxApi::release(const ApiRequest &request)
{
    if (!request.idempotencyKey.isEmpty())
        m_keysInFlight.remove(request.idempotencyKey);
}

ApiAnswer SandboxApi::json(int httpStatus, const QJsonObject &body, const ApiRequest &request) const
{
    ApiAnswer answer;
    answer.httpStatus = httpStatus;
    answer.body = compactJson(body);
    answer.headers.append({QByteArrayLiteral("Request-Id"), request.requestId});
    answer.headers.append({QByteArrayLiteral("Stripe-Version"),
                           request.stripeVersion.isEmpty() ? m_state.accountApiVersion : request.stripeVersion});
    if (!request.idempotencyKey.isEmpty())
        answer.headers.append({QByteArrayLiteral("Idempotency-Key"), request.idempotencyKey});
    return answer;
}

ApiAnswer SandboxApi::error(const StripeError &failure, const ApiRequest &request) const
{
    QJsonObject body = failure.toJson();
    QJsonObject inner = body.value(QStringLiteral("error")).toObject();
    inner.insert(QStringLiteral("request_log_url"),
                 QStringLiteral("https://dashboard.stripe.com/test/logs/") + QString::fromLatin1(request.requestId));
    body.insert(QStringLiteral("error"), inner);
    return json(failure.httpStatus, body, request);
}

void SandboxApi::processDueTransitions(qint64 now)
{
    while (m_state.hasDue(now)) {
        const auto [dueAt, id] = m_state.takeDue();
        if (id.startsWith(u"pi_"))
            m_paymentIntents.applyDueTransition(id, dueAt);
        else if (id.startsWith(u"re_"))
            m_refunds.applyDueTransition(id, dueAt);
    }
}

QJsonObject SandboxApi::clock(const ParamReader &params)
{
    if (const auto frozen = params.boolean(QStringLiteral("frozen")))
        *frozen ? m_state.clock.freeze() : m_state.clock.unfreeze();
    if (const auto seconds = params.integer(QStringLiteral("advance_seconds"))) {
        if (*seconds < 0) {
            throw StripeError::invalidParameter(QStringLiteral("advance_seconds"),
                                                QStringLiteral("The sandbox clock only moves forward."),
                                                QStringLiteral("parameter_invalid_integer"));
        }
        // A century at a time at most: the clock's arithmetic stays far from qint64's end.
        constexpr qint64 kMaxAdvanceSeconds = 100LL * 366 * 24 * 3600;
        if (*seconds > kMaxAdvanceSeconds) {
            throw StripeError::invalidParameter(QStringLiteral("advance_seconds"),
                                                QStringLiteral("The sandbox clock moves at most %1 seconds at a time.").arg(kMaxAdvanceSeconds),
                                                QStringLiteral("parameter_invalid_integer"));
        }
        m_state.clock.advance(*seconds);
        processDueTransitions(m_state.clock.now());
    }
    return QJsonObject{{QStringLiteral("object"), QStringLiteral("sandbox_clock")},
                       {QStringLiteral("now"), m_state.clock.now()},
                       {QStringLiteral("frozen"), m_state.clock.isFrozen()}};
}

QJsonObject SandboxApi::voucherPage(const QString &token)
{
    m_state.begin();
    processDueTransitions(m_state.clock.now());
    const QJsonObject paymentIntent = m_paymentIntents.findByVoucherToken(token);
    if (!m_state.commit())
        qCWarning(lcSandbox) << "could not write the state file";
    return paymentIntent;
}

ApiAnswer SandboxApi::execute(const ApiRequest &request)
{
    Call call;
    call.now = m_state.clock.now();
    call.origin = RequestOrigin{QString::fromLatin1(request.requestId), QString::fromLatin1(request.idempotencyKey)};
    m_state.begin();
    processDueTransitions(call.now);
    ApiAnswer answer = dispatch(request, call);
    release(request);
    if (!m_state.commit())
        qCWarning(lcSandbox) << "could not write the state file";
    return answer;
}

ApiAnswer SandboxApi::dispatch(const ApiRequest &request, const Call &call)
{
    const QList<QStringView> path = QStringView(request.path).split(u'/', Qt::SkipEmptyParts);
    const Route *route = nullptr;
    QStringList args;
    for (const Route &candidate : m_routes) {
        if (candidate.matches(request.method, path, args)) {
            route = &candidate;
            break;
        }
    }
    if (!route) {
        StripeError missing;
        missing.httpStatus = 404;
        missing.message =
            QStringLiteral("Unrecognized request URL (%1: %2). The Konbini sandbox emulates PaymentIntents, "
                           "Refunds and Events for Konbini.")
                .arg(QString::fromLatin1(request.method), request.path);
        return error(missing, request);
    }

    QJsonObject decoded;
    QString decodeError;
    const QByteArray &encoded = request.method == "POST" && !request.body.isEmpty() ? request.body : request.query;
    if (!decodeStripeForm(encoded, decoded, decodeError)) {
        StripeError failure;
        failure.message = decodeError;
        return error(failure, request);
    }
    if (request.method == "POST" && !request.query.isEmpty() && !request.body.isEmpty()) {
        QJsonObject fromQuery;
        if (decodeStripeForm(request.query, fromQuery, decodeError)) {
            for (auto it = fromQuery.begin(); it != fromQuery.end(); ++it)
                decoded.insert(it.key(), *it);
        }
    }

    const QString key = QString::fromLatin1(request.idempotencyKey);
    const bool idempotent = request.method == "POST" && !key.isEmpty();
    const QString operation = QString::fromLatin1(request.method) + u' ' + request.path;
    const QByteArray fingerprint = idempotent ? compactJson(decoded) : QByteArray();
    if (idempotent) {
        if (key.size() > 255) {
            return error(
                StripeError::invalidParameter(QStringLiteral("Idempotency-Key"),
                                              QStringLiteral("Idempotency-Key must be at most 255 characters long.")),
                request);
        }
        if (const std::optional<IdempotentAnswer> stored = m_state.findAnswer(key, call.now)) {
            if (stored->operation != operation) {
                StripeError failure;
                failure.message =
                    QStringLiteral(
                        "Keys for idempotent requests can only be used for the same endpoint they were first used for "
                        "('%1' vs '%2'). Try using a key other than '%3' if you meant to execute a different request.")
                        .arg(stored->operation, operation, key);
                return error(failure, request);
            }
            if (stored->paramsFingerprint != fingerprint) {
                StripeError failure;
                failure.type = QStringLiteral("idempotency_error");
                failure.message =
                    QStringLiteral("Keys for idempotent requests can only be used with the same parameters they were "
                                   "first used with. "
                                   "Try using a key other than '%1' if you meant to execute a different request.")
                        .arg(key);
                return error(failure, request);
            }
            ApiAnswer replay = json(stored->httpStatus, {}, request);
            replay.body = stored->body;
            replay.headers.append({QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true")});
            return replay;
        }
    }

    ApiAnswer answer;
    bool store = idempotent;
    try {
        if (!route->schemaOperation.isEmpty()) {
            const QString unknown = ParamSchema::stripe().firstUnknown(route->schemaOperation, decoded);
            if (!unknown.isEmpty())
                throw StripeError::invalidParameter(unknown,
                                                    QStringLiteral("Received unknown parameter: %1").arg(unknown),
                                                    QStringLiteral("parameter_unknown"));
        }
        const ParamReader params(decoded);
        QJsonObject result = route->handler(args, params, call);
        const QStringList expand = params.stringList(QStringLiteral("expand"));
        if (!expand.isEmpty()) {
            answer = json(200, expanded(result, expand, m_state), request);
        } else if (const QByteArray *stored = m_state.storedJson(result)) {
            // The object as stored: its bytes are serialised once per version, not per answer.
            answer = json(200, {}, request);
            answer.body = *stored;
        } else {
            answer = json(200, result, request);
        }
    } catch (const StripeError &failure) {
        answer = error(failure, request);
        store = store && failure.storedForIdempotency;
    }
    if (store)
        m_state.storeAnswer(key, IdempotentAnswer{operation, fingerprint, answer.httpStatus, answer.body, call.now});
    return answer;
}

} // namespace konbini::sandbox
