/// Advisories written for the tests with real package names, versions and advisory ids.
package enum SampleAdvisories {
    package static let debian = [
        "DSA-5532-1.json": """
        {"id": "DSA-5532-1", "modified": "2023-10-30T00:00:00Z", "aliases": ["CVE-2023-5363"], "summary": "openssl - security update",
         "affected": [{"package": {"ecosystem": "Debian:12", "name": "openssl"},
                       "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "3.0.11-1~deb12u2"}]}]}]}
        """,
        "DSA-5417-1.json": """
        {"id": "DSA-5417-1", "modified": "2023-05-30T00:00:00Z", "aliases": ["CVE-2023-2650"], "summary": "openssl - security update",
         "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"}],
         "affected": [{"package": {"ecosystem": "Debian:11", "name": "openssl"},
                       "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.1.1n-0+deb11u5"}]}]}]}
        """,
        "DEBIAN-CVE-2024-2511.json": """
        {"id": "DEBIAN-CVE-2024-2511", "modified": "2024-04-08T00:00:00Z", "aliases": ["CVE-2024-2511"], "summary": "Unbounded memory growth with session handling in TLSv1.3",
         "affected": [{"package": {"ecosystem": "Debian:12", "name": "openssl"},
                       "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}]}],
                       "ecosystem_specific": {"urgency": "low"}, "database_specific": {"severity": "low"}}]}
        """,
        "DSA-5417-2-withdrawn.json": """
        {"id": "DSA-0000-1", "withdrawn": "2024-01-01T00:00:00Z", "affected": [{"package": {"ecosystem": "Debian:12", "name": "openssl"},
         "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}]}]}]}
        """,
        "broken.json": #"{"summary": "a record without an id"}"#,
    ]

    package static let alpine = [
        "ALPINE-CVE-2024-5535.json": """
        {"id": "ALPINE-CVE-2024-5535", "modified": "2024-07-01T00:00:00Z", "aliases": ["CVE-2024-5535"],
         "affected": [{"package": {"ecosystem": "Alpine:v3.20", "name": "openssl"},
                       "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "3.3.1-r1"}]}]}]}
        """
    ]

    package static let go = [
        "GO-2022-1059.json": """
        {"id": "GO-2022-1059", "modified": "2024-05-20T00:00:00Z", "aliases": ["CVE-2022-32149", "GHSA-69ch-w2m2-3vjp"],
         "summary": "Denial of service via crafted Accept-Language header in golang.org/x/text/language",
         "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"}],
         "affected": [{"package": {"ecosystem": "Go", "name": "golang.org/x/text"},
                       "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "0.3.8"}]}]}]}
        """
    ]

    package static let redHat = [
        "RHSA-2024:2447.json": """
        {"id": "RHSA-2024:2447", "modified": "2024-05-01T00:00:00Z", "aliases": ["CVE-2023-5678"],
         "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L"}],
         "affected": [{"package": {"ecosystem": "Red Hat:enterprise_linux:9::baseos", "name": "openssl-libs"},
                       "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1:3.0.7-27.el9"}]}]}]}
        """
    ]
}
