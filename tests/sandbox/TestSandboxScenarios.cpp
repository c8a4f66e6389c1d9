#include "SandboxHttp.h"

#include <QJsonArray>
#include <QTest>

using namespace konbini::test;

namespace {

constexpr qint64 kThreeMinutes = 180;
constexpr qint64 kPaymentFailedBuffer = 3600;

enum class Outcome { SucceedAfterDelay, SucceedImmediately, ExpireImmediately, ExpireWithDelay, FillNever };

} // namespace

Q_DECLARE_METATYPE(Outcome)

// KONBINI_API.md §5: each outcome, chosen by the email pattern or by the special confirmation
// number (the number wins), driven by the sandbox clock.
class TestSandboxScenarios : public QObject
{
    Q_OBJECT

private slots:
    void scenario_data();
    void scenario();
};

void TestSandboxScenarios::scenario_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("confirmationNumber");
    QTest::addColumn<Outcome>("outcome");
    QTest::newRow("any email") << QStringLiteral("hanako@test.com") << QString() << Outcome::SucceedAfterDelay;
    QTest::newRow("11111111110") << QStringLiteral("hanako@test.com") << QStringLiteral("11111111110")
                                 << Outcome::SucceedAfterDelay;
    QTest::newRow("succeed_immediately email")
        << QStringLiteral("hanako+succeed_immediately@test.com") << QString() << Outcome::SucceedImmediately;
    QTest::newRow("22222222220") << QStringLiteral("hanako@test.com") << QStringLiteral("22222222220")
                                 << Outcome::SucceedImmediately;
    QTest::newRow("expire_immediately email")
        << QStringLiteral("expire_immediately@example.jp") << QString() << Outcome::ExpireImmediately;
    QTest::newRow("33333333330") << QStringLiteral("hanako@test.com") << QStringLiteral("33333333330")
                                 << Outcome::ExpireImmediately;
    QTest::newRow("expire_with_delay email")
        << QStringLiteral("taro.expire_with_delay@test.com") << QString() << Outcome::ExpireWithDelay;
    QTest::newRow("44444444440") << QStringLiteral("hanako@test.com") << QStringLiteral("44444444440")
                                 << Outcome::ExpireWithDelay;
    QTest::newRow("fill_never email") << QStringLiteral("fill_never@test.com") << QString() << Outcome::FillNever;
    QTest::newRow("55555555550") << QStringLiteral("hanako@test.com") << QStringLiteral("55555555550")
                                 << Outcome::FillNever;
    QTest::newRow("number wins over email (fill_never)")
        << QStringLiteral("x+succeed_immediately@test.com") << QStringLiteral("55555555550") << Outcome::FillNever;
    QTest::newRow("number wins over email (succeed)")
        << QStringLiteral("x+fill_never@test.com") << QStringLiteral("22222222220") << Outcome::SucceedImmediately;
    QTest::newRow("pattern in the domain does not count")
        << QStringLiteral("hanako@fill_never.test") << QString() << Outcome::SucceedAfterDelay;
}

