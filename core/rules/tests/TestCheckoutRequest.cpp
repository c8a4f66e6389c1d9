#include "CheckoutRequest.h"
#include "KonbiniRules.h"

#include <QTest>

using namespace konbini;

Q_DECLARE_METATYPE(CheckoutRequest)
Q_DECLARE_METATYPE(CheckoutField)

namespace {

// 2026-11-28 10:00 JST.
const qint64 kNow = QDateTime(QDate(2026, 11, 28), QTime(1, 0), Qt::UTC).toSecsSinceEpoch();

CheckoutRequest valid()
{
    CheckoutRequest request;
    request.amountYen = 1500;
    request.productDescription = QStringLiteral("お弁当");
    request.customerName = QStringLiteral("山田 花子");
    request.email = QStringLiteral("hanako@example.jp");
    request.phone = QStringLiteral("090-1234-5678");
    return request;
}

template <typename Change>
CheckoutRequest with(Change change)
{
    CheckoutRequest request = valid();
    change(request);
    return request;
}

} // namespace

class TestCheckoutRequest : public QObject
{
    Q_OBJECT

private slots:
    void validate_data();
    void validate();
    void validate_reportsEveryFieldAtOnce();
    void resultingDeadline_isEndOfJstDay();
};

void TestCheckoutRequest::validate_data()
{
    QTest::addColumn<CheckoutRequest>("request");
    QTest::addColumn<int>("problemCount");
    QTest::addColumn<CheckoutField>("field");
    QTest::addColumn<QString>("message");
    using F = CheckoutField;
    const auto ok = [](const char *name, CheckoutRequest request) {
        QTest::newRow(name) << request << 0 << F::Amount << QString();
    };
    const auto bad = [](const char *name, CheckoutRequest request, F field, const char *message) {
        QTest::newRow(name) << request << 1 << field << QString::fromUtf8(message);
    };

    ok("a valid sale", valid());
    bad("amount missing", with([](auto &r) { r.amountYen = 0; }), F::Amount, "Enter the amount in yen.");
    bad("amount negative", with([](auto &r) { r.amountYen = -5; }), F::Amount, "Enter the amount in yen.");
    bad("amount ¥1", with([](auto &r) { r.amountYen = 1; }), F::Amount, "Konbini payments must be at least ¥120.");
    bad("amount ¥119", with([](auto &r) { r.amountYen = 119; }), F::Amount, "Konbini payments must be at least ¥120.");
    ok("amount ¥120", with([](auto &r) { r.amountYen = 120; }));
    ok("amount ¥300,000", with([](auto &r) { r.amountYen = 300000; }));
    bad("amount ¥300,001", with([](auto &r) { r.amountYen = 300001; }), F::Amount,
        "Konbini payments can be at most ¥300,000.");
    bad("amount ¥1,000,000", with([](auto &r) { r.amountYen = 1000000; }), F::Amount,
        "Konbini payments can be at most ¥300,000.");
    ok("description empty (Stripe shows a placeholder)", with([](auto &r) { r.productDescription.clear(); }));
    ok("description 22 characters", with([](auto &r) { r.productDescription = QString(22, QChar(u'あ')); }));
    bad("description 23 characters", with([](auto &r) { r.productDescription = QString(23, QChar(u'あ')); }),
        F::ProductDescription, "The product description can have at most 22 characters (it has 23).");
    ok("description half-width katakana", with([](auto &r) { r.productDescription = QStringLiteral("ｺｰﾋｰ 200g"); }));
    ok("description with wave dash 〜", with([](auto &r) { r.productDescription = QStringLiteral("10時〜12時"); }));
    bad("description with ①", with([](auto &r) { r.productDescription = QStringLiteral("お弁当①"); }),
        F::ProductDescription, "Convenience stores cannot print these characters: ①");
    bad("description with ㈱", with([](auto &r) { r.productDescription = QStringLiteral("㈱山田商店"); }),
        F::ProductDescription, "Convenience stores cannot print these characters: ㈱");
    bad("description with 髙 and Ⅱ", with([](auto &r) { r.productDescription = QStringLiteral("髙島屋Ⅱ"); }),
        F::ProductDescription, "Convenience stores cannot print these characters: 髙Ⅱ");
    bad("description with full-width tilde", with([](auto &r) { r.productDescription = QStringLiteral("10時～12時"); }),
        F::ProductDescription, "Convenience stores cannot print these characters: ～");
    bad("description with emoji", with([](auto &r) { r.productDescription = QString::fromUcs4(U"ケーキ🎂"); }),
        F::ProductDescription, "Convenience stores cannot print these characters: 🎂");
    bad("description with accents", with([](auto &r) { r.productDescription = QStringLiteral("Café"); }),
        F::ProductDescription, "Convenience stores cannot print these characters: é");
    bad("name missing", with([](auto &r) { r.customerName.clear(); }), F::CustomerName, "Enter the customer's name.");
    bad("name blank", with([](auto &r) { r.customerName = QStringLiteral("  　"); }), F::CustomerName,
        "Enter the customer's name.");
    bad("name only unprintable", with([](auto &r) { r.customerName = QString::fromUcs4(U"😀😀"); }), F::CustomerName,
        "None of the characters of this name can be printed at convenience stores.");
    ok("name with a dropped character", with([](auto &r) { r.customerName = QStringLiteral("髙橋 一郎"); }));
    ok("name longer than 20 (truncated, not refused)",
       with([](auto &r) { r.customerName = QString(30, QChar(u'ア')); }));
    ok("name in Latin letters", with([](auto &r) { r.customerName = QStringLiteral("Hanako Yamada"); }));
    bad("email missing", with([](auto &r) { r.email.clear(); }), F::Email, "Enter the customer's e-mail address.");
    bad("email without @", with([](auto &r) { r.email = QStringLiteral("hanako.example.jp"); }), F::Email,
        "This e-mail address does not look right.");
    bad("email with two @", with([](auto &r) { r.email = QStringLiteral("a@b@example.jp"); }), F::Email,
        "This e-mail address does not look right.");
    bad("email without domain dot", with([](auto &r) { r.email = QStringLiteral("hanako@localhost"); }), F::Email,
        "This e-mail address does not look right.");
    bad("email with space", with([](auto &r) { r.email = QStringLiteral("hanako yamada@example.jp"); }), F::Email,
        "This e-mail address does not look right.");
    bad("email with double dot", with([](auto &r) { r.email = QStringLiteral("hanako..y@example.jp"); }), F::Email,
        "This e-mail address does not look right.");
    bad("email ending in dot", with([](auto &r) { r.email = QStringLiteral("hanako@example."); }), F::Email,
        "This e-mail address does not look right.");
    ok("email with plus tag", with([](auto &r) { r.email = QStringLiteral("hanako+fill_never@test.com"); }));
    ok("phone empty: Stripe generates a number", with([](auto &r) { r.phone.clear(); }));
    ok("phone landline 10 digits", with([](auto &r) { r.phone = QStringLiteral("03-1234-5678"); }));
    ok("phone full-width digits", with([](auto &r) { r.phone = QStringLiteral("０９０ー１２３４ー５６７８"); }));
    ok("phone +81", with([](auto &r) { r.phone = QStringLiteral("+81 90-1234-5678"); }));
    bad("phone 9 digits", with([](auto &r) { r.phone = QStringLiteral("090-123-456"); }), F::Phone,
        "The phone number needs 10 or 11 digits (it has 9).");
    bad("phone 12 digits", with([](auto &r) { r.phone = QStringLiteral("090-1234-56789"); }), F::Phone,
        "The phone number needs 10 or 11 digits (it has 12).");
    bad("phone letters only", with([](auto &r) { r.phone = QStringLiteral("none"); }), F::Phone,
        "The phone number needs 10 or 11 digits (it has 0).");
    bad("phone all zeros", with([](auto &r) { r.phone = QStringLiteral("000-0000-0000"); }), F::Phone,
        "A confirmation number cannot be all zeros.");
    ok("expiry 1 day", with([](auto &r) { r.expiresAfterDays = 1; }));
    ok("expiry 60 days", with([](auto &r) { r.expiresAfterDays = 60; }));
    bad("expiry 0 days", with([](auto &r) { r.expiresAfterDays = 0; }), F::Expiry, "Choose between 1 and 60 days.");
    bad("expiry 61 days", with([](auto &r) { r.expiresAfterDays = 61; }), F::Expiry, "Choose between 1 and 60 days.");
    ok("expiry date tomorrow", with([](auto &r) { r.expiresOn = QDate(2026, 11, 29); }));
    ok("expiry date today (until 23:59 JST)", with([](auto &r) { r.expiresOn = QDate(2026, 11, 28); }));
    bad("expiry date yesterday", with([](auto &r) { r.expiresOn = QDate(2026, 11, 27); }), F::Expiry,
        "The payment deadline must be at least 30 minutes from now.");
    ok("expiry date 59 days ahead", with([](auto &r) { r.expiresOn = QDate(2027, 1, 25); }));
    bad("expiry date 60 days ahead", with([](auto &r) { r.expiresOn = QDate(2027, 1, 27); }), F::Expiry,
        "The payment deadline must be less than 60 days from now.");
}

