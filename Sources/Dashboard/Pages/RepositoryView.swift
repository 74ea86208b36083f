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
    var filter = FindingFilter()
    /// The page's own path, for the links of filters and pages.
    var path = ""

    func dictionary() -> [String: Any] {
        let score = RepositoryScore.score(latest)
        var view: [String: Any] = [
            "title": repository, "forge": latest.forge, "repository": repository,
            "score": score.map(String.init) ?? "–", "grade": RepositoryScore.grade(score),
            "dangers": latest.dangers, "warnings": latest.warnings, "commit": String(latest.commit.prefix(12)),
            "commitLink": sectionText(forge?.commitURL(repository: repository, commit: latest.commit)),
            "scannedAt": DashboardFormat.time(latest.scannedAt),
            "objectsChecked": latest.objectsChecked, "checksRun": latest.checksRun,
            "trend": TrendChart(width: 640, height: 160, detailed: true).svg(scans),
            "categories": counts(by: \.category, filter: \.category),
            "namespaces": counts(by: \.namespace, filter: \.namespace), "checks": checkRows(),
            "hasFindings": !findings.isEmpty,
            "scans": scans.map { scan -> [String: Any] in
                let score = RepositoryScore.score(scan)
                return [
                    "commit": String(scan.commit.prefix(12)),
                    "commitLink": sectionText(forge?.commitURL(repository: repository, commit: scan.commit)),
                    "scannedAt": DashboardFormat.time(scan.scannedAt), "score": score.map(String.init) ?? "–",
                    "grade": RepositoryScore.grade(score), "dangers": scan.dangers, "warnings": scan.warnings,
                ]
            },
        ]
        view.merge(findingPage()) { _, new in new }
        if let outdated {
            view["outdated"] = [
                "commit": String(outdated.commit.prefix(12)), "scannedAt": DashboardFormat.time(outdated.scannedAt),
                "dependencies": outdated.dependencies.map(dependencyRow), "none": outdated.dependencies.isEmpty,
            ]
        }
        return view
    }

    /// Rows by a finding's field, most dangers first: categories and namespaces.
    func counts(by field: KeyPath<ScanFinding, String>, filter filterKey: WritableKeyPath<FindingFilter, String?>)
        -> [[String: Any]]
    {
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
            var only = FindingFilter()
            only[keyPath: filterKey] = key
            return [
                "name": key.isEmpty ? "(none)" : key, "dangers": dangers[key, default: 0],
                "warnings": warnings[key, default: 0], "total": dangers[key, default: 0] + warnings[key, default: 0],
                "link": path + only.query(page: 1),
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
            [
                "check": check, "category": row.category, "severity": row.severity.rawValue, "count": row.count,
                "link": path + FindingFilter(check: check).query(page: 1),
            ]
        }
    }

    /// The filter's page of findings with the links to the pages before and after it.
    func findingPage() -> [String: Any] {
        let admitted = findings.filter { filter.admits($0) }
        let ordered = admitted.filter { $0.severity == .danger } + admitted.filter { $0.severity == .warning }
        let pages = max(1, (ordered.count + FindingFilter.pageSize - 1) / FindingFilter.pageSize)
        let page = min(filter.page, pages)
        let shown = ordered.dropFirst((page - 1) * FindingFilter.pageSize).prefix(FindingFilter.pageSize)
        var view: [String: Any] = [
            "findings": findingRows(Array(shown)), "listed": ordered.count, "page": page, "pages": pages,
            "firstListed": ordered.isEmpty ? 0 : (page - 1) * FindingFilter.pageSize + 1,
            "lastListed": (page - 1) * FindingFilter.pageSize + shown.count,
        ]
        if page > 1 { view["previousPage"] = path + filter.query(page: page - 1) }
        if page < pages { view["nextPage"] = path + filter.query(page: page + 1) }
        if filter.isFiltered {
            view["filter"] = [
                "description": [
                    filter.category.map { "category \($0)" }, filter.check.map { "check \($0)" },
                    filter.namespace.map { "namespace \($0.isEmpty ? "(none)" : $0)" },
                ].compactMap { $0 }.joined(separator: ", "),
                "clear": path,
            ]
        }
        return view
    }

    /// Findings as rows, dangers first, then by file and line; the link is made once per file.
    func findingRows(_ ordered: [ScanFinding]) -> [[String: Any]] {
        var prefixes: [String: String] = [:]
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
                "link": sectionText(prefix.isEmpty ? nil : prefix + "#L" + String(finding.line)),
            ]
        }
    }

    func dependencyRow(_ dependency: OutdatedDependency) -> [String: Any] {
        var row: [String: Any] = [
            "kind": dependency.kind.rawValue, "addOn": dependency.addOn, "name": dependency.name,
            "file": dependency.file, "line": dependency.line, "current": dependency.current,
            "newest": dependency.newestAllowed ?? "none allowed",
            "link": sectionText(
                forge?.blobURL(
                    repository: repository, commit: outdated?.commit ?? latest.commit, file: dependency.file,
                    line: dependency.line)),
        ]
        if let number = dependency.pullRequest {
            row["pullRequest"] = [
                "number": number, "link": sectionText(forge?.pullRequestURL(repository: repository, number: number)),
            ]
        }
        return row
    }
}
