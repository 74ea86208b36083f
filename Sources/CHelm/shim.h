// The functions of libhelm_c (Helm v4's Go SDK built as a C library, project helm-c-sdk) that
// Shipshape calls, as function-pointer types: the library is opened at run time with dlopen, so
// shipshape builds and runs without it and renders charts only where it is installed.
// Signatures as the library's API documentation gives them; every `char**` result is freed with
// helm_free_string; a 0 return is success, anything else an error whose text is in error_out.
#include <stdint.h>

typedef uint64_t helm_handle_t;

typedef const char *(*shipshape_helm_version_fn)(void);
typedef void (*shipshape_helm_free_string_fn)(char *string);
typedef int32_t (*shipshape_helm_chart_load_fn)(const char *path, helm_handle_t *out, char **error_out);
typedef int32_t (*shipshape_helm_chart_load_archive_fn)(const uint8_t *bytes, uint64_t length, helm_handle_t *out, char **error_out);
typedef int32_t (*shipshape_helm_chart_free_fn)(helm_handle_t chart, char **error_out);
typedef int32_t (*shipshape_helm_chart_json_fn)(helm_handle_t chart, char **out, char **error_out);
typedef int32_t (*shipshape_helm_render_fn)(helm_handle_t chart, const char *values_json, const char *options_json,
                                            char **out, char **error_out);
