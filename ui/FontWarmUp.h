#pragma once

#include <thread>

namespace konbini::ui {

// Start-up: the font database and the fallback fonts for Japanese text (fontconfig's work, shared
// by all threads) are looked up on another core while the main thread opens the till and builds
// the counter; the main thread's first text layout then finds them ready. Joined when destroyed.
class FontWarmUp
{
public:
    FontWarmUp();
    ~FontWarmUp();
    FontWarmUp(const FontWarmUp &) = delete;
    FontWarmUp &operator=(const FontWarmUp &) = delete;

private:
    std::thread m_thread;
};

} // namespace konbini::ui
