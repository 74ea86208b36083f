internal import CGit2

/// A unified diff of two versions of one file, written by libgit2's patch writer exactly as
/// `git diff` prints it (so `git apply` takes it, `\ No newline at end of file` included): for
/// `fix --dry-run`, upgrade reports and the patch offered on fork pull requests. libgit2's
/// Myers diff keeps memory linear in the file, where a table of both sides would not.
package enum UnifiedDiff {
    /// The diff from `old` to `new`, empty when they are the same bytes. Text is forced: a NUL
    /// byte in a manifest still gives a readable diff, never git's "Binary files differ".
    package static func render(old: [UInt8], new: [UInt8], path: String, context: Int = 3) throws(GitError) -> String {
        guard old != new else { return "" }
        try GitLibrary.load()
        var options = git_diff_options()
        try GitError.check(git2.git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "diff \(path)")
        options.context_lines = UInt32(clamping: max(0, context))
        options.flags = GIT_DIFF_FORCE_TEXT.rawValue
        var patch: OpaquePointer?
        let created = old.withUnsafeBytes { oldBytes in
            new.withUnsafeBytes { newBytes in
                git2.git_patch_from_buffers(
                    &patch, oldBytes.baseAddress, oldBytes.count, path, newBytes.baseAddress, newBytes.count, path,
                    &options)
            }
        }
        try GitError.check(created, "diff \(path)")
        defer { git2.git_patch_free(patch) }
        var buffer = git_buf()
        defer { git2.git_buf_dispose(&buffer) }
        try GitError.check(git2.git_patch_to_buf(&buffer, patch), "write the diff of \(path)")
        guard let pointer = buffer.ptr else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: buffer.size), as: UTF8.self)
    }

    package static func render(old: String, new: String, path: String, context: Int = 3) throws(GitError) -> String {
        try render(old: Array(old.utf8), new: Array(new.utf8), path: path, context: context)
    }
}
