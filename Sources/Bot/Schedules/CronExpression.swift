import Foundation

/// A cron schedule in the five-field form (minute hour day-of-month month day-of-week) with
/// lists, ranges, steps and names (`jan`, `mon`), and the shorthands `@hourly`, `@daily`,
/// `@weekly`, `@monthly`, `@yearly`. Day of month and day of week combine as cron does: when both
/// are restricted, either may match.
package struct CronExpression: Sendable, Equatable, CustomStringConvertible {
    package struct ParseError: Error, CustomStringConvertible {
        package var description: String
    }

    let minutes: Set<Int>
    let hours: Set<Int>
    let daysOfMonth: Set<Int>
    let months: Set<Int>
    let daysOfWeek: Set<Int>
    let dayOfMonthRestricted: Bool
    let dayOfWeekRestricted: Bool
    package let description: String

    static let shorthands = [
        "@hourly": "0 * * * *", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@weekly": "0 0 * * 0",
        "@monthly": "0 0 1 * *", "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *",
    ]
    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    package init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let expanded = Self.shorthands[trimmed.lowercased()] ?? trimmed
        let fields = expanded.split(whereSeparator: \.isWhitespace).map(String.init)
        guard fields.count == 5 else {
            throw ParseError(
                description:
                    "`\(text)`: a cron expression has five fields (minute hour day month weekday), found \(fields.count)"
            )
        }
        minutes = try Self.field(fields[0], "minute", 0...59, names: [], text: text)
        hours = try Self.field(fields[1], "hour", 0...23, names: [], text: text)
        daysOfMonth = try Self.field(fields[2], "day of month", 1...31, names: [], text: text)
        months = try Self.field(fields[3], "month", 1...12, names: Self.monthNames, text: text)
        // 7 is Sunday too.
        daysOfWeek = Set(
            try Self.field(fields[4], "day of week", 0...7, names: Self.dayNames, text: text).map { $0 % 7 })
        dayOfMonthRestricted = fields[2] != "*" && !fields[2].hasPrefix("*/")
        dayOfWeekRestricted = fields[4] != "*" && !fields[4].hasPrefix("*/")
        description = trimmed
    }

    /// The first minute strictly after `date` that the schedule names, in `timeZone`.
    package func next(after date: Date, in timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        // Whole minutes by arithmetic: Calendar's "set the seconds to 0" searches forward, not down.
        var candidate = Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 60).rounded(.down) * 60 + 60)
        // Five years of minutes is the longest a valid expression (29 February on a Monday...) waits.
        let limit = date.addingTimeInterval(5 * 366 * 24 * 3_600)
        while candidate < limit {
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: candidate)
            guard let month = parts.month, let day = parts.day, let hour = parts.hour, let minute = parts.minute,
                let weekday = parts.weekday
            else { return nil }
            if !months.contains(month) || !dayMatches(day: day, weekday: weekday - 1) {
                candidate = calendar.dateInterval(of: .day, for: candidate)?.end ?? limit
            } else if !hours.contains(hour) {
                candidate = calendar.dateInterval(of: .hour, for: candidate)?.end ?? limit
            } else if !minutes.contains(minute) {
                candidate = candidate.addingTimeInterval(60)
            } else {
                return candidate
            }
        }
        return nil
    }

    private func dayMatches(day: Int, weekday: Int) -> Bool {
        switch (dayOfMonthRestricted, dayOfWeekRestricted) {
        case (true, true): daysOfMonth.contains(day) || daysOfWeek.contains(weekday)
        case (true, false): daysOfMonth.contains(day)
        case (false, true): daysOfWeek.contains(weekday)
        case (false, false): true
        }
    }

    private static func field(
        _ text: String, _ name: String, _ range: ClosedRange<Int>, names: [String], text whole: String
    ) throws -> Set<Int> {
        var values = Set<Int>()
        for part in text.lowercased().split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count <= 2 else {
                throw ParseError(description: "`\(whole)`: \(name) `\(part)` has more than one step")
            }
            let step = pieces.count == 2 ? Int(pieces[1]) : 1
            guard let step, step > 0 else {
                throw ParseError(description: "`\(whole)`: \(name) step in `\(part)` must be a positive number")
            }
            let span: ClosedRange<Int>
            if pieces[0] == "*" {
                span = range
            } else {
                let bounds = pieces[0].split(separator: "-", omittingEmptySubsequences: false)
                guard bounds.count <= 2, let low = value(bounds[0], names, range),
                    let high = bounds.count == 2 ? value(bounds[1], names, range) : low
                else {
                    throw ParseError(
                        description:
                            "`\(whole)`: \(name) `\(part)` is not a number or range within \(range.lowerBound)-\(range.upperBound)"
                    )
                }
                guard low <= high else {
                    throw ParseError(description: "`\(whole)`: \(name) range `\(part)` runs backwards")
                }
                span = low...(pieces.count == 2 && bounds.count == 1 ? range.upperBound : high)
            }
            values.formUnion(stride(from: span.lowerBound, through: span.upperBound, by: step))
        }
        return values
    }

    private static func value(_ text: Substring, _ names: [String], _ range: ClosedRange<Int>) -> Int? {
        if let index = names.firstIndex(of: String(text)) { return index + range.lowerBound }
        guard let number = Int(text), range.contains(number) else { return nil }
        return number
    }
}
