#include "OpenApiCheck.h"
#include "SandboxHttp.h"
#include "SandboxServer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace konbini::test;

namespace {

const QString kPaymentIntents = QStringLiteral("/v1/payment_intents");

QString piPath(const QString &id, const QString &action = {})
{
    return kPaymentIntents + u'/' + id + (action.isEmpty() ? QString() : u'/' + action);
}

Form baseCreate()
{
    return {{QStringLiteral("amount"), QStringLiteral("1500")},
            {QStringLiteral("currency"), QStringLiteral("jpy")},
            {QStringLiteral("payment_method_types[]"), QStringLiteral("konbini")}};
}

Form without(Form form, const QString &key)
{
    form.removeIf([&](const auto &pair) { return pair.first == key; });
    return form;
}

Form with(Form form, const QString &key, const QString &value)
{
    form = without(form, key);
    form.append({key, value});
    return form;
}

const QString kDescription = QStringLiteral("payment_method_options[konbini][product_description]");
const QString kDays = QStringLiteral("payment_method_options[konbini][expires_after_days]");
const QString kExpiresAt = QStringLiteral("payment_method_options[konbini][expires_at]");
const QString kNumber = QStringLiteral("payment_method_options[konbini][confirmation_number]");

} // namespace

class TestSandboxPaymentIntents : public QObject
{
    Q_OBJECT

private slots:
    void create_hasStripesShape();
    void confirm_issuesVoucherForEachChain();
    void createWithConfirm_doesBothSteps();
    void voucherPage_showsTheVoucherInJapanese();
    void createValidation_data();
    void createValidation();
    void confirmValidation_data();
    void confirmValidation();
    void rejectedConfirmationNumber_reconfirmsSamePaymentIntent();
    void confirmationNumber_isGeneratedWhenNotGiven();
    void expiry_followsOptions();
    void illegalTransitions_areUnexpectedState();
    void cancel_pendingVoucher();
    void cancel_failsWhileCustomerPaysAtStore();
    void update_ofPendingVoucher_invalidatesIt();
    void update_metadataOnFinalPaymentIntent();
    void list_paginatesNewestFirst();
    void list_filtersByCreated();
    void search_findsByStatusMetadataAndAmount();
    void search_paginates();
    void expand_replacesIds();
    void paymentMethod_keepsWhatTheConfirmationSent();
    void paidCharge_hasItsChainFeeNetAndPayoutDay_data();
    void paidCharge_hasItsChainFeeNetAndPayoutDay();
    void payHelper_refusesAnUnknownChain();
    void paidWithoutAChain_isPaidAtOneThatDependsOnlyOnThePaymentIntent();

private:
    SandboxHttp m_http;
};

void TestSandboxPaymentIntents::create_hasStripesShape()
{
    const HttpResult result = m_http.post(
        kPaymentIntents, with(baseCreate(), QStringLiteral("metadata[terminal]"), QStringLiteral("till-1")));
    QCOMPARE(result.status, 200);
    const QJsonObject &pi = result.json;
    QVERIFY(pi.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("pi_")));
    QCOMPARE(pi.value(QStringLiteral("object")).toString(), QStringLiteral("payment_intent"));
    QCOMPARE(pi.value(QStringLiteral("livemode")).toBool(true), false);
    QCOMPARE(pi.value(QStringLiteral("amount")).toInteger(), 1500);
    QCOMPARE(pi.value(QStringLiteral("amount_received")).toInteger(-1), 0);
    QCOMPARE(pi.value(QStringLiteral("currency")).toString(), QStringLiteral("jpy"));
    QCOMPARE(pi.value(QStringLiteral("status")).toString(), QStringLiteral("requires_payment_method"));
    QVERIFY(pi.value(QStringLiteral("client_secret"))
                .toString()
                .startsWith(pi.value(QStringLiteral("id")).toString() + QStringLiteral("_secret_")));
    QCOMPARE(pi.value(QStringLiteral("created")).toInteger(), m_http.now());
    QCOMPARE(pi.value(QStringLiteral("payment_method_types")).toArray(), QJsonArray{QStringLiteral("konbini")});
    QCOMPARE(pi.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("terminal")).toString(),
             QStringLiteral("till-1"));
    for (const char *nullField : {"latest_charge", "payment_method", "next_action", "last_payment_error",
                                  "cancellation_reason", "canceled_at"}) {
        QVERIFY2(pi.contains(QLatin1String(nullField)) && pi.value(QLatin1String(nullField)).isNull(), nullField);
    }
    const QJsonObject konbini =
        pi.value(QStringLiteral("payment_method_options")).toObject().value(QStringLiteral("konbini")).toObject();
    for (const char *option : {"confirmation_number", "expires_after_days", "expires_at", "product_description"})
        QVERIFY2(konbini.contains(QLatin1String(option)), option);
}

