#pragma once

#include <QString>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace konbini {

// Copies the ledger's write-ahead log into the database file from a thread of its own, with its
// own SQLite connection. SQLite would otherwise do it inside whichever commit crosses 1,000 WAL
// pages, on the window's thread: with synchronous=FULL that commit then waits for the copy and
// its fsync (about 60 ms during a large catch-up, a visible freeze). PASSIVE checkpoints never
// block the till's own reads and writes.
class WalCheckpointer
{
public:
    explicit WalCheckpointer(QString path, std::chrono::milliseconds every = std::chrono::seconds(2));
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Checkpoints done so far (tests).
    int checkpoints() const;

private:
    void run();

    QString m_path;
    std::chrono::milliseconds m_every;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    int m_checkpoints = 0;
    std::thread m_thread;
};

} // namespace konbini
