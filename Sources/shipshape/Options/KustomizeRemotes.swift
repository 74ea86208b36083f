import Foundation
import GitKit
import Review
import Upgrades

extension RemoteBaseFetcher {
    /// The command line's: mirrors kept beside the other caches; `--offline` fetches nothing.
    static func commandLine(offline: Bool) -> RemoteBaseFetcher {
        RemoteBaseFetcher(
            mirrors: MirrorCache(
                directory: DiskCache.defaultFolder.deletingLastPathComponent().appending(path: "kustomize-git").path),
            offline: offline)
    }
}
