#include "ParagraphLabel.h"

#include <QApplication>
#include <QFile>
#include <QTest>
#include <QTextLayout>
#include <QXmlStreamReader>

using namespace konbini::ui;

namespace {

constexpr QChar kWordJoiner(0x2060);

// The Japanese sentences the app shows: every translation in the catalogue that wraps.
QStringList japaneseSentences()
{
    QFile file(QStringLiteral(KONBINI_SOURCE_DIR "/translations/konbini_ja.ts"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("no catalogue");
    QXmlStreamReader xml(&file);
    QStringList sentences;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"translation") {
            QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
            if (text.size() < 12 || text.contains(u'<'))
                continue; // short captions do not wrap; rich text is not a ParagraphLabel's
            // As shown: the placeholders filled with what they hold.
            text.replace(QStringLiteral("%1"), QStringLiteral("山田 花子"))
                .replace(QStringLiteral("%2"), QStringLiteral("¥12,000"))
                .replace(QStringLiteral("%3"), QStringLiteral("2026年12月2日(水) 23:59"))
                .replace(QStringLiteral("%4"), QStringLiteral("支払い待ち"))
                .replace(QStringLiteral("%n"), QStringLiteral("3"));
            sentences << text;
        }
    }
    return sentences;
}

// Characters on the last line of `paragraph` laid out `width` pixels wide (word joiners not counted),
// or -1 when it fits on one line.
int lastLineCharacters(const QString &paragraph, const QFont &font, int width)
{
    QTextLayout layout(paragraph, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WordWrap);
    layout.setTextOption(option);
    layout.beginLayout();
    int lines = 0;
    QString last;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        last = paragraph.mid(line.textStart(), line.textLength());
        ++lines;
    }
    layout.endLayout();
    return lines <= 1 ? -1 : int(last.remove(kWordJoiner).trimmed().toUcs4().size());
}

} // namespace

class TestParagraphLabel : public QObject
{
    Q_OBJECT

private slots:
    void englishAndShortText_areUnchanged();
    void japanese_joinsTheLastCharacters();
    void emojiAtTheEnd_isNotSplit();
    void joiners_onlyWhileTheTextWraps();
    void label_showsNoLoneCharacterAtAnyWidth();
};

void TestParagraphLabel::englishAndShortText_areUnchanged()
{
    QCOMPARE(withoutOrphans(QStringLiteral("Check the network, then press Enter.")),
             QStringLiteral("Check the network, then press Enter."));
    QCOMPARE(withoutOrphans(QString()), QString());
    QCOMPARE(withoutOrphans(QStringLiteral("はい")), QStringLiteral("は\u2060い"));
}

void TestParagraphLabel::japanese_joinsTheLastCharacters()
{
    const QString text = QStringLiteral("お支払い方法が表示されます。");
    const QString joined = withoutOrphans(text);
    QCOMPARE(QString(joined).remove(kWordJoiner), text); // nothing else changes
    QVERIFY(joined.endsWith(QStringLiteral("さ\u2060れ\u2060ま\u2060す\u2060。")));
    QCOMPARE(withoutOrphans(joined), joined); // once is enough
    // Each paragraph on its own; a notice added below one already done is done too.
    const QString two = withoutOrphans(joined + u'\n' + QStringLiteral("もう一度お試しください。"));
    QVERIFY(two.endsWith(QStringLiteral("さ\u2060い\u2060。")));
    QCOMPARE(two.count(kWordJoiner), joined.count(kWordJoiner) + 5);
}

void TestParagraphLabel::emojiAtTheEnd_isNotSplit()
{
    const QString text = QStringLiteral("山田 花子 様 🍙🍙");
    const QString joined = withoutOrphans(text);
    QCOMPARE(QString(joined).remove(kWordJoiner).replace(QChar(0x00a0), u' '), text);
    QVERIFY(joined.contains(QChar(0x00a0))); // the space before the tail does not break
    for (qsizetype i = 0; i < joined.size(); ++i) {
        if (joined.at(i) == kWordJoiner)
            QVERIFY2(i == 0 || !joined.at(i - 1).isHighSurrogate(), "a joiner inside a surrogate pair");
    }
}

// Joiners only while the text wraps: none in a label wide enough for its line (the CJK font has
// no glyph for them, and looking up a fallback font costs start-up milliseconds), back as soon
// as a narrower width wraps it, and none before any layout has given the label a width.
void TestParagraphLabel::joiners_onlyWhileTheTextWraps()
{
    const QString text = QStringLiteral("設定で店舗名を入力してください。");
    ParagraphLabel label;
    label.setText(text);
    QCOMPARE(label.text(), text); // not laid out yet: what a layout measures has no joiner
    label.show();
    label.resize(QFontMetrics(label.font()).horizontalAdvance(text) * 2, 100);
    QCOMPARE(label.text(), text);
    label.resize(QFontMetrics(label.font()).horizontalAdvance(text) / 2, 100);
    QCOMPARE(label.text(), withoutOrphans(text));
    QVERIFY(label.text().contains(kWordJoiner));
    label.resize(QFontMetrics(label.font()).horizontalAdvance(text) * 2, 100);
    QCOMPARE(label.text(), text);
    // A larger font at the same width can make it wrap.
    QFont large = label.font();
    large.setPointSizeF(large.pointSizeF() * 4);
    label.setFont(large);
    QVERIFY(label.text().contains(kWordJoiner));
}

void TestParagraphLabel::label_showsNoLoneCharacterAtAnyWidth()
{
    QFont font = QApplication::font();
    font.setFamilies({font.family(), QStringLiteral("Noto Sans CJK JP")});
    const QStringList sentences = japaneseSentences();
    QVERIFY(sentences.size() > 50);
    QStringList orphans;
    int before = 0;
    for (const QString &sentence : sentences) {
        for (const QString &paragraph : sentence.split(u'\n')) {
            if (paragraph.trimmed().isEmpty())
                continue;
            ParagraphLabel label;
            label.setFont(font);
            label.setText(paragraph);
            label.show(); // the label chooses its text for the width it is given
            for (int width = 200; width <= 640; width += 4) { // the narrowest wrapped label is wider
                label.resize(width, 200);
                const int plain = lastLineCharacters(paragraph, font, width);
                before += plain >= 0 && plain <= 2;
                const int shown = lastLineCharacters(label.text(), font, width);
                if (shown >= 0 && shown <= 2) {
                    orphans << QStringLiteral("%1 px: %2").arg(width).arg(paragraph);
                    break;
                }
            }
        }
    }
    qInfo("widths at which the plain text would leave one or two characters alone: %d", before);
    QVERIFY(before > 0); // the catalogue does have sentences that would
    QVERIFY2(orphans.isEmpty(), qPrintable(orphans.mid(0, 10).join(u'\n')));
}

QTEST_MAIN(TestParagraphLabel)
#include "TestParagraphLabel.moc"
