import Synchronization

/// How many delivery bodies the server holds at once, and how many bytes they may take together.
///
/// A body is read whole before its signature can be checked, so each delivery in flight reserves
/// what it may grow to (its Content-Length, or the size limit when it sends none) before a byte is
/// read, and gives it back when answered. A delivery that finds no room is answered 503 at once:
/// twenty unsigned 25 MB bodies can no longer take half a gigabyte.
final class IntakeBudget: Sendable {
    let maximumBodies: Int
    let maximumBytes: Int
    private let used = Mutex<(bodies: Int, bytes: Int)>((0, 0))

    init(maximumBodies: Int, maximumBytes: Int) {
        self.maximumBodies = maximumBodies
        self.maximumBytes = maximumBytes
    }

    /// Takes room for one body of at most `bytes`; false when there is none.
    func reserve(_ bytes: Int) -> Bool {
        used.withLock { used in
            guard used.bodies < maximumBodies, used.bytes + bytes <= maximumBytes else { return false }
            used.bodies += 1
            used.bytes += bytes
            return true
        }
    }

    func release(_ bytes: Int) {
        used.withLock { used in
            used.bodies -= 1
            used.bytes -= bytes
        }
    }

    var inFlight: (bodies: Int, bytes: Int) { used.withLock { $0 } }
}
