// libcurl (Debian libcurl4-openssl-dev, pkg-config libcurl), opened at run time with dlopen
// (HTTPKit's CurlFunctions) rather than linked: libcurl needs 32 shared libraries, and loading
// and binding them cost every shipshape process most of its start-up, though most never make a
// request. curl.h gives the types and constants; the function types below are taken from its
// declarations with __typeof__, so they cannot drift from the header.
#include <curl/curl.h>

typedef __typeof__(&curl_global_init) shipshape_curl_global_init_fn;
typedef __typeof__(&curl_easy_strerror) shipshape_curl_easy_strerror_fn;
typedef __typeof__(&curl_easy_init) shipshape_curl_easy_init_fn;
typedef __typeof__(&curl_easy_cleanup) shipshape_curl_easy_cleanup_fn;
typedef __typeof__(&curl_easy_reset) shipshape_curl_easy_reset_fn;
typedef __typeof__(&curl_easy_perform) shipshape_curl_easy_perform_fn;
typedef __typeof__(&curl_slist_append) shipshape_curl_slist_append_fn;
typedef __typeof__(&curl_slist_free_all) shipshape_curl_slist_free_all_fn;

// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift can neither call nor hold as
// a function type: Swift keeps their addresses untyped, and these typed wrappers call them.
typedef __typeof__(&curl_easy_setopt) shipshape_curl_easy_setopt_fn;
typedef __typeof__(&curl_easy_getinfo) shipshape_curl_easy_getinfo_fn;

static inline CURLcode shipshape_curl_setopt_long(void *setopt, CURL *handle, CURLoption option, long value) {
    return ((shipshape_curl_easy_setopt_fn)setopt)(handle, option, value);
}
static inline CURLcode shipshape_curl_setopt_string(void *setopt, CURL *handle, CURLoption option, const char *value) {
    return ((shipshape_curl_easy_setopt_fn)setopt)(handle, option, value);
}
static inline CURLcode shipshape_curl_setopt_pointer(void *setopt, CURL *handle, CURLoption option, void *value) {
    return ((shipshape_curl_easy_setopt_fn)setopt)(handle, option, value);
}
static inline CURLcode shipshape_curl_setopt_offset(void *setopt, CURL *handle, CURLoption option, curl_off_t value) {
    return ((shipshape_curl_easy_setopt_fn)setopt)(handle, option, value);
}
static inline CURLcode shipshape_curl_setopt_write_function(void *setopt, CURL *handle, size_t (*function)(char *, size_t, size_t, void *)) {
    return ((shipshape_curl_easy_setopt_fn)setopt)(handle, CURLOPT_WRITEFUNCTION, function);
}
static inline CURLcode shipshape_curl_setopt_header_function(void *setopt, CURL *handle, size_t (*function)(char *, size_t, size_t, void *)) {
    return ((shipshape_curl_easy_setopt_fn)setopt)(handle, CURLOPT_HEADERFUNCTION, function);
}
static inline CURLcode shipshape_curl_setopt_xferinfo_function(void *setopt, CURL *handle, int (*function)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t)) {
    return ((shipshape_curl_easy_setopt_fn)setopt)(handle, CURLOPT_XFERINFOFUNCTION, function);
}
static inline CURLcode shipshape_curl_getinfo_long(void *getinfo, CURL *handle, CURLINFO info, long *value) {
    return ((shipshape_curl_easy_getinfo_fn)getinfo)(handle, info, value);
}
static inline CURLcode shipshape_curl_getinfo_string(void *getinfo, CURL *handle, CURLINFO info, char **value) {
    return ((shipshape_curl_easy_getinfo_fn)getinfo)(handle, info, value);
}