void TestSandboxPaymentIntents::confirm_issuesVoucherForEachChain()
{
    const QString id = m_http.createPaymentIntent().value(QStringLiteral("id")).toString();
    const HttpResult result = m_http.confirm(id, QStringLiteral("hanako@test.com"), QStringLiteral("09012345678"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.value(QStringLiteral("id")), id);
    QCOMPARE(result.value(QStringLiteral("status")), QStringLiteral("requires_action"));
    QVERIFY(result.value(QStringLiteral("payment_method")).startsWith(QStringLiteral("pm_")));
    const QJsonObject nextAction = result.json.value(QStringLiteral("next_action")).toObject();
    QCOMPARE(nextAction.value(QStringLiteral("type")).toString(), QStringLiteral("konbini_display_details"));
    const QJsonObject details = nextAction.value(QStringLiteral("konbini_display_details")).toObject();
    QVERIFY(details.value(QStringLiteral("hosted_voucher_url")).toString().startsWith(m_http.baseUrl().toString()));
    const QJsonObject stores = details.value(QStringLiteral("stores")).toObject();
    QSet<QString> codes;
    for (const char *chain : {"familymart", "lawson", "ministop", "seicomart"}) {
        const QJsonObject store = stores.value(QLatin1String(chain)).toObject();
        QVERIFY2(!store.value(QStringLiteral("payment_code")).toString().isEmpty(), chain);
        QCOMPARE(store.value(QStringLiteral("confirmation_number")).toString(), QStringLiteral("09012345678"));
        codes.insert(store.value(QStringLiteral("payment_code")).toString());
    }
    QCOMPARE(codes.size(), 4);
    QCOMPARE(stores.size(), 4); // nothing more than Stripe's fields, at each level
    QCOMPARE(details.size(), 3);
    QCOMPARE(nextAction.size(), 2);
    QVERIFY(details.value(QStringLiteral("expires_at")).isDouble()); // a number, not text
    // Default expiry: 3 days after creation, 23:59:59 JST.
    const qint64 expiresAt = details.value(QStringLiteral("expires_at")).toInteger();
    QCOMPARE((expiresAt + 9 * 3600) % 86400, 86399);
    QVERIFY(expiresAt > m_http.now() + 2 * 86400 && expiresAt <= m_http.now() + 4 * 86400);
}

void TestSandboxPaymentIntents::createWithConfirm_doesBothSteps()
{
    const HttpResult result = m_http.post(
        kPaymentIntents,
        baseCreate()
            + Form{{QStringLiteral("confirm"), QStringLiteral("true")},
                   {QStringLiteral("payment_method_data[type]"), QStringLiteral("konbini")},
                   {QStringLiteral("payment_method_data[billing_details][name]"), QStringLiteral("Hanako")},
                   {QStringLiteral("payment_method_data[billing_details][email]"), QStringLiteral("hanako@test.com")},
                   {kNumber, QStringLiteral("0312345678")}});
    QCOMPARE(result.status, 200);
    QCOMPARE(result.value(QStringLiteral("status")), QStringLiteral("requires_action"));
    QCOMPARE(result.json.value(QStringLiteral("next_action"))
                 .toObject()
                 .value(QStringLiteral("konbini_display_details"))
                 .toObject()
                 .value(QStringLiteral("stores"))
                 .toObject()
                 .value(QStringLiteral("lawson"))
                 .toObject()
                 .value(QStringLiteral("confirmation_number"))
                 .toString(),
             QStringLiteral("0312345678"));
}

void TestSandboxPaymentIntents::voucherPage_showsTheVoucherInJapanese()
{
    const QJsonObject pi = m_http.issueVoucher(QStringLiteral("hanako@test.com"), QStringLiteral("09012345678"));
    const QJsonObject details =
        pi.value(QStringLiteral("next_action")).toObject().value(QStringLiteral("konbini_display_details")).toObject();
    const QUrl url(details.value(QStringLiteral("hosted_voucher_url")).toString());
    const HttpResult page = m_http.get(url.path(), {}, {{"Authorization", ""}});
    QCOMPARE(page.status, 200);
    QVERIFY(page.headers.value("content-type").startsWith("text/html"));
    const QString html = QString::fromUtf8(page.body);
    QVERIFY(html.contains(QStringLiteral("¥1,500")));
    QVERIFY(html.contains(QStringLiteral("09012345678")));
    QVERIFY(html.contains(QStringLiteral("ファミリーマート")));
    QVERIFY(html.contains(QStringLiteral("23:59 JST")));
    QVERIFY(html.contains(details.value(QStringLiteral("stores"))
                              .toObject()
                              .value(QStringLiteral("lawson"))
                              .toObject()
                              .value(QStringLiteral("payment_code"))
                              .toString()));
    // Once cancelled the page no longer offers the voucher.
    m_http.post(piPath(pi.value(QStringLiteral("id")).toString(), QStringLiteral("cancel")));
    QCOMPARE(m_http.get(url.path()).status, 404);
}

void TestSandboxPaymentIntents::createValidation_data()
{
    QTest::addColumn<Form>("form");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("param");
    const Form base = baseCreate();
    const QString none;
    QTest::newRow("unknown parameter") << with(base, QStringLiteral("colour"), QStringLiteral("red")) << 400
                                       << QStringLiteral("parameter_unknown") << QStringLiteral("colour");
    QTest::newRow("unknown nested parameter")
        << with(base, QStringLiteral("payment_method_options[konbini][colour]"), QStringLiteral("red")) << 400
        << QStringLiteral("parameter_unknown") << QStringLiteral("payment_method_options[konbini][colour]");
    QTest::newRow("missing amount") << without(base, QStringLiteral("amount")) << 400
                                    << QStringLiteral("parameter_missing") << QStringLiteral("amount");
    QTest::newRow("missing currency") << without(base, QStringLiteral("currency")) << 400
                                      << QStringLiteral("parameter_missing") << QStringLiteral("currency");
    QTest::newRow("amount not a number") << with(base, QStringLiteral("amount"), QStringLiteral("12a")) << 400
                                         << QStringLiteral("parameter_invalid_integer") << QStringLiteral("amount");
    QTest::newRow("amount with decimals") << with(base, QStringLiteral("amount"), QStringLiteral("1500.5")) << 400
                                          << QStringLiteral("parameter_invalid_integer") << QStringLiteral("amount");
    QTest::newRow("amount with a space") << with(base, QStringLiteral("amount"), QStringLiteral(" 1500")) << 400
                                         << QStringLiteral("parameter_invalid_integer") << QStringLiteral("amount");
    QTest::newRow("amount with a plus") << with(base, QStringLiteral("amount"), QStringLiteral("+1500")) << 400
                                        << QStringLiteral("parameter_invalid_integer") << QStringLiteral("amount");
    QTest::newRow("amount full-width") << with(base, QStringLiteral("amount"), QStringLiteral("１５００")) << 400
                                       << QStringLiteral("parameter_invalid_integer") << QStringLiteral("amount");
    QTest::newRow("negative array index") << with(without(base, QStringLiteral("payment_method_types[]")), QStringLiteral("payment_method_types[-1]"), QStringLiteral("konbini"))
                                          << 400 << QStringLiteral("parameter_unknown") << QStringLiteral("payment_method_types");
    QTest::newRow("currency usd") << with(base, QStringLiteral("currency"), QStringLiteral("usd")) << 400
                                  << QStringLiteral("payment_intent_invalid_parameter") << QStringLiteral("currency");
    QTest::newRow("amount ¥119") << with(base, QStringLiteral("amount"), QStringLiteral("119")) << 400
                                 << QStringLiteral("amount_too_small") << QStringLiteral("amount");
    QTest::newRow("amount ¥120") << with(base, QStringLiteral("amount"), QStringLiteral("120")) << 200 << none << none;
    QTest::newRow("amount ¥300,000") << with(base, QStringLiteral("amount"), QStringLiteral("300000")) << 200 << none
                                     << none;
    QTest::newRow("amount ¥300,001") << with(base, QStringLiteral("amount"), QStringLiteral("300001")) << 400
                                     << QStringLiteral("amount_too_large") << QStringLiteral("amount");
    QTest::newRow("card instead of konbini")
        << with(base, QStringLiteral("payment_method_types[]"), QStringLiteral("card")) << 400
        << QStringLiteral("payment_intent_invalid_parameter") << QStringLiteral("payment_method_types");
    QTest::newRow("description 22 characters")
        << with(base, kDescription, QStringLiteral("あいうえおかきくけこさしすせそたちつてとなに")) << 200 << none
        << none;
    QTest::newRow("description 23 characters")
        << with(base, kDescription, QStringLiteral("あいうえおかきくけこさしすせそたちつてとなにぬ")) << 400 << none
        << kDescription;
    QTest::newRow("description with ①") << with(base, kDescription, QStringLiteral("お弁当①")) << 400
                                        << QStringLiteral("invalid_characters") << kDescription;
    QTest::newRow("description with 髙") << with(base, kDescription, QStringLiteral("髙橋酒店")) << 400
                                         << QStringLiteral("invalid_characters") << kDescription;
    QTest::newRow("description with emoji") << with(base, kDescription, QString::fromUcs4(U"ケーキ🎂")) << 400
                                            << QStringLiteral("invalid_characters") << kDescription;
    QTest::newRow("description half-width kana")
        << with(base, kDescription, QStringLiteral("ｺｰﾋｰ豆 200g")) << 200 << none << none;
    QTest::newRow("expires_after_days 0")
        << with(base, kDays, QStringLiteral("0")) << 400 << QStringLiteral("parameter_invalid_integer") << kDays;
    QTest::newRow("expires_after_days 1") << with(base, kDays, QStringLiteral("1")) << 200 << none << none;
    QTest::newRow("expires_after_days 60") << with(base, kDays, QStringLiteral("60")) << 200 << none << none;
    QTest::newRow("expires_after_days 61")
        << with(base, kDays, QStringLiteral("61")) << 400 << QStringLiteral("parameter_invalid_integer") << kDays;
    QTest::newRow("expires_at 29 minutes ahead") << with(base, kExpiresAt, QStringLiteral("+1740")) << 400
                                                 << QStringLiteral("parameter_invalid_integer") << kExpiresAt;
    QTest::newRow("expires_at 31 minutes ahead")
        << with(base, kExpiresAt, QStringLiteral("+1860")) << 200 << none << none;
    QTest::newRow("expires_at 60 days ahead") << with(base, kExpiresAt, QStringLiteral("+5184000")) << 400
                                              << QStringLiteral("parameter_invalid_integer") << kExpiresAt;
    QTest::newRow("expires_at 59 days ahead")
        << with(base, kExpiresAt, QStringLiteral("+5097600")) << 200 << none << none;
    QTest::newRow("both expiry options") << with(with(base, kDays, QStringLiteral("3")), kExpiresAt,
                                                 QStringLiteral("+7200"))
                                         << 400 << QStringLiteral("parameters_exclusive") << kExpiresAt;
    QTest::newRow("confirmation number 9 digits")
        << with(base, kNumber, QStringLiteral("090123456")) << 400 << none << kNumber;
    QTest::newRow("confirmation number 12 digits")
        << with(base, kNumber, QStringLiteral("090123456789")) << 400 << none << kNumber;
    QTest::newRow("confirmation number all zeros")
        << with(base, kNumber, QStringLiteral("00000000000")) << 400 << none << kNumber;
    QTest::newRow("confirmation number with hyphens")
        << with(base, kNumber, QStringLiteral("090-1234-5678")) << 400 << none << kNumber;
    QTest::newRow("metadata key over 40")
        << with(base, QStringLiteral("metadata[%1]").arg(QString(41, u'k')), QStringLiteral("v")) << 400 << none
        << QStringLiteral("metadata[%1]").arg(QString(41, u'k'));
    QTest::newRow("confirm not a boolean") << with(base, QStringLiteral("confirm"), QStringLiteral("yes")) << 400
                                           << QStringLiteral("parameter_invalid_boolean") << QStringLiteral("confirm");
    QTest::newRow("contradicting keys") << with(base, QStringLiteral("metadata"), QStringLiteral("x"))
            + Form{{QStringLiteral("metadata[a]"), QStringLiteral("b")}}
                                        << 400 << none << none;
}

void TestSandboxPaymentIntents::createValidation()
{
    QFETCH(Form, form);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, param);
    // "+N" stands for N seconds after the sandbox's now.
    const qint64 now = m_http.now();
    for (auto &[key, value] : form) {
        if (value.startsWith(u'+') && key != u"amount")
            value = QString::number(now + value.mid(1).toLongLong());
    }
    const qsizetype before = m_http.count(kPaymentIntents);
    const HttpResult result = m_http.post(kPaymentIntents, form);
    QCOMPARE(result.status, status);
    if (status == 200) {
        QCOMPARE(m_http.count(kPaymentIntents), before + 1);
        return;
    }
    QCOMPARE(result.error().value(QStringLiteral("type")).toString(), QStringLiteral("invalid_request_error"));
    QCOMPARE(result.errorCode(), code);
    QCOMPARE(result.error().value(QStringLiteral("param")).toString(), param);
    QVERIFY(!result.error().value(QStringLiteral("message")).toString().isEmpty());
    QCOMPARE(m_http.count(kPaymentIntents), before);
}

