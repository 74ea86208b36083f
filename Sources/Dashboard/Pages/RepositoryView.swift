import Bot
import Forge

/// What the repository template reads, built from one scan.
struct RepositoryView {
    var forge: ForgeEndpoint?
    var repository: String
    var latest: ScanSummary
    var scans: [ScanSummary]
    var findings: [ScanFinding]
    var outdated: OutdatedReport?

    func dictionary() -> [String: Any] {
        let score = RepositoryScore.score(latest)
        var view: [String: Any] = [
            "title": repository, "forge": latest.forge, "repository": repository,
            "score": score.map(String.init) ?? "–", "grade": RepositoryScore.grade(score),
            "dangers": latest.dangers, "warnings": latest.warnings, "commit": String(latest.commit.prefix(12)),
            "commitLink": forge?.commitURL(repository: repository, commit: latest.commit) ?? "",
            "scannedAt": DashboardFormat.time(latest.scannedAt),
            "objectsChecked": latest.objectsChecked, "checksRun": latest.checksRun,
            "trend": TrendChart(width: 640, height: 160, detailed: true).svg(scans),
            "categories": counts(by: \.category), "checks": checkRows(), "namespaces": counts(by: \.namespace),
            "findings": findingRows(), "hasFindings": !findings.isEmpty,
            "scans": scans.map { scan -> [String: Any] in
                let score = RepositoryScore.score(scan)
                return [
                    "commit": String(scan.commit.prefix(12)),
                    "commitLink": forge?.commitURL(repository: repository, commit: scan.commit) ?? "",
                    "scannedAt": DashboardFormat.time(scan.scannedAt), "score": score.map(String.init) ?? "–",
                    "grade": RepositoryScore.grade(score), "dangers": scan.dangers, "warnings": scan.warnings,
                ]
            },
        ]
        if let outdated {
            view["outdated"] = [
                "commit": String(outdated.commit.prefix(12)), "scannedAt": DashboardFormat.time(outdated.scannedAt),
                "dependencies": outdated.dependencies.map(dependencyRow), "none": outdated.dependencies.isEmpty,
            ]
        }
        return view
    }

    /// Rows by a finding's field, most dangers first: categories and namespaces.
    func counts(by field: KeyPath<ScanFinding, String>) -> [[String: Any]] {
        var dangers: [String: Int] = [:]
        var warnings: [String: Int] = [:]
        for finding in findings {
            let key = finding[keyPath: field]
            if finding.severity == .danger { dangers[key, default: 0] += 1 } else { warnings[key, default: 0] += 1 }
        }
        let keys = Set(dangers.keys).union(warnings.keys).sorted { left, right in
            let (leftDangers, rightDangers) = (dangers[left, default: 0], dangers[right, default: 0])
            if leftDangers != rightDangers { return leftDangers > rightDangers }
            return left < right
        }
        return keys.map { key in
            [
                "name": key.isEmpty ? "(none)" : key, "dangers": dangers[key, default: 0],
                "warnings": warnings[key, default: 0], "total": dangers[key, default: 0] + warnings[key, default: 0],
            ]
        }
    }

    func checkRows() -> [[String: Any]] {
        var rows: [String: (category: String, severity: ScanFinding.Severity, count: Int)] = [:]
        for finding in findings {
            let row = rows[finding.check] ?? (finding.category, finding.severity, 0)
            let severity: ScanFinding.Severity =
                row.severity == .danger || finding.severity == .danger ? .danger : .warning
            rows[finding.check] = (row.category, severity, row.count + 1)
        }
        return rows.sorted { left, right in
            if left.value.severity != right.value.severity { return left.value.severity == .danger }
            if left.value.count != right.value.count { return left.value.count > right.value.count }
            return left.key < right.key
        }.map { check, row in
            ["check": check, "category": row.category, "severity": row.severity.rawValue, "count": row.count]
        }
    }

    /// Every finding, dangers first, then by file and line; the link is made once per file.
    func findingRows() -> [[String: Any]] {
        var prefixes: [String: String] = [:]
        let ordered = findings.filter { $0.severity == .danger } + findings.filter { $0.severity == .warning }
        return ordered.map { finding in
            let prefix: String
            if let known = prefixes[finding.file] {
                prefix = known
            } else {
                prefix =
                    forge?.blobURL(repository: repository, commit: latest.commit, file: finding.file, line: nil) ?? ""
                prefixes[finding.file] = prefix
            }
            return [
                "severity": finding.severity.rawValue, "check": finding.check, "category": finding.category,
                "namespace": finding.namespace, "object": finding.object, "message": finding.message,
                "file": finding.file, "line": finding.line,
                "link": prefix.isEmpty ? "" : prefix + "#L" + String(finding.line),
            ]
        }
    }

    func dependencyRow(_ dependency: OutdatedDependency) -> [String: Any] {
        var row: [String: Any] = [
            "kind": dependency.kind.rawValue, "addOn": dependency.addOn, "name": dependency.name,
            "file": dependency.file, "line": dependency.line, "current": dependency.current,
            "newest": dependency.newestAllowed ?? "none allowed",
            "link": forge?.blobURL(
                repository: repository, commit: outdated?.commit ?? latest.commit, file: dependency.file,
                line: dependency.line) ?? "",
        ]
        if let number = dependency.pullRequest {
            row["pullRequest"] = [
                "number": number, "link": forge?.pullRequestURL(repository: repository, number: number) ?? "",
            ]
        }
        return row
    }
}
