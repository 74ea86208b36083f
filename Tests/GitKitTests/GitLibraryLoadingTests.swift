import Testing

@testable import GitKit

/// libgit2 is opened on first use (`dlopen`), not linked: a machine without it must get an error
/// that names the library, not a crash or a loader message at start.
@Suite struct GitLibraryLoadingTests {
    @Test func aMissingLibraryIsAnErrorNamingIt() {
        let error = #expect(throws: GitError.self) { try GitFunctions(library: "libgit2-not-installed.so.1") }
        #expect(error?.operation == "open libgit2")
        #expect(error?.message.contains("libgit2-not-installed.so.1 could not be opened") == true)
    }

    @Test func aLibraryThatIsNotLibgit2IsAnErrorNamingTheMissingFunction() {
        // libz is loaded in every shipshape process, and has no git_blob_create_from_buffer.
        let error = #expect(throws: GitError.self) { try GitFunctions(library: "libz.so.1") }
        #expect(error?.message.contains("libz.so.1 has no git_") == true)
    }

    @Test func theLibraryIsNamedWithTheHeadersABIVersion() {
        #expect(GitLibrary.fileName.hasPrefix("libgit2.so.1.") || GitLibrary.fileName.hasPrefix("libgit2.1."))
    }
}
