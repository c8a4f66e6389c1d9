#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QUrl>

#include <memory>

namespace konbini::sandbox {
class SandboxServer;
struct SandboxOptions;
} // namespace konbini::sandbox

namespace konbini::test {

using Form = QList<QPair<QString, QString>>;
using Headers = QList<QPair<QByteArray, QByteArray>>;

struct HttpResult {
    int status = 0; // 0: no HTTP answer (connection closed, timeout)
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    QHash<QByteArray, QByteArray> headers; // names in lower case

    QJsonObject error() const { return json.value(QStringLiteral("error")).toObject(); }
    QString errorCode() const { return error().value(QStringLiteral("code")).toString(); }
    QString value(const QString &key) const { return json.value(key).toString(); }
};

QByteArray encodeForm(const Form &form);
// The value at a dotted path of nested objects ("latest_charge.payment_method_details.konbini"),
// undefined where the path does not lead.
QJsonValue valueAt(const QJsonObject &object, const QString &dottedPath);

// A Stripe-speaking HTTP client for tests (QNetworkAccessManager, real loopback HTTP) and, by
// default, the in-process sandbox it talks to, with its clock frozen so nothing moves unless a
// test advances it.
class SandboxHttp
{
public:
    SandboxHttp();
    explicit SandboxHttp(const sandbox::SandboxOptions &options);
    ~SandboxHttp();

    QUrl baseUrl() const { return m_baseUrl; }
    sandbox::SandboxServer *server() const { return m_server.get(); }
    void setKey(const QByteArray &key) { m_key = key; }

    HttpResult post(const QString &path, const Form &form = {}, const Headers &headers = {});
    HttpResult get(const QString &path, const Form &query = {}, const Headers &headers = {});
    // Starts a request without waiting; finish it with wait().
    QNetworkReply *start(const QByteArray &method, const QString &path, const Form &form, const Headers &headers);
    QNetworkReply *startRaw(const QByteArray &method, const QString &path, const QByteArray &encoded, const Headers &headers);
    // Bytes exactly as given (hostile-input tests): a form body, or a query string.
    HttpResult postRaw(const QString &path, const QByteArray &body);
    HttpResult getRaw(const QString &path, const QByteArray &query);
    static HttpResult wait(QNetworkReply *reply);

    // Konbini shortcuts.
    QJsonObject createPaymentIntent(qint64 amount = 1500, const Form &extra = {});
    HttpResult confirm(const QString &id, const QString &email = QStringLiteral("hanako@test.com"),
                       const QString &confirmationNumber = {}, const Form &extra = {});
    QJsonObject issueVoucher(const QString &email = QStringLiteral("hanako@test.com"),
                             const QString &confirmationNumber = {});
    QJsonObject paidPaymentIntent(qint64 amount = 1500);
    qint64 now();
    qint64 advanceClock(qint64 seconds);
    qsizetype count(const QString &listPath, const Form &query = {});
    // What the tills' tests ask of "Stripe", without spelling its endpoints in core's test folders.
    qsizetype paymentIntentCount();
    qsizetype eventCount(const QString &type);
    HttpResult paymentIntent(const QString &id);
    HttpResult cancelPaymentIntent(const QString &id);
    // The customer starts paying at a kiosk / submits bank details for a refund (sandbox helpers).
    HttpResult startPayment(const QString &paymentIntentId);
    // The customer pays at a store of `chain` (empty: the sandbox's default chain).
    HttpResult pay(const QString &paymentIntentId, const QString &chain = {});
    HttpResult submitBankDetails(const QString &refundId, const QString &routingNumber = QStringLiteral("1100000"),
                                 const QString &accountNumber = QStringLiteral("0001234"));

private:
    void startServer(const sandbox::SandboxOptions &options);

    std::unique_ptr<sandbox::SandboxServer> m_server;
    QUrl m_baseUrl;
    QByteArray m_key = QByteArrayLiteral("sk_test_konbini_pos_tests");
    QNetworkAccessManager m_network;
};

} // namespace konbini::test
