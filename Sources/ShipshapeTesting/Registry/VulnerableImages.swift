import Foundation

/// Images and OSV records for the tests of image reviews and scans: `team/web` 1.0 (clean), 1.1
/// (libcrypto3 with a high advisory the others lack) and 1.2 (fixed), all with a busybox whose
/// critical advisory every tag shares, and a low advisory below the usual threshold.
package enum VulnerableImages {
    package static let alpineRelease = "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.20.3\n"

    /// An Alpine root with these libcrypto3 and busybox versions.
    package static func alpine(libcrypto: String, busybox: String = "1.36.1-r29") throws -> LayerArchive {
        try LayerArchive(files: [
            "etc/os-release": alpineRelease,
            "lib/apk/db/installed": apkDatabase(libcrypto: libcrypto, busybox: busybox),
        ])
    }

    static func apkDatabase(libcrypto: String, busybox: String) -> String {
        "P:busybox\nV:\(busybox)\no:busybox\n\nP:libcrypto3\nV:\(libcrypto)\no:openssl\n\n"
    }

    package static let advisories = [
        // High (CVSS 7.5): in 1.1, not in 1.0, fixed in 1.2.
        "ALPINE-CVE-2024-5535.json": """
        {"id": "ALPINE-CVE-2024-5535", "modified": "2024-07-01T00:00:00Z", "aliases": ["CVE-2024-5535"],
         "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"}],
         "affected": [{"package": {"ecosystem": "Alpine:v3.20", "name": "openssl"},
                       "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "3.3.0-r0"}, {"fixed": "3.3.1-r1"}]}]}]}
        """,
        // Low (CVSS 2.5): below the threshold.
        "ALPINE-CVE-2024-0727.json": """
        {"id": "ALPINE-CVE-2024-0727", "modified": "2024-02-01T00:00:00Z", "aliases": ["CVE-2024-0727"],
         "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:L"}],
         "affected": [{"package": {"ecosystem": "Alpine:v3.20", "name": "openssl"},
                       "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "3.3.2-r0"}]}]}]}
        """,
        // Critical (CVSS 9.8), but the image the pull request replaces has it too.
        "ALPINE-CVE-2023-42363.json": """
        {"id": "ALPINE-CVE-2023-42363", "modified": "2023-11-27T00:00:00Z", "aliases": ["CVE-2023-42363"],
         "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
         "affected": [{"package": {"ecosystem": "Alpine:v3.20", "name": "busybox"},
                       "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.36.1-r30"}]}]}]}
        """,
    ]

    package static func deployment(_ name: String, image: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: \(name)}
        spec:
          template:
            spec:
              containers:
                - name: \(name)
                  image: \(image)

        """
    }

    /// `advisories` as an OSV export archive in a file of its own (the caller removes it).
    package static func advisoryArchive() throws -> URL {
        let archive = FileManager.default.temporaryDirectory.appending(path: "osv-\(UUID().uuidString).zip")
        try OSVExportArchive.zip(advisories).write(to: archive)
        return archive
    }

    /// Pushes `team/app` 2.0 (the high ALPINE-CVE-2024-5535), 2.1 (still it), 2.2 (fixed, nothing
    /// else at high or above) and 2.3 (fixed, but an older busybox brings back the critical
    /// ALPINE-CVE-2023-42363): the newest tag is worse than 2.2. All four share one base layer
    /// (the release file) under a layer of their own (the apk database).
    package static func pushApp(to registry: RegistryFixture) throws {
        let base = try LayerArchive(files: ["etc/os-release": alpineRelease])
        for (tag, libcrypto, busybox) in [
            ("2.0", "3.3.0-r2", "1.36.1-r30"), ("2.1", "3.3.0-r3", "1.36.1-r30"), ("2.2", "3.3.1-r1", "1.36.1-r30"),
            ("2.3", "3.3.1-r1", "1.36.1-r29"),
        ] {
            let packages = try LayerArchive(files: [
                "lib/apk/db/installed": apkDatabase(libcrypto: libcrypto, busybox: busybox)
            ])
            try registry.pushImage(repository: "team/app", tag: tag, layers: [base, packages])
        }
    }

    /// Pushes `team/web` 1.0, 1.1 and 1.2 (one layer each, no layer shared), as `repository`.
    package static func pushWeb(to registry: RegistryFixture, repository: String = "team/web") throws {
        try registry.pushImage(repository: repository, tag: "1.0", layers: [try alpine(libcrypto: "3.2.1-r0")])
        try registry.pushImage(repository: repository, tag: "1.1", layers: [try alpine(libcrypto: "3.3.0-r2")])
        try registry.pushImage(repository: repository, tag: "1.2", layers: [try alpine(libcrypto: "3.3.1-r1")])
    }
}
