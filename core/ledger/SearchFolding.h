#pragma once

#include <QString>

namespace konbini {

// What the merchant's search compares: the text with full-width and half-width forms made one
// (ＡＢＣ１２３ → abc123, ﾔﾏﾀﾞ → やまだ), katakana as hiragana (ヤマダ → やまだ) and case folded. The
// ledger stores every voucher's search text folded so (the SQL function konbini_fold, registered
// on the ledger's connection) and the query is folded the same way.
QString foldForSearch(const QString &text);

} // namespace konbini
