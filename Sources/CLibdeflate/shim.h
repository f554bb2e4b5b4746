#ifndef KEYSWEEP_CLIBDEFLATE_SHIM_H
#define KEYSWEEP_CLIBDEFLATE_SHIM_H
#include <libdeflate.h>
#endif
