#ifndef KEYSWEEP_CLIBCRYPTO_SHIM_H
#define KEYSWEEP_CLIBCRYPTO_SHIM_H
#include <openssl/evp.h>
#endif
