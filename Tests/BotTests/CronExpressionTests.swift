import Bot
import Foundation
import Testing

@Suite struct CronExpressionTests {
    static let utc = TimeZone(identifier: "UTC")!

    static func date(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    @Test(arguments: [
        ("*/15 * * * *", "2026-11-25T10:07:00Z", "2026-11-25T10:15:00Z"),
        ("0 6 * * mon-fri", "2026-11-27T06:00:00Z", "2026-11-30T06:00:00Z"),  // Friday 06:00 → Monday
        ("30 2 1 * *", "2026-11-25T00:00:00Z", "2026-12-01T02:30:00Z"),
        ("@weekly", "2026-11-25T12:00:00Z", "2026-11-29T00:00:00Z"),  // next Sunday
        ("0 0 29 feb *", "2026-03-01T00:00:00Z", "2028-02-29T00:00:00Z"),
        ("0 12 13 * fri", "2026-11-25T00:00:00Z", "2026-11-27T12:00:00Z"),  // day 13 OR Friday
        ("5 4 * * 7", "2026-11-25T00:00:00Z", "2026-11-29T04:05:00Z"),  // 7 is Sunday
        ("0 9-17/4 * * *", "2026-11-25T09:00:00Z", "2026-11-25T13:00:00Z"),
        ("0 0 1 jan,jul *", "2026-11-25T00:00:00Z", "2027-01-01T00:00:00Z"),
        // Times that are not whole minutes (the scheduler asks with the clock's own time).
        ("0 6 * * *", "2026-11-25T05:59:45Z", "2026-11-25T06:00:00Z"),
        ("0 5 * * *", "2026-11-25T04:30:17Z", "2026-11-25T05:00:00Z"),
        ("*/15 * * * *", "2026-11-25T10:14:59Z", "2026-11-25T10:15:00Z"),
    ])
    func nextRun(expression: String, after: String, expected: String) throws {
        let cron = try CronExpression(expression)
        #expect(cron.next(after: Self.date(after), in: Self.utc) == Self.date(expected))
    }

    @Test func timeZonesShiftTheWallClockAcrossDaylightSaving() throws {
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        let cron = try CronExpression("0 6 * * *")
        // 06:00 in Berlin is 05:00 UTC in winter and 04:00 UTC in summer.
        #expect(cron.next(after: Self.date("2026-11-25T12:00:00Z"), in: berlin) == Self.date("2026-11-26T05:00:00Z"))
        #expect(cron.next(after: Self.date("2026-07-01T12:00:00Z"), in: berlin) == Self.date("2026-07-02T04:00:00Z"))
    }

    @Test(arguments: [
        "* * * *", "60 * * * *", "* 24 * * *", "0 0 0 * *", "0 0 * 13 *", "0 0 * * 8", "*/0 * * * *", "5-1 * * * *",
        "0 0 * foo *",
    ])
    func invalidExpressionsSayWhatIsWrong(expression: String) {
        #expect(throws: CronExpression.ParseError.self) { try CronExpression(expression) }
    }
}