void TestSandboxPaymentIntents::confirmValidation_data()
{
    QTest::addColumn<Form>("form");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("param");
    const Form good{{QStringLiteral("payment_method_data[type]"), QStringLiteral("konbini")},
                    {QStringLiteral("payment_method_data[billing_details][name]"), QStringLiteral("Hanako")},
                    {QStringLiteral("payment_method_data[billing_details][email]"), QStringLiteral("hanako@test.com")}};
    QTest::newRow("no payment method") << Form{} << QStringLiteral("parameter_missing")
                                       << QStringLiteral("payment_method_data");
    QTest::newRow("card type") << with(good, QStringLiteral("payment_method_data[type]"), QStringLiteral("card"))
                               << QStringLiteral("payment_intent_invalid_parameter")
                               << QStringLiteral("payment_method_data[type]");
    QTest::newRow("no name") << without(good, QStringLiteral("payment_method_data[billing_details][name]"))
                             << QStringLiteral("parameter_missing")
                             << QStringLiteral("payment_method_data[billing_details][name]");
    QTest::newRow("no email") << without(good, QStringLiteral("payment_method_data[billing_details][email]"))
                              << QStringLiteral("parameter_missing")
                              << QStringLiteral("payment_method_data[billing_details][email]");
    QTest::newRow("bad email") << with(good, QStringLiteral("payment_method_data[billing_details][email]"),
                                       QStringLiteral("hanako"))
                               << QStringLiteral("email_invalid")
                               << QStringLiteral("payment_method_data[billing_details][email]");
    QTest::newRow("unknown billing field")
        << with(good, QStringLiteral("payment_method_data[billing_details][nickname]"), QStringLiteral("x"))
        << QStringLiteral("parameter_unknown") << QStringLiteral("payment_method_data[billing_details][nickname]");
    QTest::newRow("all-zero confirmation number")
        << with(good, kNumber, QStringLiteral("00000000000")) << QString() << kNumber;
    QTest::newRow("unknown payment method id")
        << Form{{QStringLiteral("payment_method"), QStringLiteral("pm_nope")}} << QStringLiteral("resource_missing")
        << QStringLiteral("payment_method");
}

