internal import CGit2

/// A libgit2 failure: the operation Shipshape was doing, libgit2's own message and error class,
/// and its return code. Never contains credentials (URLs are redacted before they get here).
package struct GitError: Error, Sendable, CustomStringConvertible {
    package enum Kind: Sendable, Equatable {
        /// libgit2 returned an error.
        case library(code: Int32, errorClass: Int32)
        /// The remote refused our credentials.
        case authentication
        /// The remote ref moved: someone pushed since we looked (push with lease).
        case leaseConflict(expected: ObjectID?, actual: ObjectID?)
        /// The remote rejected a pushed ref.
        case pushRejected(reference: String, reason: String)
        /// A path or revision that does not exist.
        case notFound
        /// A tree or blob past the limits GitKit reads (`TreeLimits`, `Repository.maximumBlobBytes`).
        case tooLarge
    }

    package var kind: Kind
    /// What Shipshape was doing: `fetch https://github.com/org/repo`, `read blob deploy/app.yaml`...
    package var operation: String
    package var message: String

    package init(kind: Kind, operation: String, message: String) {
        self.kind = kind
        self.operation = operation
        self.message = message
    }

    package var description: String { "\(operation): \(message)" }

    /// Turns a libgit2 return code into a thrown error carrying libgit2's last message.
    static func check(_ code: Int32, _ operation: @autoclosure () -> String) throws(GitError) {
        guard code < 0 else { return }
        throw last(code: code, operation: operation())
    }

    static func last(code: Int32, operation: String) -> GitError {
        let error = git2.git_error_last()
        let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "libgit2 error \(code)"
        let errorClass = error.map { Int32($0.pointee.klass) } ?? 0
        if code == GIT_ENOTFOUND.rawValue {
            return GitError(kind: .notFound, operation: operation, message: message)
        }
        if code == GIT_EAUTH.rawValue || message.lowercased().contains("authentication") || message.contains("401") {
            return GitError(kind: .authentication, operation: operation, message: message)
        }
        return GitError(kind: .library(code: code, errorClass: errorClass), operation: operation, message: message)
    }
}
