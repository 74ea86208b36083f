// zlib (Debian zlib1g-dev), for gzip archives read in process.
#include <zlib.h>