void TestSandboxPaymentIntents::confirmValidation()
{
    QFETCH(Form, form);
    QFETCH(QString, code);
    QFETCH(QString, param);
    const QString id = m_http.createPaymentIntent().value(QStringLiteral("id")).toString();
    const HttpResult result = m_http.post(piPath(id, QStringLiteral("confirm")), form);
    QVERIFY(result.status == 400 || result.status == 404);
    QCOMPARE(result.errorCode(), code);
    QCOMPARE(result.error().value(QStringLiteral("param")).toString(), param);
    QCOMPARE(m_http.get(piPath(id)).value(QStringLiteral("status")), QStringLiteral("requires_payment_method"));
}

void TestSandboxPaymentIntents::rejectedConfirmationNumber_reconfirmsSamePaymentIntent()
{
    const QString id = m_http.createPaymentIntent().value(QStringLiteral("id")).toString();
    const HttpResult rejected = m_http.confirm(id, QStringLiteral("hanako@test.com"), QStringLiteral("01234567890"));
    QCOMPARE(rejected.status, 400);
    QCOMPARE(rejected.errorCode(), QStringLiteral("payment_intent_konbini_rejected_confirmation_number"));
    QCOMPARE(rejected.error().value(QStringLiteral("param")).toString(), kNumber);
    QCOMPARE(rejected.error().value(QStringLiteral("payment_intent")).toObject().value(QStringLiteral("id")).toString(),
             id);
    QCOMPARE(m_http.get(piPath(id)).value(QStringLiteral("status")), QStringLiteral("requires_payment_method"));

    const HttpResult accepted = m_http.confirm(id, QStringLiteral("hanako@test.com"), QStringLiteral("08011112222"));
    QCOMPARE(accepted.status, 200);
    QCOMPARE(accepted.value(QStringLiteral("id")), id);
    QCOMPARE(accepted.value(QStringLiteral("status")), QStringLiteral("requires_action"));
}

void TestSandboxPaymentIntents::confirmationNumber_isGeneratedWhenNotGiven()
{
    const QJsonObject pi = m_http.issueVoucher();
    const QString number = pi.value(QStringLiteral("next_action"))
                               .toObject()
                               .value(QStringLiteral("konbini_display_details"))
                               .toObject()
                               .value(QStringLiteral("stores"))
                               .toObject()
                               .value(QStringLiteral("seicomart"))
                               .toObject()
                               .value(QStringLiteral("confirmation_number"))
                               .toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d{11}$")).match(number).hasMatch(), qPrintable(number));
    QVERIFY(number != QStringLiteral("00000000000"));
}

void TestSandboxPaymentIntents::expiry_followsOptions()
{
    const qint64 now = m_http.now();
    const auto expiresAtOf = [&](const Form &options) {
        const QString id = m_http.createPaymentIntent(1500, options).value(QStringLiteral("id")).toString();
        return m_http.confirm(id)
            .json.value(QStringLiteral("next_action"))
            .toObject()
            .value(QStringLiteral("konbini_display_details"))
            .toObject()
            .value(QStringLiteral("expires_at"))
            .toInteger();
    };
    const qint64 oneDay = expiresAtOf({{kDays, QStringLiteral("1")}});
    QCOMPARE((oneDay + 9 * 3600) % 86400, 86399);
    QVERIFY(oneDay > now && oneDay <= now + 2 * 86400);
    QCOMPARE(expiresAtOf({{kDays, QStringLiteral("10")}}) - oneDay, 9 * 86400);
    QCOMPARE(expiresAtOf({{kExpiresAt, QString::number(now + 7200)}}), now + 7200);
}

