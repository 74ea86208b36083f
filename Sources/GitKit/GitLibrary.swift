internal import CGit2

/// libgit2 is initialised once per process, the first time any GitKit type needs it; the
/// library is never shut down (jobs come and go; the process lives as long as they do).
enum GitLibrary {
    private static let initialised: Int32 = git_libgit2_init()

    static func ensureInitialised() {
        _ = initialised
    }

    /// Trusts the certificates in `file` (PEM) for HTTPS remotes: GitHub Enterprise and
    /// self-hosted Gitea or GitLab behind an internal CA.
    static func useCertificateBundle(_ file: String) throws(GitError) {
        ensureInitialised()
        try GitError.check(shipshape_git_set_ssl_cert_file(file), "use the CA bundle \(file)")
    }
}
