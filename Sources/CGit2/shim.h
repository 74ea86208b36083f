// libgit2 (Debian libgit2-dev, pkg-config libgit2; 1.5 or newer). Only what Swift cannot
// import directly lives here: git_libgit2_opts is variadic.
#include <git2.h>

static inline int shipshape_git_set_ssl_cert_file(const char * _Nullable file) {
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, (const char *)0);
}