void TestSandboxPaymentIntents::illegalTransitions_areUnexpectedState()
{
    const QJsonObject paid = m_http.paidPaymentIntent();
    QCOMPARE(paid.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
    const QString paidId = paid.value(QStringLiteral("id")).toString();
    const HttpResult confirmPaid = m_http.confirm(paidId);
    QCOMPARE(confirmPaid.status, 400);
    QCOMPARE(confirmPaid.errorCode(), QStringLiteral("payment_intent_unexpected_state"));
    QCOMPARE(confirmPaid.error()
                 .value(QStringLiteral("payment_intent"))
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("succeeded"));
    QCOMPARE(m_http.post(piPath(paidId, QStringLiteral("cancel"))).errorCode(),
             QStringLiteral("payment_intent_unexpected_state"));

    const QString id = m_http.createPaymentIntent().value(QStringLiteral("id")).toString();
    QCOMPARE(m_http.post(piPath(id, QStringLiteral("cancel"))).status, 200);
    const HttpResult cancelAgain = m_http.post(piPath(id, QStringLiteral("cancel")));
    QCOMPARE(cancelAgain.status, 400);
    QCOMPARE(cancelAgain.errorCode(), QStringLiteral("payment_intent_unexpected_state"));
    QCOMPARE(m_http.confirm(id).errorCode(), QStringLiteral("payment_intent_unexpected_state"));

    const QString pending = m_http.issueVoucher().value(QStringLiteral("id")).toString();
    QCOMPARE(m_http.confirm(pending).errorCode(), QStringLiteral("payment_intent_unexpected_state"));
    QCOMPARE(m_http.get(piPath(QStringLiteral("pi_doesnotexist"))).status, 404);
    QCOMPARE(m_http.get(piPath(QStringLiteral("pi_doesnotexist"))).errorCode(), QStringLiteral("resource_missing"));
}

void TestSandboxPaymentIntents::cancel_pendingVoucher()
{
    const QString id = m_http.issueVoucher().value(QStringLiteral("id")).toString();
    const HttpResult bad = m_http.post(piPath(id, QStringLiteral("cancel")),
                                       {{QStringLiteral("cancellation_reason"), QStringLiteral("bored")}});
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.error().value(QStringLiteral("param")).toString(), QStringLiteral("cancellation_reason"));
    const HttpResult canceled =
        m_http.post(piPath(id, QStringLiteral("cancel")),
                    {{QStringLiteral("cancellation_reason"), QStringLiteral("requested_by_customer")}});
    QCOMPARE(canceled.status, 200);
    QCOMPARE(canceled.value(QStringLiteral("status")), QStringLiteral("canceled"));
    QCOMPARE(canceled.value(QStringLiteral("cancellation_reason")), QStringLiteral("requested_by_customer"));
    QCOMPARE(canceled.json.value(QStringLiteral("canceled_at")).toInteger(), m_http.now());
    QVERIFY(canceled.json.value(QStringLiteral("next_action")).isNull());
    // A canceled voucher is never paid later.
    m_http.advanceClock(600);
    QCOMPARE(m_http.get(piPath(id)).value(QStringLiteral("status")), QStringLiteral("canceled"));
}

void TestSandboxPaymentIntents::cancel_failsWhileCustomerPaysAtStore()
{
    const QString id =
        m_http.issueVoucher(QStringLiteral("hanako+fill_never@test.com")).value(QStringLiteral("id")).toString();
    QCOMPARE(m_http.post(QStringLiteral("/v1/test_helpers/sandbox/payment_intents/%1/start_payment").arg(id)).status,
             200);
    const HttpResult refused = m_http.post(piPath(id, QStringLiteral("cancel")));
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.errorCode(), QStringLiteral("payment_intent_unexpected_state"));
    QVERIFY(refused.error().value(QStringLiteral("message")).toString().contains(QStringLiteral("paying")));
    QCOMPARE(m_http.post(piPath(id), {{QStringLiteral("amount"), QStringLiteral("2000")}}).status, 400);
    const HttpResult paid = m_http.post(QStringLiteral("/v1/test_helpers/sandbox/payment_intents/%1/pay").arg(id));
    QCOMPARE(paid.status, 200);
    QCOMPARE(paid.value(QStringLiteral("status")), QStringLiteral("succeeded"));
}

void TestSandboxPaymentIntents::update_ofPendingVoucher_invalidatesIt()
{
    const QJsonObject pending = m_http.issueVoucher(QStringLiteral("hanako+fill_never@test.com"));
    const QString id = pending.value(QStringLiteral("id")).toString();
    const QString firstUrl = pending.value(QStringLiteral("next_action"))
                                 .toObject()
                                 .value(QStringLiteral("konbini_display_details"))
                                 .toObject()
                                 .value(QStringLiteral("hosted_voucher_url"))
                                 .toString();
    const HttpResult updated = m_http.post(piPath(id), {{QStringLiteral("amount"), QStringLiteral("2000")}});
    QCOMPARE(updated.status, 200);
    QCOMPARE(updated.json.value(QStringLiteral("amount")).toInteger(), 2000);
    QCOMPARE(updated.value(QStringLiteral("status")), QStringLiteral("requires_payment_method"));
    QVERIFY(updated.json.value(QStringLiteral("next_action")).isNull());
    QCOMPARE(m_http.get(QUrl(firstUrl).path()).status, 404);
    const HttpResult reissued = m_http.confirm(id, QStringLiteral("hanako+fill_never@test.com"));
    QCOMPARE(reissued.value(QStringLiteral("status")), QStringLiteral("requires_action"));
    const QString secondUrl = reissued.json.value(QStringLiteral("next_action"))
                                  .toObject()
                                  .value(QStringLiteral("konbini_display_details"))
                                  .toObject()
                                  .value(QStringLiteral("hosted_voucher_url"))
                                  .toString();
    QVERIFY(secondUrl != firstUrl);
    QCOMPARE(m_http.get(QUrl(secondUrl).path()).status, 200);
}

void TestSandboxPaymentIntents::update_metadataOnFinalPaymentIntent()
{
    const QString id = m_http.paidPaymentIntent().value(QStringLiteral("id")).toString();
    const HttpResult updated =
        m_http.post(piPath(id), {{QStringLiteral("metadata[fulfilled]"), QStringLiteral("yes")}});
    QCOMPARE(updated.status, 200);
    QCOMPARE(updated.json.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("fulfilled")).toString(),
             QStringLiteral("yes"));
    QCOMPARE(updated.value(QStringLiteral("status")), QStringLiteral("succeeded"));
    const HttpResult unset = m_http.post(piPath(id), {{QStringLiteral("metadata[fulfilled]"), QString()}});
    QVERIFY(!unset.json.value(QStringLiteral("metadata")).toObject().contains(QStringLiteral("fulfilled")));
    QCOMPARE(m_http.post(piPath(id), {{QStringLiteral("amount"), QStringLiteral("999")}}).errorCode(),
             QStringLiteral("payment_intent_unexpected_state"));
}

