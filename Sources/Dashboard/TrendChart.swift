import Bot
import Foundation

/// The score over a repository's last scans as an inline SVG drawn on the server: a line from the
/// oldest scan to the newest, a dot per scan with its commit, time and score as the tooltip. No
/// script, no fetched asset.
package struct TrendChart: Sendable {
    package var width: Int
    package var height: Int
    /// Dots and tooltips (the repository page); a sparkline without them (the overview).
    package var detailed: Bool

    package init(width: Int, height: Int, detailed: Bool) {
        self.width = width
        self.height = height
        self.detailed = detailed
    }

    /// `scans`: newest first, as the history lists them.
    package func svg(_ scans: [ScanSummary]) -> String {
        let points = scans.reversed().compactMap { scan in RepositoryScore.score(scan).map { (scan, $0) } }
        let label = "Score over the last \(points.count) scans"
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(label)\"><title>\(label)</title>"
        let pad = detailed ? 6.0 : 2.0
        let plotWidth = Double(width) - 2 * pad
        let plotHeight = Double(height) - 2 * pad
        if detailed {
            for level in [0, 50, 100] {
                let y = pad + plotHeight * (1 - Double(level) / 100)
                svg += "<line class=\"grid\" x1=\"\(pad)\" x2=\"\(Double(width) - pad)\" y1=\"\(y)\" y2=\"\(y)\"/>"
            }
        }
        guard !points.isEmpty else { return svg + "</svg>" }
        let step = points.count > 1 ? plotWidth / Double(points.count - 1) : 0
        let coordinates = points.enumerated().map { index, point in
            (
                x: pad + (points.count > 1 ? step * Double(index) : plotWidth / 2),
                y: pad + plotHeight * (1 - Double(point.1) / 100)
            )
        }
        svg += "<polyline class=\"line\" fill=\"none\" points=\""
        svg += coordinates.map { "\(Self.rounded($0.x)),\(Self.rounded($0.y))" }.joined(separator: " ")
        svg += "\"/>"
        if detailed {
            for (point, coordinate) in zip(points, coordinates) {
                let tooltip = Self.escaped(
                    "\(point.0.commit.prefix(12)) · \(DashboardFormat.time(point.0.scannedAt)) · score \(point.1)")
                svg +=
                    "<circle class=\"dot\" cx=\"\(Self.rounded(coordinate.x))\" cy=\"\(Self.rounded(coordinate.y))\" r=\"3\"><title>\(tooltip)</title></circle>"
            }
        }
        return svg + "</svg>"
    }

    static func rounded(_ value: Double) -> String { String(format: "%.1f", value) }

    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// How the pages write times: UTC, to the minute.
enum DashboardFormat {
    static func time(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d UTC", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }
}
