#ifndef AIRLOCK_CZSTD_SHIM_H
#define AIRLOCK_CZSTD_SHIM_H
#include <zstd.h>
#endif
