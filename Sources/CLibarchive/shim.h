#ifndef KEYSWEEP_CLIBARCHIVE_SHIM_H
#define KEYSWEEP_CLIBARCHIVE_SHIM_H
#include <archive.h>
#include <archive_entry.h>
#endif
