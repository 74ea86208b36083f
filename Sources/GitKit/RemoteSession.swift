internal import CGit2
import Foundation

/// The state libgit2's callbacks need during one remote operation: the token (offered once:
/// a refused token is an error, not a loop; offered only to the origin of the URL asked for, not
/// to a host a redirect leads to), and what the remote said about pushed refs.
/// Errors from this session never contain the token.
final class RemoteSession {
    let credentials: GitCredentials?
    var credentialAttempts = 0
    /// The URL the operation was asked for; the token goes only to its scheme, host and port.
    private var remoteURL: URL?
    var rejection: (reference: String, reason: String)?

    init(credentials: GitCredentials?) {
        self.credentials = credentials
    }

    func anonymousRemote(in repository: Repository, url: String, operation: String) throws(GitError) -> OpaquePointer {
        remoteURL = URL(string: url)
        if let credentials, let remoteURL, !credentials.mayTravel(to: remoteURL) {
            throw GitError(
                kind: .authentication, operation: operation,
                message:
                    "the token is not sent over plain http to \(remoteURL.host ?? "") (use https, or allow plain http for this host)"
            )
        }
        var remote: OpaquePointer?
        try check(git2.git_remote_create_anonymous(&remote, repository.pointer, url), operation)
        guard let remote else { throw GitError(kind: .notFound, operation: operation, message: "no remote") }
        return remote
    }

    func connect(_ remote: OpaquePointer, direction: git_direction, operation: String) throws(GitError) {
        var callbacks = git_remote_callbacks()
        try check(git2.git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION)), operation)
        install(in: &callbacks)
        try check(git2.git_remote_connect(remote, direction, &callbacks, nil, nil), operation)
    }

    func advertisedReferences(_ remote: OpaquePointer, operation: String) throws(GitError) -> [String: ObjectID] {
        var heads: UnsafeMutablePointer<UnsafePointer<git_remote_head>?>?
        var count = 0
        try check(git2.git_remote_ls(&heads, &count, remote), operation)
        var references: [String: ObjectID] = [:]
        for index in 0..<count {
            guard let head = heads?[index]?.pointee else { continue }
            references[String(cString: head.name)] = ObjectID(head.oid)
        }
        return references
    }

    func install(in callbacks: inout git_remote_callbacks) {
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        callbacks.credentials = { output, url, _, allowedTypes, payload in
            guard let payload else { return -1 }
            let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
            if session.credentials != nil, !session.isOrigin(url.map { String(cString: $0) }) {
                git2.git_error_set_str(
                    Int32(GIT_ERROR_NET.rawValue), "the remote redirected to another host, which gets no token")
                return GIT_EAUTH.rawValue
            }
            guard let credentials = session.credentials,
                allowedTypes & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0
            else {
                git2.git_error_set_str(
                    Int32(GIT_ERROR_NET.rawValue), "the remote asks for credentials and none were given")
                return GIT_EAUTH.rawValue
            }
            session.credentialAttempts += 1
            guard session.credentialAttempts == 1 else {
                git2.git_error_set_str(
                    Int32(GIT_ERROR_NET.rawValue), "authentication failed: the remote refused the token")
                return GIT_EAUTH.rawValue
            }
            return git2.git_credential_userpass_plaintext_new(output, credentials.username, credentials.token)
        }
        callbacks.push_update_reference = { reference, status, payload in
            guard let status, let payload else { return 0 }
            let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
            session.rejection = (reference.map { String(cString: $0) } ?? "?", String(cString: status))
            return 0
        }
    }

    /// Whether `url` (where libgit2 is asked to authenticate) has the scheme, host and port of
    /// the URL the operation was asked for.
    private func isOrigin(_ url: String?) -> Bool {
        guard let remoteURL, let url, let asked = URL(string: url) else { return false }
        return Self.isSameOrigin(asked, as: remoteURL)
    }

    /// Same scheme, host and port, a port left out being the scheme's default: libgit2 writes the
    /// URL it authenticates for without `:443` or `:80` even when the remote URL has it.
    static func isSameOrigin(_ asked: URL, as remote: URL) -> Bool {
        func port(_ url: URL) -> Int? { url.port ?? ["https": 443, "http": 80][url.scheme?.lowercased() ?? ""] }
        return asked.scheme?.lowercased() == remote.scheme?.lowercased()
            && asked.host?.lowercased() == remote.host?.lowercased()
            && port(asked) == port(remote)
    }

    /// Like `GitError.check`, with the token scrubbed from libgit2's message.
    func check(_ code: Int32, _ operation: @autoclosure () -> String) throws(GitError) {
        guard code < 0 else { return }
        var error = GitError.last(code: code, operation: operation())
        if credentialAttempts > 1 || code == GIT_EAUTH.rawValue { error.kind = .authentication }
        if let token = credentials?.token, !token.isEmpty {
            error.message = error.message.replacingOccurrences(of: token, with: "<redacted>")
        }
        throw error
    }
}
