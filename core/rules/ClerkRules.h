#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// What a clerk's name and PIN may be.
namespace konbini::ClerkRules {

inline constexpr int kMinimumPinDigits = 4;
inline constexpr int kMaximumPinDigits = 8;
inline constexpr int kMaximumNameLength = 40;

// The PIN as ASCII digits (full-width digits typed with the IME on count as digits); nullopt
// unless it is 4 to 8 digits and nothing else.
std::optional<QString> normalizedPin(QStringView typed);

// The name as kept (trimmed, inner runs of spaces as one); nullopt when empty, longer than 40
// characters or holding control characters.
std::optional<QString> normalizedName(QStringView typed);

} // namespace konbini::ClerkRules
