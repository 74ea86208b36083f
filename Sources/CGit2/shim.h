// libgit2 (Debian libgit2-dev, pkg-config libgit2; 1.5 or newer), opened at run time with dlopen
// (GitKit's GitLibrary) rather than linked: libgit2 and the libraries it needs (mbed TLS, libssh2
// and OpenSSL's libcrypto, PCRE2, http-parser) would otherwise be loaded and their symbols bound
// at the start of every shipshape process, though `check` never uses Git. git2.h gives the types
// and constants; the table's function types are taken from its declarations with __typeof__, so
// they cannot drift from the header.
#include <dlfcn.h>
#include <git2.h>

// Every libgit2 function GitKit calls. Swift calls them through the table (`git2.git_tree_free(tree)`).
#define SHIPSHAPE_GIT2_FUNCTIONS(X) \
    X(git_blob_create_from_buffer) \
    X(git_blob_free) \
    X(git_blob_lookup) \
    X(git_blob_rawcontent) \
    X(git_blob_rawsize) \
    X(git_buf_dispose) \
    X(git_commit_author) \
    X(git_commit_committer) \
    X(git_commit_create) \
    X(git_commit_free) \
    X(git_commit_lookup) \
    X(git_commit_message) \
    X(git_commit_parent_id) \
    X(git_commit_parentcount) \
    X(git_commit_tree) \
    X(git_credential_userpass_plaintext_new) \
    X(git_diff_find_options_init) \
    X(git_diff_find_similar) \
    X(git_diff_free) \
    X(git_diff_get_delta) \
    X(git_diff_num_deltas) \
    X(git_diff_options_init) \
    X(git_diff_tree_to_tree) \
    X(git_error_last) \
    X(git_error_set_str) \
    X(git_fetch_options_init) \
    X(git_libgit2_init) \
    X(git_merge_base) \
    X(git_object_free) \
    X(git_object_id) \
    X(git_object_peel) \
    X(git_odb_free) \
    X(git_odb_hash) \
    X(git_odb_read_header) \
    X(git_patch_free) \
    X(git_patch_from_buffers) \
    X(git_patch_from_diff) \
    X(git_patch_get_delta) \
    X(git_patch_get_hunk) \
    X(git_patch_get_line_in_hunk) \
    X(git_patch_num_hunks) \
    X(git_patch_to_buf) \
    X(git_push_options_init) \
    X(git_reference_create) \
    X(git_reference_free) \
    X(git_remote_connect) \
    X(git_remote_create_anonymous) \
    X(git_remote_disconnect) \
    X(git_remote_fetch) \
    X(git_remote_free) \
    X(git_remote_init_callbacks) \
    X(git_remote_ls) \
    X(git_remote_stats) \
    X(git_remote_upload) \
    X(git_repository_free) \
    X(git_repository_init) \
    X(git_repository_odb) \
    X(git_repository_open_ext) \
    X(git_revparse_single) \
    X(git_signature_free) \
    X(git_signature_new) \
    X(git_signature_now) \
    X(git_tree_create_updated) \
    X(git_tree_entry_byindex) \
    X(git_tree_entry_bypath) \
    X(git_tree_entry_filemode) \
    X(git_tree_entry_free) \
    X(git_tree_entry_id) \
    X(git_tree_entry_name) \
    X(git_tree_entrycount) \
    X(git_tree_free) \
    X(git_tree_lookup)

#define SHIPSHAPE_GIT2_FIELD(name) __typeof__(&name) _Nonnull name;
struct shipshape_git2 {
    SHIPSHAPE_GIT2_FUNCTIONS(SHIPSHAPE_GIT2_FIELD)
};
#undef SHIPSHAPE_GIT2_FIELD

// The library the headers describe: libgit2's ABI changes with every minor release, so its file
// name carries the version (libgit2.so.1.5), as the dynamic loader would have looked it up.
static inline const char *shipshape_git2_library_name(void) {
#ifdef __APPLE__
    return "libgit2." LIBGIT2_SOVERSION ".dylib";
#else
    return "libgit2.so." LIBGIT2_SOVERSION;
#endif
}

// Opens the library at `path` and fills `functions`. Returns 0, or 1 when the library cannot be
// opened (the loader's reason in `*reason`), or 2 when it lacks a function (its name in `*reason`).
static inline int shipshape_git2_load(const char *path, struct shipshape_git2 *functions, const char **reason) {
    void *library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        *reason = dlerror();
        return 1;
    }
#define SHIPSHAPE_GIT2_LOAD(name) \
    if ((functions->name = (__typeof__(&name))dlsym(library, #name)) == NULL) { \
        *reason = #name; \
        return 2; \
    }
    SHIPSHAPE_GIT2_FUNCTIONS(SHIPSHAPE_GIT2_LOAD)
#undef SHIPSHAPE_GIT2_LOAD
    return 0;
}
