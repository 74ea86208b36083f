import Blocking

/// Threads of the scan's own for what would hold a cooperative thread too long: reading the
/// package databases (an rpmdb with SQLite). Layers are read on the HTTP client's transfer
/// threads as they arrive (`LayerStream`).
enum ScanThreads {
    static let pool = BlockingThreadPool(maximumThreads: 2, name: "image-scan")
}