void TestCheckoutRequest::validate()
{
    QFETCH(CheckoutRequest, request);
    QFETCH(int, problemCount);
    QFETCH(CheckoutField, field);
    QFETCH(QString, message);
    const QList<FieldProblem> problems = validateCheckout(request, kNow);
    QCOMPARE(problems.size(), problemCount);
    if (problemCount > 0) {
        QCOMPARE(problems.first().field, field);
        QCOMPARE(problems.first().message, message);
    }
}

void TestCheckoutRequest::validate_reportsEveryFieldAtOnce()
{
    CheckoutRequest request;
    request.productDescription = QStringLiteral("①");
    request.phone = QStringLiteral("12");
    request.expiresAfterDays = 99;
    const QList<FieldProblem> problems = validateCheckout(request, kNow);
    QList<CheckoutField> fields;
    for (const FieldProblem &problem : problems)
        fields.append(problem.field);
    QCOMPARE(
        fields,
        (QList<CheckoutField>{CheckoutField::Amount, CheckoutField::ProductDescription, CheckoutField::CustomerName,
                              CheckoutField::Email, CheckoutField::Phone, CheckoutField::Expiry}));
}

void TestCheckoutRequest::resultingDeadline_isEndOfJstDay()
{
    CheckoutRequest request = valid();
    QCOMPARE(KonbiniRules::formatJstDeadline(resultingDeadline(request, kNow)),
             QStringLiteral("2026年12月1日(火) 23:59 JST"));
    request.expiresOn = QDate(2026, 12, 24);
    QCOMPARE(KonbiniRules::formatJstDeadline(resultingDeadline(request, kNow)),
             QStringLiteral("2026年12月24日(木) 23:59 JST"));
}

QTEST_GUILESS_MAIN(TestCheckoutRequest)
#include "TestCheckoutRequest.moc"
