import Foundation
import HTTPKit
import Testing

@testable import Server
@testable import Vulnerabilities

/// The image scans' metrics on the served `/metrics`: counters advance by what happened between
/// scrapes, and each advisory export's age is a gauge.
@Suite struct ImageMetricsTests {
    static func package() -> InstalledPackage {
        InstalledPackage(
            name: "libcrypto3", version: "3.3.0-r2", sourceName: "openssl", kind: .alpine,
            foundIn: "lib/apk/db/installed")
    }

    static func vulnerability(_ severity: Vulnerabilities.Severity) -> Vulnerability {
        Vulnerability(
            advisory: "ALPINE-CVE-2024-5535", aliases: [], summary: nil, severity: severity, score: nil,
            package: package(), installedVersion: "3.3.0-r2", fixedVersion: "3.3.1-r1", ecosystem: "Alpine:v3.20")
    }

    @Test func scansLayersSeveritiesAndImportAgeAreServed() async throws {
        let server = try await RunningServer()
        let statistics = ScanStatistics()
        let imported = Date().addingTimeInterval(-7200)
        let imports = [
            AdvisoryImport(export: "Alpine", source: "all.zip", importedAt: imported, records: 3)
        ]
        server.metrics.addCollector { [metrics = server.metrics] in
            metrics.images(statistics.snapshot, imports: imports, now: imported.addingTimeInterval(7200))
        }
        statistics.scanned(ImageScanResult(image: "a", locations: [], vulnerabilities: [Self.vulnerability(.high)]))
        statistics.scanned(ImageScanResult(image: "b", locations: [], error: "no such image"))
        statistics.layerRead(cached: false)
        statistics.layerRead(cached: true)
        statistics.layerRead(cached: true)
        let first = String(decoding: try await server.get("/metrics").body, as: UTF8.self)
        #expect(first.contains(#"shipshape_images_scanned_total{outcome="scanned"} 1"#), "\(first)")
        #expect(first.contains(#"shipshape_images_scanned_total{outcome="failed"} 1"#))
        #expect(first.contains(#"shipshape_image_layers_total{source="registry"} 1"#))
        #expect(first.contains(#"shipshape_image_layers_total{source="cache"} 2"#))
        #expect(first.contains(#"shipshape_image_vulnerabilities_total{severity="high"} 1"#))
        #expect(first.contains(#"shipshape_image_vulnerabilities_total{severity="critical"} 0"#))
        #expect(first.contains(#"shipshape_advisory_data_age_seconds{export="Alpine"} 7200"#))

        statistics.scanned(
            ImageScanResult(
                image: "c", locations: [], vulnerabilities: [Self.vulnerability(.critical), Self.vulnerability(.high)]))
        let second = String(decoding: try await server.get("/metrics").body, as: UTF8.self)
        #expect(second.contains(#"shipshape_images_scanned_total{outcome="scanned"} 2"#), "\(second)")
        #expect(second.contains(#"shipshape_image_vulnerabilities_total{severity="high"} 2"#))
        #expect(second.contains(#"shipshape_image_vulnerabilities_total{severity="critical"} 1"#))
        await server.stop()
    }
}
