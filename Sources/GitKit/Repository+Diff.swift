internal import CGit2
import Diffs
internal import FileNames

extension Repository {
    /// The tree-to-tree diff from `base` to `head`: every changed file, renames found, and for
    /// each text file its hunks and the new-side lines it added. Nothing is checked out.
    package func diff(from base: ObjectID, to head: ObjectID, contextLines: Int = 3) throws(GitError) -> [FileChange] {
        try exclusive { () throws(GitError) -> [FileChange] in
            let operation = "diff \(base.short)..\(head.short)"
            let oldTree = try tree(of: base)
            defer { git2.git_tree_free(oldTree) }
            let newTree = try tree(of: head)
            defer { git2.git_tree_free(newTree) }

            var options = git_diff_options()
            try GitError.check(git2.git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), operation)
            options.context_lines = UInt32(contextLines)
            var diff: OpaquePointer?
            try GitError.check(git2.git_diff_tree_to_tree(&diff, pointer, oldTree, newTree, &options), operation)
            defer { git2.git_diff_free(diff) }

            var findOptions = git_diff_find_options()
            try GitError.check(
                git2.git_diff_find_options_init(&findOptions, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)), operation)
            findOptions.flags = GIT_DIFF_FIND_RENAMES.rawValue
            try GitError.check(git2.git_diff_find_similar(diff, &findOptions), "\(operation): find renames")

            var changes: [FileChange] = []
            for index in 0..<git2.git_diff_num_deltas(diff) {
                guard let delta = git2.git_diff_get_delta(diff, index)?.pointee else { continue }
                changes.append(try change(in: diff, at: index, delta: delta, operation: operation))
            }
            return changes
        }
    }

    private func change(in diff: OpaquePointer?, at index: Int, delta: git_diff_delta, operation: String)
        throws(GitError) -> FileChange
    {
        let newPath = FileName.string(fromCString: delta.new_file.path)
        let oldPath = FileName.string(fromCString: delta.old_file.path)
        let kind: FileChange.Kind
        switch delta.status {
        case GIT_DELTA_ADDED: kind = .added
        case GIT_DELTA_DELETED: kind = .deleted
        case GIT_DELTA_RENAMED: kind = .renamed
        case GIT_DELTA_COPIED: kind = .copied
        case GIT_DELTA_TYPECHANGE: kind = .typeChanged
        default: kind = .modified
        }
        var change = FileChange(
            path: kind == .deleted ? oldPath : newPath,
            oldPath: oldPath != newPath ? oldPath : nil, kind: kind)

        var patch: OpaquePointer?
        try GitError.check(
            git2.git_patch_from_diff(&patch, diff, index), "\(operation): read the changes of \(newPath)")
        defer { git2.git_patch_free(patch) }
        let flags = git2.git_patch_get_delta(patch)?.pointee.flags ?? delta.flags
        change.isBinary = flags & GIT_DIFF_FLAG_BINARY.rawValue != 0
        guard !change.isBinary, patch != nil else { return change }

        var added: [Int] = []
        for hunkIndex in 0..<git2.git_patch_num_hunks(patch) {
            var hunk: UnsafePointer<git_diff_hunk>?
            var lineCount = 0
            try GitError.check(
                git2.git_patch_get_hunk(&hunk, &lineCount, patch, hunkIndex), "\(operation): read a hunk of \(newPath)")
            guard let header = hunk?.pointee else { continue }
            change.hunks.append(
                Hunk(
                    oldStart: Int(header.old_start), oldCount: Int(header.old_lines),
                    newStart: Int(header.new_start), newCount: Int(header.new_lines)))
            for lineIndex in 0..<lineCount {
                var line: UnsafePointer<git_diff_line>?
                try GitError.check(
                    git2.git_patch_get_line_in_hunk(&line, patch, hunkIndex, lineIndex),
                    "\(operation): read a line of \(newPath)")
                if let line = line?.pointee, line.origin == CChar(UInt8(ascii: "+")), line.new_lineno > 0 {
                    added.append(Int(line.new_lineno))
                }
            }
        }
        change.addedLines = .ranges(of: added)
        return change
    }
}
