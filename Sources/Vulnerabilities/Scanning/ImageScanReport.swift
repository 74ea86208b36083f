import Foundation

/// A scan's results with the advisory data they were matched against (each export's import
/// date, so a reader can tell stale data), filtered to a minimum severity.
package struct ImageScanReport: Sendable, Codable, Equatable {
    package var generatedAt: Date
    package var advisoryImports: [AdvisoryImport]
    package var minimumSeverity: Severity
    package var images: [ImageScanResult]

    package init(
        generatedAt: Date, advisoryImports: [AdvisoryImport], minimumSeverity: Severity,
        images: [ImageScanResult]
    ) {
        self.generatedAt = generatedAt
        self.advisoryImports = advisoryImports
        self.minimumSeverity = minimumSeverity
        self.images = images.map { image in
            var image = image
            image.vulnerabilities = image.vulnerabilities.filter { $0.severity >= minimumSeverity }
            return image
        }
    }

    /// The oldest import's age: what the report's advisory data is at most as old as.
    package var advisoryDataAge: TimeInterval? {
        advisoryImports.map(\.importedAt).min().map { generatedAt.timeIntervalSince($0) }
    }

    static func age(_ seconds: TimeInterval) -> String {
        switch seconds {
        case ..<3600: "\(Int(seconds / 60)) min"
        case ..<172_800: "\(Int(seconds / 3600)) h"
        default: "\(Int(seconds / 86400)) days"
        }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
