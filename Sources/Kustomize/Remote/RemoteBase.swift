import Foundation

/// A kustomization in another Git repository, as kustomize reads `resources:` entries such as
/// `https://github.com/org/repo//deploy/base?ref=v1.2`, `github.com/org/repo/deploy?ref=main`
/// or `git@github.com:org/repo.git//base?ref=v1`.
package struct RemoteBase: Sendable, Hashable, CustomStringConvertible {
    /// What Git clones.
    package var repository: String
    /// The folder inside the repository.
    package var path: String
    /// A branch, tag or commit; nil for the repository's default branch.
    package var ref: String?

    package var description: String {
        repository + (path.isEmpty ? "" : "//" + path) + (ref.map { "?ref=" + $0 } ?? "")
    }

    /// The folder the repository's files are placed under in a build: readable in findings,
    /// never a real path (`⟨github.com/org/repo@v1⟩`).
    var mountRoot: String {
        var name = repository
        if let scheme = name.range(of: "://") { name = String(name[scheme.upperBound...]) }
        if name.hasPrefix("git@") { name = String(name.dropFirst(4)).replacingOccurrences(of: ":", with: "/") }
        if name.hasSuffix(".git") { name = String(name.dropLast(4)) }
        // One path component (U+2215 for slashes), so `..` inside the repository cannot step
        // into a part of the mount root.
        return "⟨" + name.replacingOccurrences(of: "/", with: "∕") + "@" + (ref ?? "default") + "⟩"
    }

    package init(repository: String, path: String, ref: String?) {
        self.repository = repository
        self.path = path
        self.ref = ref
    }

    /// Reads a remote entry; nil for an http(s) URL of a single file (not a repository).
    init?(_ text: String) {
        var rest = text
        var ref: String?
        if let question = rest.firstIndex(of: "?") {
            let query = rest[rest.index(after: question)...]
            rest = String(rest[..<question])
            for pair in query.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2, parts[0] == "ref" || parts[0] == "version" { ref = parts[1] }
            }
        }
        var scheme = ""
        if let range = rest.range(of: "://") {
            scheme = String(rest[..<range.upperBound])
            rest = String(rest[range.upperBound...])
        } else if !rest.hasPrefix("git@") {
            scheme = "https://"
        }
        var repository: String
        var path: String
        if let double = rest.range(of: "//") {
            repository = String(rest[..<double.lowerBound])
            path = String(rest[double.upperBound...])
        } else if let git = rest.range(of: ".git/") {
            repository = String(rest[..<git.lowerBound]) + ".git"
            path = String(rest[git.upperBound...])
        } else if rest.hasSuffix(".git") {
            repository = rest
            path = ""
        } else {
            // `github.com/org/repo/path`: host, owner and name, then the folder.
            let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count >= 3,
                !(scheme.hasPrefix("http") && ref == nil && parts.last?.contains(".") == true && parts.count > 3)
            else { return nil }
            repository = parts.prefix(3).joined(separator: "/")
            path = parts.dropFirst(3).joined(separator: "/")
        }
        guard !repository.isEmpty else { return nil }
        self.init(
            repository: scheme + repository, path: path.trimmingCharacters(in: CharacterSet(charactersIn: "/")),
            ref: ref)
    }
}
