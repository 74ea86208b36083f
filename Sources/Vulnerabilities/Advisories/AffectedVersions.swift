/// Whether an OSV `affected` entry covers a version, as the OSV schema evaluates ranges: events
/// in version order, `introduced` opens, `fixed` closes before, `last_affected` closes after;
/// plus the explicit `versions` list. Also the nearest fixed version above the installed one.
struct AffectedVersions {
    enum Verdict: Equatable {
        case affected(fixed: String?)
        case notAffected
        /// A version the ecosystem's scheme cannot read (the advisory's or the package's).
        case undecidable(String)
    }

    let scheme: VersionScheme

    func verdict(_ affected: OSVRecord.Affected, version: String) -> Verdict {
        if affected.versions?.contains(version) == true { return .affected(fixed: nil) }
        var problem: String?
        for range in affected.ranges ?? [] where range.type == "ECOSYSTEM" || range.type == "SEMVER" {
            let scheme = range.type == "SEMVER" ? .goSemantic : self.scheme
            switch evaluate(range.events, version: version, scheme: scheme) {
            case .affected(let fixed): return .affected(fixed: fixed)
            case .undecidable(let reason): problem = reason
            case .notAffected: continue
            }
        }
        return problem.map(Verdict.undecidable) ?? .notAffected
    }

    /// Boundaries sorted by the scheme ("0", the beginning, first), then walked: the version is
    /// affected if the last boundary at or below it opened an interval.
    private func evaluate(_ events: [OSVRecord.Event], version: String, scheme: VersionScheme) -> Verdict {
        enum Kind { case introduced, fixed, lastAffected }
        var boundaries: [(version: String, kind: Kind)] = []
        for event in events {
            for (value, kind) in [
                (event.introduced, Kind.introduced), (event.fixed, .fixed), (event.lastAffected, .lastAffected),
            ] {
                guard let value else { continue }
                guard value == "0" || scheme.compare(value, value) != nil else {
                    return .undecidable("\(value) is not a \(scheme.rawValue) version")
                }
                boundaries.append((value, kind))
            }
        }
        guard scheme.compare(version, version) != nil else {
            return .undecidable("\(version) is not a \(scheme.rawValue) version")
        }
        // Every text was read above, so the comparisons below cannot fail.
        let sorted = boundaries.sorted { a, b in
            if a.version == "0" || b.version == "0" { return a.version == "0" && b.version != "0" }
            return (scheme.compare(a.version, b.version) ?? 0) < 0
        }
        var affected = false
        var fixedAbove: String?
        for boundary in sorted {
            let order = boundary.version == "0" ? 1 : scheme.compare(version, boundary.version) ?? 0
            switch boundary.kind {
            case .introduced: if order >= 0 { affected = true }
            case .fixed:
                if order >= 0 { affected = false } else if affected, fixedAbove == nil { fixedAbove = boundary.version }
            case .lastAffected: if order > 0 { affected = false }
            }
            if order < 0, affected { break }
        }
        return affected ? .affected(fixed: fixedAbove) : .notAffected
    }
}
