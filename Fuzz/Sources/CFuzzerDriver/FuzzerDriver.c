// Nothing to compile: the module only declares LLVMFuzzerRunDriver, which -sanitize=fuzzer links in.
#include "FuzzerDriver.h"
