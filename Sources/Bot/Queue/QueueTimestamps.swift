import Foundation

// Both backends store times as whole Unix milliseconds (BIGINT): comparisons are the same integer
// comparisons everywhere, the injected clock drives all of them (never the database's own clock),
// and a time read back equals the time written.

extension Date {
    var queueMilliseconds: Int64 {
        Int64((timeIntervalSince1970 * 1000).rounded(.down))
    }

    init(queueMilliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(queueMilliseconds) / 1000)
    }
}

extension Duration {
    var queueMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
