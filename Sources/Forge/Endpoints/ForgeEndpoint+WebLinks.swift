import Foundation

extension ForgeEndpoint {
    /// Where people browse the forge, from its API root: api.github.com is github.com; the others
    /// (GitHub Enterprise `/api/v3`, Gitea `/api/v1`, GitLab `/api/v4`) lose their API path.
    package var webRoot: URL {
        if apiRoot.host == "api.github.com" { return URL(string: "https://github.com")! }
        var components = URLComponents(url: apiRoot, resolvingAgainstBaseURL: false)
        if let path = components?.path, let range = path.range(of: "/api/") {
            components?.path = String(path[..<range.lowerBound])
        }
        return components?.url ?? apiRoot
    }

    /// A file at a commit in the forge's web view, scrolled to `line` when given: GitHub
    /// `blob/SHA/PATH#L12`, Gitea `src/commit/SHA/PATH#L12`, GitLab `-/blob/SHA/PATH#L12`.
    package func blobURL(repository: String, commit: String, file: String, line: Int?) -> String {
        let view =
            switch kind {
            case .github: "blob"
            case .gitea: "src/commit"
            case .gitlab: "-/blob"
            }
        return webPath(repository + "/" + view + "/" + commit + "/" + file) + (line.map { "#L\($0)" } ?? "")
    }

    /// Unreserved characters, `/` and a few sub-delimiters stay; everything else (spaces, `#`, `?`,
    /// `%`, `&`, `=`, `;`) is escaped, so a file name cannot end the path early.
    static let pathCharacters = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/!$'()*+,:@")
}

extension ForgeEndpoint {
    /// A commit in the forge's web view.
    package func commitURL(repository: String, commit: String) -> String {
        webPath(repository + (kind == .gitlab ? "/-/commit/" : "/commit/") + commit)
    }

    /// A pull (merge) request in the forge's web view.
    package func pullRequestURL(repository: String, number: Int) -> String {
        let view =
            switch kind {
            case .github: "/pull/"
            case .gitea: "/pulls/"
            case .gitlab: "/-/merge_requests/"
            }
        return webPath(repository + view + String(number))
    }

    private func webPath(_ path: String) -> String {
        let root = webRoot.absoluteString
        return (root.hasSuffix("/") ? String(root.dropLast()) : root) + "/"
            + (path.addingPercentEncoding(withAllowedCharacters: Self.pathCharacters) ?? "")
    }
}
