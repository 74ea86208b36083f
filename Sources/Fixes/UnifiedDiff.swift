/// A unified diff of two versions of a file, as `diff -u` prints it, for `fix --dry-run`.
public enum UnifiedDiff {
    public static func render(old: String, new: String, path: String, context: Int = 3) -> String {
        let before = lines(old), after = lines(new)
        guard before != after else { return "" }
        let script = operations(before, after)
        var output = "--- a/\(path)\n+++ b/\(path)\n"
        var index = 0
        while index < script.count {
            guard script[index].kind != .same else { index += 1; continue }
            let start = max(0, index - context)
            var end = index
            var lastChange = index
            while end < script.count, end - lastChange <= 2 * context {
                if script[end].kind != .same { lastChange = end }
                end += 1
            }
            end = min(script.count, lastChange + context + 1)
            let hunk = script[start..<end]
            let oldStart = hunk.first.map { $0.oldLine } ?? 0, newStart = hunk.first.map { $0.newLine } ?? 0
            let oldCount = hunk.filter { $0.kind != .added }.count, newCount = hunk.filter { $0.kind != .removed }.count
            output += "@@ -\(oldStart + 1),\(oldCount) +\(newStart + 1),\(newCount) @@\n"
            for operation in hunk {
                switch operation.kind {
                case .same: output += " \(operation.text)\n"
                case .removed: output += "-\(operation.text)\n"
                case .added: output += "+\(operation.text)\n"
                }
            }
            index = end
        }
        return output
    }

    private struct Operation {
        enum Kind { case same, removed, added }
        var kind: Kind
        var text: String
        var oldLine: Int
        var newLine: Int
    }

    private static func lines(_ text: String) -> [String] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if result.last == "" { result.removeLast() }
        return result
    }

    /// The edit script from the longest common subsequence of the lines that differ (the common
    /// head and tail are matched first, so fixed files cost what their edits span).
    private static func operations(_ old: [String], _ new: [String]) -> [Operation] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let a = Array(old[prefix..<(old.count - suffix)]), b = Array(new[prefix..<(new.count - suffix)])
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var script: [Operation] = (0..<prefix).map { Operation(kind: .same, text: old[$0], oldLine: $0, newLine: $0) }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                script.append(Operation(kind: .same, text: a[i], oldLine: prefix + i, newLine: prefix + j)); i += 1; j += 1
            } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                script.append(Operation(kind: .removed, text: a[i], oldLine: prefix + i, newLine: prefix + j)); i += 1
            } else {
                script.append(Operation(kind: .added, text: b[j], oldLine: prefix + i, newLine: prefix + j)); j += 1
            }
        }
        for offset in 0..<suffix {
            script.append(Operation(kind: .same, text: old[old.count - suffix + offset], oldLine: old.count - suffix + offset, newLine: new.count - suffix + offset))
        }
        return script
    }
}
