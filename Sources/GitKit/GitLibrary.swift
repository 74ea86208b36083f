internal import CGit2

/// libgit2 is initialised once per process, the first time any GitKit type needs it; the
/// library is never shut down (jobs come and go; the process lives as long as they do).
enum GitLibrary {
    private static let initialised: Int32 = git_libgit2_init()

    static func ensureInitialised() {
        _ = initialised
    }
}