void TestSandboxScenarios::scenario()
{
    QFETCH(QString, email);
    QFETCH(QString, confirmationNumber);
    QFETCH(Outcome, outcome);
    SandboxHttp http;
    const qint64 confirmedAt = http.now();
    const QString id = http.createPaymentIntent().value(QStringLiteral("id")).toString();
    const HttpResult confirmed = http.confirm(id, email, confirmationNumber);
    QCOMPARE(confirmed.status, 200);
    QCOMPARE(confirmed.value(QStringLiteral("status")), QStringLiteral("requires_action"));
    const qint64 expiresAt = confirmed.json.value(QStringLiteral("next_action"))
                                 .toObject()
                                 .value(QStringLiteral("konbini_display_details"))
                                 .toObject()
                                 .value(QStringLiteral("expires_at"))
                                 .toInteger();
    const auto status = [&] {
        return http.get(QStringLiteral("/v1/payment_intents/") + id).value(QStringLiteral("status"));
    };
    const auto eventTypes = [&] {
        QStringList types;
        const HttpResult events =
            http.get(QStringLiteral("/v1/events"), {{QStringLiteral("limit"), QStringLiteral("100")}});
        for (const QJsonValue &event : events.json.value(QStringLiteral("data")).toArray()) {
            const QJsonObject object = event.toObject();
            if (object.value(QStringLiteral("data"))
                    .toObject()
                    .value(QStringLiteral("object"))
                    .toObject()
                    .value(QStringLiteral("id"))
                    .toString()
                == id)
                types.prepend(object.value(QStringLiteral("type")).toString());
        }
        return types;
    };
    const QStringList issued{QStringLiteral("payment_intent.created"),
                             QStringLiteral("payment_intent.requires_action")};

    switch (outcome) {
    case Outcome::SucceedAfterDelay:
        QCOMPARE((expiresAt + 9 * 3600) % 86400, 86399);
        http.advanceClock(kThreeMinutes - 1);
        QCOMPARE(status(), QStringLiteral("requires_action"));
        http.advanceClock(1);
        QCOMPARE(status(), QStringLiteral("succeeded"));
        QCOMPARE(eventTypes(), issued + QStringList{QStringLiteral("payment_intent.succeeded")});
        break;
    case Outcome::SucceedImmediately:
        QCOMPARE(status(), QStringLiteral("succeeded"));
        QCOMPARE(eventTypes(), issued + QStringList{QStringLiteral("payment_intent.succeeded")});
        break;
    case Outcome::ExpireImmediately:
        QCOMPARE(expiresAt, confirmedAt);
        http.advanceClock(kPaymentFailedBuffer - 1);
        QCOMPARE(status(), QStringLiteral("requires_action"));
        http.advanceClock(1);
        QCOMPARE(status(), QStringLiteral("requires_payment_method"));
        QCOMPARE(eventTypes(), issued + QStringList{QStringLiteral("payment_intent.payment_failed")});
        break;
    case Outcome::ExpireWithDelay:
        QCOMPARE(expiresAt, confirmedAt + kThreeMinutes);
        http.advanceClock(kThreeMinutes + kPaymentFailedBuffer - 1);
        QCOMPARE(status(), QStringLiteral("requires_action"));
        http.advanceClock(1);
        QCOMPARE(status(), QStringLiteral("requires_payment_method"));
        break;
    case Outcome::FillNever:
        QCOMPARE((expiresAt + 9 * 3600) % 86400, 86399);
        http.advanceClock(expiresAt - confirmedAt + kPaymentFailedBuffer - 1);
        QCOMPARE(status(), QStringLiteral("requires_action"));
        http.advanceClock(1);
        QCOMPARE(status(), QStringLiteral("requires_payment_method"));
        break;
    }

    const QJsonObject final = http.get(QStringLiteral("/v1/payment_intents/") + id).json;
    if (final.value(QStringLiteral("status")).toString() == u"succeeded") {
        QCOMPARE(final.value(QStringLiteral("amount_received")).toInteger(), 1500);
        QVERIFY(final.value(QStringLiteral("latest_charge")).toString().startsWith(QStringLiteral("ch_")));
        QVERIFY(final.value(QStringLiteral("next_action")).isNull());
        QVERIFY(eventTypes().size() >= 3);
        QCOMPARE(
            http.count(QStringLiteral("/v1/events"), {{QStringLiteral("type"), QStringLiteral("charge.succeeded")}}),
            1);
    } else {
        const QJsonObject error = final.value(QStringLiteral("last_payment_error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(),
                 QStringLiteral("payment_intent_payment_attempt_expired"));
        QVERIFY(final.value(QStringLiteral("payment_method")).isNull());
        QCOMPARE(final.value(QStringLiteral("amount_received")).toInteger(), 0);
        // Reissue: a requires_payment_method PaymentIntent can be confirmed again for a new voucher.
        const HttpResult reissued = http.confirm(id, QStringLiteral("hanako+fill_never@test.com"));
        QCOMPARE(reissued.value(QStringLiteral("status")), QStringLiteral("requires_action"));
        QVERIFY(reissued.json.value(QStringLiteral("last_payment_error")).isNull());
    }
}

QTEST_GUILESS_MAIN(TestSandboxScenarios)
#include "TestSandboxScenarios.moc"
