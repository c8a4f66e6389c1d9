#include "WalCheckpointer.h"

#include <QFile>
#include <QLoggingCategory>

#include <sqlite3.h>

Q_LOGGING_CATEGORY(lcCheckpoint, "konbini.ledger.checkpoint")

namespace konbini {

WalCheckpointer::WalCheckpointer(QString path, std::chrono::milliseconds every)
    : m_path(std::move(path)), m_every(every), m_thread([this] { run(); })
{
}

WalCheckpointer::~WalCheckpointer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

int WalCheckpointer::checkpoints() const
{
    std::lock_guard lock(m_mutex);
    return m_checkpoints;
}

void WalCheckpointer::run()
{
    sqlite3 *db = nullptr;
    // The file exists (the ledger opened it); never create one here.
    if (sqlite3_open_v2(QFile::encodeName(m_path).constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        nullptr)
        != SQLITE_OK) {
        qCWarning(lcCheckpoint) << "cannot open the ledger for checkpoints:" << sqlite3_errmsg(db);
        sqlite3_close(db);
        return;
    }
    sqlite3_busy_timeout(db, 1000);
    // A connection only knows the file is in WAL mode once it has read it.
    sqlite3_exec(db, "SELECT COUNT(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_wake.wait_for(lock, m_every, [this] { return m_stopping; });
        if (m_stopping)
            break;
        lock.unlock();
        int logFrames = 0;
        int copiedFrames = 0;
        const int result = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copiedFrames);
        if (result != SQLITE_OK && result != SQLITE_BUSY)
            qCWarning(lcCheckpoint) << "checkpoint failed:" << sqlite3_errmsg(db);
        lock.lock();
        ++m_checkpoints;
    }
    lock.unlock();
    sqlite3_close(db);
}

} // namespace konbini
