#ifndef HWC_CSQLITE_SHIM_H
#define HWC_CSQLITE_SHIM_H
#include <sqlite3.h>

/// SQLITE_TRANSIENT is a macro cast of -1 that Swift cannot import; bind through these instead.
static inline int hwc_bind_text(sqlite3_stmt *stmt, int index, const char *text, int length) {
  return sqlite3_bind_text(stmt, index, text, length, SQLITE_TRANSIENT);
}

static inline int hwc_bind_blob(sqlite3_stmt *stmt, int index, const void *bytes, int length) {
  return sqlite3_bind_blob(stmt, index, bytes, length, SQLITE_TRANSIENT);
}

static inline void hwc_result_text(sqlite3_context *context, const char *text, int length) {
  sqlite3_result_text(context, text, length, SQLITE_TRANSIENT);
}

/// sqlite3_db_config is variadic; Swift cannot call it directly.
static inline int hwc_db_config_defensive(sqlite3 *db, int on) {
  return sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, on, (int *)0);
}

/// Pages a transaction writes before its own commit checkpoints them (issue #12).
#define HWC_OWN_CHECKPOINT_PAGES 1000
/// Frames the log may hold, written by small transactions, before one of them checkpoints.
#define HWC_WAL_BOUND_FRAMES 10000

/// The WAL policy, run by SQLite after each commit: a transaction that wrote at least
/// HWC_OWN_CHECKPOINT_PAGES pages checkpoints the log (PASSIVE: it never waits for a reader),
/// so a small transaction never pays for someone else's big checkpoint; small transactions
/// checkpoint only when the log has grown past HWC_WAL_BOUND_FRAMES. Replaces SQLite's
/// automatic checkpoint, which makes whichever commit crosses 1,000 frames copy the whole log.
static int hwc_wal_policy(void *context, sqlite3 *db, const char *name, int frames) {
  (void)context;
  int written = 0, highwater = 0;
  /* Pages this connection wrote since the last commit's call (the counter is reset). */
  sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_WRITE, &written, &highwater, 1);
  if (written >= HWC_OWN_CHECKPOINT_PAGES || frames >= HWC_WAL_BOUND_FRAMES) {
    sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, (int *)0, (int *)0);
  }
  return SQLITE_OK;
}

/// Installs `hwc_wal_policy` on a connection.
static inline void hwc_install_wal_policy(sqlite3 *db) {
  sqlite3_wal_hook(db, hwc_wal_policy, (void *)0);
}
#endif
