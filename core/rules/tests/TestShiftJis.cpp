#include "ShiftJis.h"

#include <QProcess>
#include <QTest>

using namespace konbini;

class TestShiftJis : public QObject
{
    Q_OBJECT

private slots:
    void isPrintable_data();
    void isPrintable();
    void unprintableCharacters_namesEachOffenderOnce();
    void everyBmpCodePoint_agreesWithGlibcShiftJis();
};

void TestShiftJis::isPrintable_data()
{
    QTest::addColumn<uint>("codePoint");
    QTest::addColumn<bool>("printable");
    QTest::newRow("ASCII letter") << uint('A') << true;
    QTest::newRow("space") << uint(' ') << true;
    QTest::newRow("tilde") << uint('~') << true;
    QTest::newRow("newline is a control character") << uint('\n') << false;
    QTest::newRow("DEL") << 0x7Fu << false;
    QTest::newRow("hiragana a") << 0x3042u << true;
    QTest::newRow("kanji 弁") << 0x5F01u << true;
    QTest::newRow("full-width A") << 0xFF21u << true;
    QTest::newRow("half-width katakana ｱ") << 0xFF71u << true;
    QTest::newRow("yen sign (JIS X 0201 Roman)") << 0x00A5u << true;
    QTest::newRow("wave dash 〜 (JIS X 0208)") << 0x301Cu << true;
    QTest::newRow("circled one ① (NEC extension)") << 0x2460u << false;
    QTest::newRow("roman numeral Ⅰ (NEC extension)") << 0x2160u << false;
    QTest::newRow("parenthesised ㈱ (NEC extension)") << 0x3231u << false;
    QTest::newRow("髙 (IBM extension)") << 0x9AD9u << false;
    QTest::newRow("full-width tilde ～ (CP932 only)") << 0xFF5Eu << false;
    QTest::newRow("full-width minus － (CP932 only)") << 0xFF0Du << false;
    QTest::newRow("emoji outside the BMP") << 0x1F600u << false;
    QTest::newRow("e acute") << 0x00E9u << false;
}

void TestShiftJis::isPrintable()
{
    QFETCH(uint, codePoint);
    QFETCH(bool, printable);
    QCOMPARE(ShiftJis::isPrintable(char32_t(codePoint)), printable);
}

void TestShiftJis::unprintableCharacters_namesEachOffenderOnce()
{
    QCOMPARE(ShiftJis::unprintableCharacters(u"お弁当①②①"), QStringLiteral("①②"));
    QCOMPARE(ShiftJis::unprintableCharacters(u"髙橋商店 ㈱"), QStringLiteral("髙㈱"));
    QCOMPARE(ShiftJis::unprintableCharacters(u"ｺｰﾋｰ ¥150"), QString());
    QCOMPARE(ShiftJis::unprintableCharacters(QString::fromUcs4(U"ok😀")), QString::fromUcs4(U"😀"));
}

// The oracle is glibc's SHIFT_JIS converter (JIS X 0201 + JIS X 0208, no vendor extensions);
// the product carries its own table, so this test is what ties the two together.
void TestShiftJis::everyBmpCodePoint_agreesWithGlibcShiftJis()
{
    QList<char32_t> codePoints;
    QByteArray input;
    for (char32_t cp = 0x20; cp <= 0xFFFF; ++cp) {
        if (cp == 0x7F || (cp >= 0xD800 && cp <= 0xDFFF))
            continue; // DEL is a control character we refuse on purpose; surrogates are not characters
        codePoints.append(cp);
        input += QString::fromUcs4(&cp, 1).toUtf8() + '\n';
    }
    QProcess iconv;
    iconv.start(QStringLiteral("iconv"),
                {QStringLiteral("-c"), QStringLiteral("-f"), QStringLiteral("UTF-8"), QStringLiteral("-t"),
                 QStringLiteral("SHIFT_JIS")});
    QVERIFY2(iconv.waitForStarted(), "iconv (glibc's libc-bin) is needed as the test oracle");
    iconv.write(input);
    iconv.closeWriteChannel();
    QVERIFY(iconv.waitForFinished(60000));
    const QList<QByteArray> lines = iconv.readAllStandardOutput().split('\n');
    QVERIFY(lines.size() >= codePoints.size());

    int disagreements = 0;
    int printableCount = 0;
    for (qsizetype i = 0; i < codePoints.size(); ++i) {
        const bool glibc = !lines.at(i).isEmpty();
        const bool ours = ShiftJis::isPrintable(codePoints.at(i));
        printableCount += ours;
        if (glibc != ours && ++disagreements <= 10)
            qWarning("U+%04X: glibc %d, ours %d", unsigned(codePoints.at(i)), glibc, ours);
    }
    QCOMPARE(disagreements, 0);
    // 95 ASCII + 2 JIS X 0201 Roman + 63 half-width katakana + 6879 JIS X 0208 characters (plus
    // the few that glibc maps twice).
    QVERIFY2(printableCount > 7000 && printableCount < 7100, qPrintable(QString::number(printableCount)));
}

QTEST_GUILESS_MAIN(TestShiftJis)
#include "TestShiftJis.moc"
