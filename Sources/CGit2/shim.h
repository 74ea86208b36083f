// libgit2 (Debian libgit2-dev, pkg-config libgit2; 1.5 or newer), imported whole: everything
// Shipshape calls is importable as is.
#include <git2.h>
