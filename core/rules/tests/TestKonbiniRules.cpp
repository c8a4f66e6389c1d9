#include "KonbiniRules.h"

#include <QTest>

#include <ctime>

using namespace konbini;

namespace {

qint64 utc(const char *isoDateTime)
{
    return QDateTime::fromString(QString::fromLatin1(isoDateTime), Qt::ISODate).toSecsSinceEpoch();
}

} // namespace

class TestKonbiniRules : public QObject
{
    Q_OBJECT

private slots:
    void deadlineAfterDays_data();
    void deadlineAfterDays();
    void deadlineAfterDays_ignoresMachineTimeZone();
    void isValidConfirmationNumber_data();
    void isValidConfirmationNumber();
    void characterCount_countsCodePoints();
    void parseAmountYen_data();
    void parseAmountYen();
    void previewCustomerName_dropsThenCuts();
    void confirmationNumberFromPhone_data();
    void confirmationNumberFromPhone();
    void formatJstDeadline_isJapanese();
};

void TestKonbiniRules::deadlineAfterDays_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<int>("days");
    QTest::addColumn<qint64>("deadline");
    // 2026-11-30 is a Monday; Monday + 2 days = Wednesday 23:59:59 JST = 14:59:59 UTC.
    QTest::newRow("Monday + 2 = Wednesday") << utc("2026-11-30T01:00:00Z") << 2 << utc("2026-12-02T14:59:59Z");
    QTest::newRow("UTC evening is already the next day in JST")
        << utc("2026-11-30T16:00:00Z") << 1 << utc("2026-12-02T14:59:59Z");
    QTest::newRow("year end") << utc("2026-12-31T16:00:00Z") << 3 << utc("2027-01-04T14:59:59Z");
    QTest::newRow("month end") << utc("2027-01-30T03:00:00Z") << 3 << utc("2027-02-02T14:59:59Z");
    QTest::newRow("leap day") << utc("2028-02-28T03:00:00Z") << 1 << utc("2028-02-29T14:59:59Z");
    QTest::newRow("one second before JST midnight") << utc("2026-11-30T14:59:59Z") << 1 << utc("2026-12-01T14:59:59Z");
    QTest::newRow("JST midnight") << utc("2026-11-30T15:00:00Z") << 1 << utc("2026-12-02T14:59:59Z");
    QTest::newRow("60 days") << utc("2026-11-28T00:00:00Z") << 60 << utc("2027-01-27T14:59:59Z");
}

void TestKonbiniRules::deadlineAfterDays()
{
    QFETCH(qint64, from);
    QFETCH(int, days);
    QFETCH(qint64, deadline);
    QCOMPARE(KonbiniRules::deadlineAfterDays(from, days), deadline);
}

void TestKonbiniRules::deadlineAfterDays_ignoresMachineTimeZone()
{
    const QByteArray original = qgetenv("TZ");
    for (const char *zone : {"America/Los_Angeles", "Pacific/Kiritimati", "Europe/London", "Asia/Tokyo"}) {
        qputenv("TZ", zone);
        tzset();
        QCOMPARE(KonbiniRules::deadlineAfterDays(utc("2026-12-31T16:00:00Z"), 3), utc("2027-01-04T14:59:59Z"));
        QCOMPARE(KonbiniRules::jstDate(utc("2026-11-30T15:00:00Z")), QDate(2026, 12, 1));
    }
    if (original.isNull())
        qunsetenv("TZ");
    else
        qputenv("TZ", original);
    tzset();
}

void TestKonbiniRules::isValidConfirmationNumber_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<bool>("valid");
    QTest::newRow("mobile, 11 digits") << QStringLiteral("09012345678") << true;
    QTest::newRow("landline, 10 digits") << QStringLiteral("0312345678") << true;
    QTest::newRow("9 digits") << QStringLiteral("031234567") << false;
    QTest::newRow("12 digits") << QStringLiteral("090123456789") << false;
    QTest::newRow("all zeros, 11") << QStringLiteral("00000000000") << false;
    QTest::newRow("all zeros, 10") << QStringLiteral("0000000000") << false;
    QTest::newRow("letter") << QStringLiteral("0901234567a") << false;
    QTest::newRow("full-width digits") << QStringLiteral("０９０１２３４５６７８") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestKonbiniRules::isValidConfirmationNumber()
{
    QFETCH(QString, digits);
    QFETCH(bool, valid);
    QCOMPARE(KonbiniRules::isValidConfirmationNumber(digits), valid);
}

