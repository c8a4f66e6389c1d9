#include "ParagraphLabel.h"

#include <QEvent>
#include <QFontMetrics>
#include <QStringList>
#include <QTextBoundaryFinder>

namespace konbini::ui {
namespace {

constexpr QChar kWordJoiner(0x2060);

bool isJapanese(char32_t c)
{
    return (c >= 0x3000 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)
        || (c >= 0xff00 && c <= 0xffef);
}

// Closing punctuation stays with the character before it anyway, and a space is not a character a
// reader counts: neither makes the last line long enough.
bool isClosing(QChar c)
{
    return QStringLiteral("。、．，）」』】〕！？…ー").contains(c) || c.isPunct() || c.isSpace();
}

QString joinTail(const QString &paragraph, int keep)
{
    const QStringView view(paragraph);
    bool japanese = false;
    for (char32_t c : view.toUcs4())
        japanese = japanese || isJapanese(c);
    if (!japanese)
        return paragraph;
    // Grapheme boundaries from the end: never inside a surrogate pair or a combining sequence.
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, paragraph);
    graphemes.toEnd();
    QList<qsizetype> joins;
    int counted = 0;
    while (counted < keep) {
        const qsizetype start = graphemes.toPreviousBoundary();
        if (start <= 0)
            break;
        if (!isClosing(paragraph.at(start)))
            ++counted;
        joins.append(start); // a space too: "山田 花子 様" does not leave 様 alone
    }
    QString joined = paragraph;
    for (qsizetype at : joins) { // from the end: earlier positions stay valid
        // Qt breaks at a space whatever joins it: a space in the tail becomes a no-break space.
        if (joined.at(at) == u' ')
            joined[at] = QChar(0x00a0);
        joined.insert(at, kWordJoiner);
    }
    return joined;
}

} // namespace

QString withoutOrphans(const QString &text, int keep)
{
    QStringList paragraphs = text.split(u'\n');
    for (QString &paragraph : paragraphs) {
        if (!paragraph.contains(kWordJoiner)) // not done already (text built from a label's own)
            paragraph = joinTail(paragraph, keep);
    }
    return paragraphs.join(u'\n');
}

ParagraphLabel::ParagraphLabel(QWidget *parent) : ParagraphLabel(QString(), parent)
{
}

ParagraphLabel::ParagraphLabel(const QString &text, QWidget *parent) : QLabel(parent)
{
    setTextFormat(Qt::PlainText); // what customers and Stripe wrote is shown as written
    setWordWrap(true);
    setText(text);
}

void ParagraphLabel::setText(const QString &text)
{
    m_plain = text;
    m_joined = withoutOrphans(text);
    showForWidth();
}

void ParagraphLabel::resizeEvent(QResizeEvent *event)
{
    m_laidOut = true;
    showForWidth();
    QLabel::resizeEvent(event);
}

void ParagraphLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        showForWidth();
    QLabel::changeEvent(event);
}

// Before its first layout the label's width is not known: the plain text, whose size is the same,
// is what the layout measures; the first resize then decides.
void ParagraphLabel::showForWidth()
{
    const bool joined = m_joined != m_plain && m_laidOut && !fitsOnOneLine();
    const QString &shown = joined ? m_joined : m_plain;
    if (QLabel::text() != shown)
        QLabel::setText(shown);
}

// With a character's width to spare: when in doubt the joiners go in (they are never wrong).
bool ParagraphLabel::fitsOnOneLine() const
{
    const int available = contentsRect().width() - 2 * margin() - qMax(indent(), 0);
    const QFontMetrics metrics(font());
    const int spare = metrics.averageCharWidth();
    for (const QString &paragraph : m_plain.split(u'\n')) {
        if (metrics.horizontalAdvance(paragraph) + spare > available)
            return false;
    }
    return true;
}

} // namespace konbini::ui
