import Blocking

/// Threads of the scan's own for what would hold a cooperative thread too long: inflating and
/// unpacking layers, reading an rpmdb with SQLite. Two, as unpacking is CPU-bound.
enum ScanThreads {
    static let pool = BlockingThreadPool(maximumThreads: 2, name: "image-scan")
}
