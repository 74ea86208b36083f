internal import CGit2

/// libgit2, opened (`dlopen`) and initialised once per process the first time a GitKit type needs
/// it, never at start: every way into GitKit (opening or creating a repository, hashing a blob,
/// diffing two texts) calls `load()` first. Never shut down (jobs come and go; the process lives
/// as long as they do).
enum GitLibrary {
    /// The library's file name, with the ABI version the headers were built against (`libgit2.so.1.5`).
    static let fileName = String(cString: shipshape_git2_library_name())

    private static let loaded: Result<GitFunctions, GitError> = Result { () throws(GitError) in
        try GitFunctions(library: fileName)
    }

    /// Opens libgit2 if this is the first call; throws, naming the library, when it cannot.
    static func load() throws(GitError) {
        let functions = try loaded.get()
        _ = functions.initialised
    }

    /// The functions; only called after `load()` succeeded, which every way into GitKit does.
    static var functions: shipshape_git2 {
        guard case .success(let functions) = loaded else {
            preconditionFailure("libgit2 used before GitLibrary.load() succeeded")
        }
        return functions.table
    }
}

/// The functions GitKit calls (`git2.git_tree_free(tree)`), from libgit2 as opened at run time.
var git2: shipshape_git2 { GitLibrary.functions }

/// libgit2's function table, filled by the C shim from the opened library.
/// `@unchecked Sendable`: it holds only function addresses, which never change.
final class GitFunctions: @unchecked Sendable {
    let table: shipshape_git2
    /// `git_libgit2_init`'s count of initialisations, made once with the table.
    let initialised: Int32

    init(library: String) throws(GitError) {
        let storage = UnsafeMutablePointer<shipshape_git2>.allocate(capacity: 1)
        defer { storage.deallocate() }
        var reason: UnsafePointer<CChar>?
        let status = shipshape_git2_load(library, storage, &reason)
        let text = reason.map { String(cString: $0) } ?? "unknown reason"
        guard status == 0 else {
            let message =
                status == 1
                ? "\(library) could not be opened (\(text)); install libgit2 \(String(cString: LIBGIT2_VERSION))"
                    + " (Debian and Ubuntu: the package whose name starts libgit2-1)"
                : "\(library) has no \(text): it is not libgit2"
            throw GitError(kind: .library(code: -1, errorClass: 0), operation: "open libgit2", message: message)
        }
        table = storage.pointee
        initialised = table.git_libgit2_init()
    }
}
