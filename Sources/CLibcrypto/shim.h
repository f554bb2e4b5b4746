#ifndef KEYSWEEP_CLIBCRYPTO_SHIM_H
#define KEYSWEEP_CLIBCRYPTO_SHIM_H
#include <openssl/evp.h>
#include <openssl/ec.h>
#include <openssl/bn.h>
#include <openssl/obj_mac.h>
#include <openssl/provider.h>
#include <openssl/pkcs12.h>
#endif
