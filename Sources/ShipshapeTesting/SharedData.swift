import Foundation

/// The shared test data beside the repository (`../shared/`, or in a folder above it;
/// `SHIPSHAPE_SHARED` names it explicitly), read in place, never copied.
package enum SharedData {
    package static let corpus: URL = folder.appending(path: "corpus")
    /// The forges' API descriptions, webhook examples and schemas (see `forge/README.md`).
    package static let forge: URL = folder.appending(path: "forge")

    package static let folder: URL = {
        if let shared = ProcessInfo.processInfo.environment["SHIPSHAPE_SHARED"] { return URL(fileURLWithPath: shared) }
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appending(path: "shared")
            if FileManager.default.fileExists(atPath: candidate.appending(path: "corpus").path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).appending(path: "../../../../shared").standardized
    }()
}