void TestSandboxPaymentIntents::list_paginatesNewestFirst()
{
    SandboxHttp fresh;
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids.prepend(fresh.createPaymentIntent(1000 + i).value(QStringLiteral("id")).toString());
    const auto idsOf = [](const HttpResult &result) {
        QStringList found;
        for (const QJsonValue &item : result.json.value(QStringLiteral("data")).toArray())
            found.append(item.toObject().value(QStringLiteral("id")).toString());
        return found;
    };
    const HttpResult first = fresh.get(kPaymentIntents, {{QStringLiteral("limit"), QStringLiteral("2")}});
    QCOMPARE(first.value(QStringLiteral("object")), QStringLiteral("list"));
    QCOMPARE(first.value(QStringLiteral("url")), kPaymentIntents);
    QCOMPARE(idsOf(first), ids.mid(0, 2));
    QVERIFY(first.json.value(QStringLiteral("has_more")).toBool());
    const HttpResult second =
        fresh.get(kPaymentIntents,
                  {{QStringLiteral("limit"), QStringLiteral("2")}, {QStringLiteral("starting_after"), ids.at(1)}});
    QCOMPARE(idsOf(second), ids.mid(2, 2));
    QVERIFY(second.json.value(QStringLiteral("has_more")).toBool());
    const HttpResult last =
        fresh.get(kPaymentIntents,
                  {{QStringLiteral("limit"), QStringLiteral("2")}, {QStringLiteral("starting_after"), ids.at(3)}});
    QCOMPARE(idsOf(last), ids.mid(4, 1));
    QVERIFY(!last.json.value(QStringLiteral("has_more")).toBool());
    const HttpResult back =
        fresh.get(kPaymentIntents,
                  {{QStringLiteral("limit"), QStringLiteral("2")}, {QStringLiteral("ending_before"), ids.at(4)}});
    QCOMPARE(idsOf(back), ids.mid(2, 2));
    QVERIFY(back.json.value(QStringLiteral("has_more")).toBool());
    QCOMPARE(idsOf(fresh.get(kPaymentIntents)).size(), 5);
    QCOMPARE(fresh.get(kPaymentIntents, {{QStringLiteral("limit"), QStringLiteral("101")}}).status, 400);
    QCOMPARE(fresh.get(kPaymentIntents, {{QStringLiteral("limit"), QStringLiteral("0")}}).status, 400);
    QCOMPARE(fresh.get(kPaymentIntents, {{QStringLiteral("starting_after"), QStringLiteral("pi_unknown")}}).status,
             404);
}

void TestSandboxPaymentIntents::list_filtersByCreated()
{
    SandboxHttp fresh;
    const qint64 start = fresh.now();
    fresh.createPaymentIntent();
    fresh.advanceClock(100);
    fresh.createPaymentIntent();
    QCOMPARE(fresh.count(kPaymentIntents, {{QStringLiteral("created[gt]"), QString::number(start)}}), 1);
    QCOMPARE(fresh.count(kPaymentIntents, {{QStringLiteral("created[gte]"), QString::number(start)}}), 2);
    QCOMPARE(fresh.count(kPaymentIntents, {{QStringLiteral("created[lt]"), QString::number(start + 100)}}), 1);
    QCOMPARE(fresh.count(kPaymentIntents, {{QStringLiteral("created"), QString::number(start + 100)}}), 1);
}

void TestSandboxPaymentIntents::search_findsByStatusMetadataAndAmount()
{
    SandboxHttp fresh;
    const QString search = kPaymentIntents + QStringLiteral("/search");
    fresh.createPaymentIntent(1500, {{QStringLiteral("metadata[terminal]"), QStringLiteral("till-1")}});
    const QString pendingId =
        fresh.createPaymentIntent(5000, {{QStringLiteral("metadata[terminal]"), QStringLiteral("till-2")}})
            .value(QStringLiteral("id"))
            .toString();
    fresh.confirm(pendingId, QStringLiteral("x+fill_never@test.com"));
    const auto found = [&](const QString &query) {
        const HttpResult result = fresh.get(search, {{QStringLiteral("query"), query}});
        if (result.status != 200)
            qWarning("%s", result.body.constData());
        return result.json.value(QStringLiteral("data")).toArray().size();
    };
    QCOMPARE(found(QStringLiteral("metadata['terminal']:'till-1'")), 1);
    QCOMPARE(found(QStringLiteral("status:'requires_action' AND metadata['terminal']:'till-2'")), 1);
    QCOMPARE(found(QStringLiteral("status:'requires_action' AND metadata['terminal']:'till-1'")), 0);
    QCOMPARE(found(QStringLiteral("amount>2000")), 1);
    QCOMPARE(found(QStringLiteral("amount>2000 OR metadata['terminal']:'till-1'")), 2);
    const HttpResult shape = fresh.get(search, {{QStringLiteral("query"), QStringLiteral("amount>0")}});
    QCOMPARE(shape.value(QStringLiteral("object")), QStringLiteral("search_result"));
    QVERIFY(shape.json.contains(QStringLiteral("next_page")));
    const HttpResult malformed = fresh.get(search, {{QStringLiteral("query"), QStringLiteral("status:")}});
    QCOMPARE(malformed.status, 400);
    QCOMPARE(malformed.error().value(QStringLiteral("param")).toString(), QStringLiteral("query"));
    QCOMPARE(fresh.get(search).errorCode(), QStringLiteral("parameter_missing"));
}

