// libzstd (Debian libzstd-dev), for zstd-compressed image layers read in process.
#include <zstd.h>
