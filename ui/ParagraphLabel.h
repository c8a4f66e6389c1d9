#pragma once

#include <QLabel>

namespace konbini::ui {

// Japanese breaks between any two characters, so a wrapped sentence can end on a line of its own
// holding one character and its full stop (「す。」). Joins the last characters of each paragraph
// that has Japanese in it with WORD JOINER (U+2060, invisible) so its last line keeps at least
// `keep` characters with the punctuation that follows them. Text without Japanese is unchanged.
QString withoutOrphans(const QString &text, int keep = 4);

// A word-wrapped label of plain-text sentences (messages, notices, hints) without orphans. The
// joiners go in only while a paragraph wraps at the label's width: the CJK fonts have no glyph for
// them, and the font fallback Qt then looks up costs milliseconds (at start-up, before the first
// paint) for text that fits on its line anyway.
class ParagraphLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ParagraphLabel(QWidget *parent = nullptr);
    ParagraphLabel(const QString &text, QWidget *parent);

    void setText(const QString &text);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void showForWidth();
    bool fitsOnOneLine() const;

    QString m_plain;
    QString m_joined;
    bool m_laidOut = false; // a layout has given the label its width
};

} // namespace konbini::ui