void TestSandboxPaymentIntents::search_paginates()
{
    SandboxHttp fresh;
    const QString search = kPaymentIntents + QStringLiteral("/search");
    for (int i = 0; i < 5; ++i)
        fresh.createPaymentIntent(1000 + i, {{QStringLiteral("metadata[store]"), QStringLiteral("shibuya")}});
    Form query{{QStringLiteral("query"), QStringLiteral("metadata['store']:'shibuya'")},
               {QStringLiteral("limit"), QStringLiteral("2")}};
    QSet<QString> seen;
    int pages = 0;
    for (HttpResult page = fresh.get(search, query);; ++pages) {
        for (const QJsonValue &item : page.json.value(QStringLiteral("data")).toArray())
            seen.insert(item.toObject().value(QStringLiteral("id")).toString());
        if (!page.json.value(QStringLiteral("has_more")).toBool()) {
            QVERIFY(page.json.value(QStringLiteral("next_page")).isNull());
            break;
        }
        QVERIFY(pages < 5);
        page = fresh.get(search, query + Form{{QStringLiteral("page"), page.value(QStringLiteral("next_page"))}});
    }
    QCOMPARE(seen.size(), 5);
    QCOMPARE(pages, 2);
    QCOMPARE(fresh.get(search, query + Form{{QStringLiteral("page"), QStringLiteral("garbage")}}).status, 400);
}

void TestSandboxPaymentIntents::expand_replacesIds()
{
    const QString id = m_http.paidPaymentIntent().value(QStringLiteral("id")).toString();
    const HttpResult result = m_http.get(piPath(id),
                                         {{QStringLiteral("expand[]"), QStringLiteral("payment_method")},
                                          {QStringLiteral("expand[]"), QStringLiteral("latest_charge")}});
    QCOMPARE(result.status, 200);
    const QJsonObject method = result.json.value(QStringLiteral("payment_method")).toObject();
    QCOMPARE(method.value(QStringLiteral("type")).toString(), QStringLiteral("konbini"));
    QCOMPARE(method.value(QStringLiteral("billing_details")).toObject().value(QStringLiteral("email")).toString(),
             QStringLiteral("hanako+succeed_immediately@test.com"));
    const QJsonObject charge = result.json.value(QStringLiteral("latest_charge")).toObject();
    QCOMPARE(charge.value(QStringLiteral("object")).toString(), QStringLiteral("charge"));
    QCOMPARE(charge.value(QStringLiteral("payment_intent")).toString(), id);
    const HttpResult listed = m_http.get(kPaymentIntents,
                                         {{QStringLiteral("expand[]"), QStringLiteral("data.payment_method")},
                                          {QStringLiteral("limit"), QStringLiteral("1")}});
    QVERIFY(listed.json.value(QStringLiteral("data"))
                .toArray()
                .at(0)
                .toObject()
                .value(QStringLiteral("payment_method"))
                .isObject());
}

// The PaymentMethod a confirmation creates: what was sent, and null (not missing) for what was not.
void TestSandboxPaymentIntents::paymentMethod_keepsWhatTheConfirmationSent()
{
    const auto methodOf = [this](const Form &billing) {
        const QString id = m_http.createPaymentIntent().value(QStringLiteral("id")).toString();
        const HttpResult confirmed = m_http.post(piPath(id, QStringLiteral("confirm")),
                                                 Form{{QStringLiteral("payment_method_data[type]"), QStringLiteral("konbini")}}
                                                     + billing);
        if (confirmed.status != 200)
            return QJsonObject{{QStringLiteral("status"), confirmed.status}};
        return m_http.get(piPath(id), {{QStringLiteral("expand[]"), QStringLiteral("payment_method")}})
            .json.value(QStringLiteral("payment_method"))
            .toObject();
    };
    const Form who{{QStringLiteral("payment_method_data[billing_details][name]"), QStringLiteral("山田 \"花子\"")},
                   {QStringLiteral("payment_method_data[billing_details][email]"), QStringLiteral("hanako@example.jp")}};

    const QJsonObject plain = methodOf(who);
    QVERIFY(plain.value(QStringLiteral("id")).toString().startsWith(u"pm_"));
    QCOMPARE(plain.value(QStringLiteral("type")).toString(), QStringLiteral("konbini"));
    QVERIFY(plain.value(QStringLiteral("created")).toInteger() > 0);
    QCOMPARE(plain.value(QStringLiteral("metadata")).toObject(), QJsonObject());
    const QJsonObject billing = plain.value(QStringLiteral("billing_details")).toObject();
    QCOMPARE(billing.value(QStringLiteral("name")).toString(), QStringLiteral("山田 \"花子\""));
    QCOMPARE(billing.value(QStringLiteral("email")).toString(), QStringLiteral("hanako@example.jp"));
    QVERIFY(billing.value(QStringLiteral("phone")).isNull());
    const QJsonObject noAddress = billing.value(QStringLiteral("address")).toObject();
    QCOMPARE(noAddress.size(), 6);
    for (auto it = noAddress.begin(); it != noAddress.end(); ++it)
        QVERIFY2(it->isNull(), qPrintable(it.key()));

    const QJsonObject full =
        methodOf(who
                 + Form{{QStringLiteral("payment_method_data[billing_details][phone]"), QStringLiteral("09012345678")},
                        {QStringLiteral("payment_method_data[billing_details][address][city]"), QStringLiteral("渋谷区")},
                        {QStringLiteral("payment_method_data[billing_details][address][postal_code]"), QStringLiteral("150-0002")},
                        {QStringLiteral("payment_method_data[metadata][till]"), QStringLiteral("till-1")}});
    const QJsonObject fullBilling = full.value(QStringLiteral("billing_details")).toObject();
    QCOMPARE(fullBilling.value(QStringLiteral("phone")).toString(), QStringLiteral("09012345678"));
    const QJsonObject address = fullBilling.value(QStringLiteral("address")).toObject();
    QCOMPARE(address.size(), 6);
    QCOMPARE(address.value(QStringLiteral("city")).toString(), QStringLiteral("渋谷区"));
    QCOMPARE(address.value(QStringLiteral("postal_code")).toString(), QStringLiteral("150-0002"));
    QVERIFY(address.value(QStringLiteral("line1")).isNull());
    QCOMPARE(full.value(QStringLiteral("metadata")).toObject(),
             QJsonObject({{QStringLiteral("till"), QStringLiteral("till-1")}}));
    // A later one without a phone has none: what one confirmation set stays its own.
    QCOMPARE(methodOf(who).value(QStringLiteral("billing_details")).toObject().value(QStringLiteral("phone")),
             QJsonValue());
}

