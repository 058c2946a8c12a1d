#ifndef SITREP_CFILESWAP_H
#define SITREP_CFILESWAP_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE): at every instant each path names
/// either the old or the new folder, never nothing. Returns 0, or -1 with errno set (EINVAL or ENOSYS where
/// the file system or kernel cannot do it).
int sitrep_exchange_paths(const char *first, const char *second);

/// Flushes everything written to the file system that holds `path` to disk in one call (Linux syncfs; fsync
/// of `path` elsewhere), so a staged site is durable before it is swapped in without an fsync per file.
/// Returns 0, or -1 with errno set.
int sitrep_sync_filesystem(const char *path);

#endif
