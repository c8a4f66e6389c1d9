// compactJson writes exactly what QJsonDocument's compact writer writes, for every kind of value.
#include "CompactJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>

using namespace konbini::sandbox;

class TestCompactJson : public QObject
{
    Q_OBJECT

private slots:
    void sameBytesAsQt_data();
    void sameBytesAsQt();
    void randomObjects_sameBytesAsQt();
};

namespace {

QString allControlCharacters()
{
    QString text;
    for (char16_t c = 0; c < 0x20; ++c)
        text += QChar(c);
    return text + QStringLiteral("\"\\/\x7f");
}

QJsonValue randomValue(QRandomGenerator &random, int depth);

QJsonObject randomObject(QRandomGenerator &random, int depth);

QJsonValue randomValue(QRandomGenerator &random, int depth)
{
    static const QString pieces[] = {QStringLiteral("a"), QStringLiteral("山田 花子"), QStringLiteral("\""),
                                     QStringLiteral("\\"), QStringLiteral("\n\t"), QStringLiteral("😀"),
                                     QStringLiteral("ﾔﾏﾀﾞ"), QStringLiteral("<b>"), QString(QChar(0x1f)),
                                     QStringLiteral("０９０"), QString(QChar(0xd800)), QString()};
    switch (random.bounded(depth > 3 ? 6 : 8)) {
    case 0:
        return QJsonValue();
    case 1:
        return random.bounded(2) == 1;
    case 2:
        return qint64(random.generate64()) >> random.bounded(64);
    case 3:
        return double(qint64(random.generate64())) / double(1 + random.bounded(1000));
    case 4:
    case 5: {
        QString text;
        for (int i = 0, n = random.bounded(6); i < n; ++i)
            text += pieces[random.bounded(int(std::size(pieces)))];
        return text;
    }
    case 6: {
        QJsonArray array;
        for (int i = 0, n = random.bounded(5); i < n; ++i)
            array.append(randomValue(random, depth + 1));
        return array;
    }
    default:
        return randomObject(random, depth + 1);
    }
}

QJsonObject randomObject(QRandomGenerator &random, int depth)
{
    static const QString keys[] = {QStringLiteral("id"), QStringLiteral("名前"), QStringLiteral("a\"\nb"),
                                   QStringLiteral("😀"), QString()};
    QJsonObject object;
    for (int i = 0, n = random.bounded(8); i < n; ++i)
        object.insert(QStringLiteral("k%1_").arg(random.bounded(30)) + keys[random.bounded(int(std::size(keys)))],
                      randomValue(random, depth));
    return object;
}

} // namespace

void TestCompactJson::sameBytesAsQt_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::newRow("empty") << QJsonObject();
    QTest::newRow("strings") << QJsonObject{{QStringLiteral("control"), allControlCharacters()},
                                            {QStringLiteral("japanese"), QStringLiteral("お弁当　ローソン ﾛｰｿﾝ")},
                                            {QStringLiteral("emoji"), QStringLiteral("🍙👍🏽")},
                                            {QStringLiteral("empty"), QString()},
                                            {QStringLiteral("key \"quoted\"\n"), QStringLiteral("v")},
                                            {QStringLiteral("long"), QString(70000, QChar(u'x'))}};
    // Text Qt cannot write as UTF-8 as it is: unpaired surrogates, alone, reversed, at the ends of a run.
    const QChar high(0xd83c);
    const QChar low(0xdf59);
    QTest::newRow("surrogates") << QJsonObject{{QStringLiteral("high"), QString(high)},
                                               {QStringLiteral("low"), QString(low)},
                                               {QStringLiteral("reversed"), QString(low) + high},
                                               {QStringLiteral("pair"), QString(high) + low},
                                               {QString(high) + u'k', QStringLiteral("お") + high + u'x' + low}};
    // Far beyond the first buffer, in a nested array: three bytes for each character.
    QTest::newRow("long japanese") << QJsonObject{
        {QStringLiteral("a"), QJsonArray{QString(9000, QChar(u'お')), QJsonObject{{QStringLiteral("b"), QString(5000, QChar(u'\n'))}}}}};
    QJsonObject integers;
    const qint64 values[] = {0, 1, 23, 24, 255, 256, 65535, 65536, 4294967295LL, 4294967296LL, -1, -24, -25,
                             -256, -257, 9007199254740993LL, std::numeric_limits<qint64>::max(),
                             std::numeric_limits<qint64>::min() + 1, 1796000613};
    for (qint64 value : values)
        integers.insert(QString::number(value), value);
    QTest::newRow("integers") << integers;
    QJsonObject doubles;
    const double reals[] = {0.5, -1.25, 0.1, 1e300, -1e-300, 3.0, 1e17, 123456789.123,
                            std::numeric_limits<double>::infinity(), std::nan("")};
    for (double value : reals)
        doubles.insert(QString::number(value), value);
    QTest::newRow("doubles") << doubles;
    QTest::newRow("nested") << QJsonObject{
        {QStringLiteral("null"), QJsonValue()},
        {QStringLiteral("flags"), QJsonArray{true, false, QJsonValue(), QJsonArray{}, QJsonObject{}}},
        {QStringLiteral("next_action"),
         QJsonObject{{QStringLiteral("konbini_display_details"),
                      QJsonObject{{QStringLiteral("expires_at"), 1796000613},
                                  {QStringLiteral("stores"),
                                   QJsonObject{{QStringLiteral("lawson"),
                                                QJsonObject{{QStringLiteral("confirmation_number"), QStringLiteral("12345678901")},
                                                            {QStringLiteral("payment_code"), QStringLiteral("LW123")}}}}}}}}}};
    // As a PaymentIntent is read back from the state file: parsed, not built.
    QTest::newRow("parsed") << QJsonDocument::fromJson(
                                   R"({"amount":1500,"metadata":{"clerk":"佐藤"},"description":null,"x":[1,"\u0001",2.5]})")
                                   .object();
}

void TestCompactJson::sameBytesAsQt()
{
    QFETCH(QJsonObject, object);
    QCOMPARE(compactJson(object), QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void TestCompactJson::randomObjects_sameBytesAsQt()
{
    QRandomGenerator random(20261130);
    for (int i = 0; i < 2000; ++i) {
        const QJsonObject object = randomObject(random, 0);
        const QByteArray expected = QJsonDocument(object).toJson(QJsonDocument::Compact);
        QCOMPARE(compactJson(object), expected);
    }
}

QTEST_GUILESS_MAIN(TestCompactJson)
#include "TestCompactJson.moc"