void TestKonbiniRules::characterCount_countsCodePoints()
{
    QCOMPARE(KonbiniRules::characterCount(u"お弁当"), 3);
    QCOMPARE(KonbiniRules::characterCount(QString::fromUcs4(U"a😀b")), 3);
    QCOMPARE(KonbiniRules::characterCount(u""), 0);
}

void TestKonbiniRules::parseAmountYen_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("amount"); // -1: not an amount
    QTest::newRow("digits") << QStringLiteral("1500") << qint64(1500);
    QTest::newRow("separators") << QStringLiteral("12,345") << qint64(12345);
    QTest::newRow("yen sign") << QStringLiteral("¥1,500") << qint64(1500);
    QTest::newRow("yen suffix") << QStringLiteral("1500円") << qint64(1500);
    QTest::newRow("full-width") << QStringLiteral("１，５００") << qint64(1500);
    QTest::newRow("spaces") << QStringLiteral(" 1500 ") << qint64(1500);
    QTest::newRow("decimal") << QStringLiteral("15.5") << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("-5") << qint64(-1);
    QTest::newRow("letters") << QStringLiteral("abc") << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("lone separator") << QStringLiteral(",") << qint64(-1);
    QTest::newRow("absurdly large") << QStringLiteral("99999999999999999999") << qint64(-1);
}

void TestKonbiniRules::parseAmountYen()
{
    QFETCH(QString, text);
    QFETCH(qint64, amount);
    const std::optional<qint64> parsed = KonbiniRules::parseAmountYen(text);
    QCOMPARE(parsed.value_or(-1), amount);
}

void TestKonbiniRules::previewCustomerName_dropsThenCuts()
{
    const KonbiniRules::NamePreview dropped = KonbiniRules::previewCustomerName(u"髙橋 一郎");
    QCOMPARE(dropped.shown, QStringLiteral("橋 一郎"));
    QCOMPARE(dropped.dropped, QStringLiteral("髙"));
    QVERIFY(!dropped.truncated);
    const KonbiniRules::NamePreview long_ =
        KonbiniRules::previewCustomerName(QStringLiteral("アイウエオカキクケコサシスセソタチツテトナニヌ"));
    QCOMPARE(long_.shown, QStringLiteral("アイウエオカキクケコサシスセソタチツテト"));
    QVERIFY(long_.truncated);
    QCOMPARE(KonbiniRules::previewCustomerName(u"山田 花子").shown, QStringLiteral("山田 花子"));
}

void TestKonbiniRules::confirmationNumberFromPhone_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("digits");
    QTest::addColumn<bool>("valid");
    QTest::newRow("hyphens") << QStringLiteral("090-1234-5678") << QStringLiteral("09012345678") << true;
    QTest::newRow("parentheses and spaces") << QStringLiteral("(03) 1234 5678") << QStringLiteral("0312345678") << true;
    QTest::newRow("full-width") << QStringLiteral("０９０１２３４５６７８") << QStringLiteral("09012345678") << true;
    QTest::newRow("international") << QStringLiteral("+81-90-1234-5678") << QStringLiteral("09012345678") << true;
    QTest::newRow("empty") << QString() << QString() << true;
    QTest::newRow("too short") << QStringLiteral("1234") << QStringLiteral("1234") << false;
    QTest::newRow("zeros") << QStringLiteral("0000000000") << QStringLiteral("0000000000") << false;
}

void TestKonbiniRules::confirmationNumberFromPhone()
{
    QFETCH(QString, phone);
    QFETCH(QString, digits);
    QFETCH(bool, valid);
    const KonbiniRules::ConfirmationNumber number = KonbiniRules::confirmationNumberFromPhone(phone);
    QCOMPARE(number.digits, digits);
    QCOMPARE(number.valid, valid);
}

void TestKonbiniRules::formatJstDeadline_isJapanese()
{
    QCOMPARE(KonbiniRules::formatJstDeadline(utc("2026-12-01T14:59:59Z")),
             QStringLiteral("2026年12月1日(火) 23:59 JST"));
    QCOMPARE(KonbiniRules::formatJstDeadline(utc("2027-01-03T14:59:59Z")),
             QStringLiteral("2027年1月3日(日) 23:59 JST"));
    QCOMPARE(KonbiniRules::endOfJstDay(QDate(2026, 12, 1)), utc("2026-12-01T14:59:59Z"));
}

QTEST_GUILESS_MAIN(TestKonbiniRules)
#include "TestKonbiniRules.moc"
