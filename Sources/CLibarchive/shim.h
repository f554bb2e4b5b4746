#ifndef KEYSWEEP_CLIBARCHIVE_SHIM_H
#define KEYSWEEP_CLIBARCHIVE_SHIM_H
#include <archive.h>
#include <archive_entry.h>

/* libarchive is loaded when the first archive is read (Archive/LibArchive.swift), not linked:
 * linked, it and the libraries it needs (libxml2, ICU, nettle, ...) cost every run about 2 ms
 * at start-up, a tenth of a pre-commit hook's time. Each function's pointer type is taken from
 * libarchive's own declaration, so a pointer found by name is called as the header declares it. */
#define KEYSWEEP_ARCHIVE_FUNCTION(name) typedef __typeof__(name) *keysweep_##name##_t;
KEYSWEEP_ARCHIVE_FUNCTION(archive_read_new)
KEYSWEEP_ARCHIVE_FUNCTION(archive_read_free)
KEYSWEEP_ARCHIVE_FUNCTION(archive_read_support_format_zip)
KEYSWEEP_ARCHIVE_FUNCTION(archive_read_support_format_tar)
KEYSWEEP_ARCHIVE_FUNCTION(archive_read_support_format_raw)
KEYSWEEP_ARCHIVE_FUNCTION(archive_read_support_filter_gzip)
KEYSWEEP_ARCHIVE_FUNCTION(archive_read_support_filter_bzip2)
KEYSWEEP_ARCHIVE_FUNCTION(archive_read_support_filter_xz)
KEYSWEEP_ARCHIVE_FUNCTION(archive_read_support_filter_zstd)
KEYSWEEP_ARCHIVE_FUNCTION(archive_read_open)
KEYSWEEP_ARCHIVE_FUNCTION(archive_read_open_fd)
KEYSWEEP_ARCHIVE_FUNCTION(archive_read_open_memory2)
KEYSWEEP_ARCHIVE_FUNCTION(archive_read_next_header)
KEYSWEEP_ARCHIVE_FUNCTION(archive_read_data)
KEYSWEEP_ARCHIVE_FUNCTION(archive_filter_bytes)
KEYSWEEP_ARCHIVE_FUNCTION(archive_format_name)
KEYSWEEP_ARCHIVE_FUNCTION(archive_error_string)
KEYSWEEP_ARCHIVE_FUNCTION(archive_entry_pathname)
KEYSWEEP_ARCHIVE_FUNCTION(archive_entry_pathname_utf8)
KEYSWEEP_ARCHIVE_FUNCTION(archive_entry_size)
KEYSWEEP_ARCHIVE_FUNCTION(archive_entry_size_is_set)
KEYSWEEP_ARCHIVE_FUNCTION(archive_entry_filetype)
KEYSWEEP_ARCHIVE_FUNCTION(archive_entry_is_data_encrypted)
#undef KEYSWEEP_ARCHIVE_FUNCTION

#endif