void TestSandboxPaymentIntents::paidCharge_hasItsChainFeeNetAndPayoutDay_data()
{
    QTest::addColumn<double>("feePercent");
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QString>("chain");
    QTest::addColumn<qint64>("fee");
    // Stripe Japan's published Konbini price (3.6 %), rounded to the yen; and a fee set otherwise.
    QTest::newRow("3.6 % of ¥1,500 at Lawson") << 3.6 << qint64(1500) << "lawson" << qint64(54);
    QTest::newRow("3.6 % of ¥2,480 at Ministop (89.28)") << 3.6 << qint64(2480) << "ministop" << qint64(89);
    QTest::newRow("3.6 % of ¥12,000 at Seicomart") << 3.6 << qint64(12000) << "seicomart" << qint64(432);
    QTest::newRow("2.75 % of ¥1,000 at FamilyMart (27.5)") << 2.75 << qint64(1000) << "familymart" << qint64(28);
}

void TestSandboxPaymentIntents::paidCharge_hasItsChainFeeNetAndPayoutDay()
{
    QFETCH(double, feePercent);
    QFETCH(qint64, amount);
    QFETCH(QString, chain);
    QFETCH(qint64, fee);
    konbini::sandbox::SandboxOptions options;
    options.konbiniFeePercent = feePercent;
    SandboxHttp http(options);
    // Paid on Friday 2026-12-04 at noon JST: four business days later is Thursday the 10th.
    const qint64 friday = QDateTime(QDate(2026, 12, 4), QTime(3, 0), Qt::UTC).toSecsSinceEpoch();
    if (http.now() >= friday)
        QSKIP("the sandbox clock starts at the machine's time, already past the chosen Friday");
    http.advanceClock(friday - http.now());
    const QString id = http.createPaymentIntent(amount).value(QStringLiteral("id")).toString();
    http.confirm(id, QStringLiteral("taro+fill_never@test.com"));
    const qint64 paidAt = http.advanceClock(600); // 12:10 JST
    QCOMPARE(http.post(QStringLiteral("/v1/test_helpers/sandbox/payment_intents/%1/pay").arg(id),
                       {{QStringLiteral("chain"), chain}})
                 .status,
             200);
    const HttpResult paid =
        http.get(piPath(id), {{QStringLiteral("expand[]"), QStringLiteral("latest_charge.balance_transaction")}});
    QCOMPARE(paid.status, 200);
    const QJsonObject charge = paid.json.value(QStringLiteral("latest_charge")).toObject();
    QCOMPARE(charge.value(QStringLiteral("created")).toInteger(), paidAt);
    QCOMPARE(valueAt(charge, QStringLiteral("payment_method_details.konbini.store.chain")).toString(), chain);
    const QJsonObject transaction = charge.value(QStringLiteral("balance_transaction")).toObject();
    QCOMPARE(transaction.value(QStringLiteral("object")).toString(), QStringLiteral("balance_transaction"));
    QCOMPARE(transaction.value(QStringLiteral("amount")).toInteger(), amount);
    QCOMPARE(transaction.value(QStringLiteral("fee")).toInteger(), fee);
    QCOMPARE(transaction.value(QStringLiteral("net")).toInteger(), amount - fee);
    QCOMPARE(transaction.value(QStringLiteral("fee_details")).toArray().at(0).toObject().value(QStringLiteral("type")).toString(),
             QStringLiteral("stripe_fee"));
    QCOMPARE(transaction.value(QStringLiteral("source")).toString(), charge.value(QStringLiteral("id")).toString());
    QCOMPARE(transaction.value(QStringLiteral("available_on")).toInteger(),
             QDateTime(QDate(2026, 12, 10), QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
    // As Stripe describes them (OpenAPI), field for field.
    QCOMPARE(OpenApiCheck::stripe().problemsWithSchema(QStringLiteral("balance_transaction"), transaction), QStringList());
    QJsonObject unexpanded = charge;
    unexpanded.insert(QStringLiteral("balance_transaction"), transaction.value(QStringLiteral("id")));
    const QStringList chargeProblems = OpenApiCheck::stripe().problemsWithSchema(QStringLiteral("charge"), unexpanded);
    QVERIFY2(chargeProblems.isEmpty(), qPrintable(chargeProblems.join(u'\n')));
}

void TestSandboxPaymentIntents::payHelper_refusesAnUnknownChain()
{
    const QString id = m_http.createPaymentIntent().value(QStringLiteral("id")).toString();
    m_http.confirm(id, QStringLiteral("taro+fill_never@test.com"));
    const HttpResult refused = m_http.post(QStringLiteral("/v1/test_helpers/sandbox/payment_intents/%1/pay").arg(id),
                                           {{QStringLiteral("chain"), QStringLiteral("seven_eleven")}});
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.error().value(QStringLiteral("param")).toString(), QStringLiteral("chain"));
    QCOMPARE(m_http.paymentIntent(id).value(QStringLiteral("status")), QStringLiteral("requires_action")); // not paid
}

void TestSandboxPaymentIntents::paidWithoutAChain_isPaidAtOneThatDependsOnlyOnThePaymentIntent()
{
    QSet<QString> chains;
    for (int i = 0; i < 12; ++i) {
        const QString id = m_http.paidPaymentIntent().value(QStringLiteral("id")).toString();
        const QJsonObject charge =
            m_http.get(piPath(id), {{QStringLiteral("expand[]"), QStringLiteral("latest_charge")}})
                .json.value(QStringLiteral("latest_charge"))
                .toObject();
        chains.insert(valueAt(charge, QStringLiteral("payment_method_details.konbini.store.chain")).toString());
    }
    QVERIFY(chains.size() > 1); // spread over the chains, as customers are
    QVERIFY((QSet<QString>{QStringLiteral("familymart"), QStringLiteral("lawson"), QStringLiteral("ministop"),
                           QStringLiteral("seicomart")})
                .contains(chains));
}

QTEST_GUILESS_MAIN(TestSandboxPaymentIntents)
#include "TestSandboxPaymentIntents.moc"
