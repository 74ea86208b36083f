/// Checks on an archive's member names, made before anything is unpacked.
enum ArchiveEntryName {
    /// Refuses a name that would be written outside the folder the archive unpacks into.
    static func requireInside(_ entry: String) throws {
        if entry.hasPrefix("/") {
            throw ChartArchiveError(
                entry: entry,
                reason: "is an absolute path, which would be written outside the chart folder; the archive is refused")
        }
        if entry.split(separator: "/").contains("..") {
            throw ChartArchiveError(
                entry: entry,
                reason: "contains '..', which would be written outside the chart folder; the archive is refused")
        }
    }

    /// The one top-level folder that holds a Chart.yaml, as `helm package` lays archives out.
    static func chartFolder(in entries: [String]) throws -> String {
        var folders: Set<String> = []
        for entry in entries {
            let parts = entry.split(separator: "/").filter { $0 != "." }
            if parts.count == 2, parts[1] == "Chart.yaml" { folders.insert(String(parts[0])) }
        }
        guard folders.count == 1, let folder = folders.first else {
            let found = folders.isEmpty ? "none" : folders.sorted().joined(separator: ", ")
            throw ChartArchiveError(
                reason:
                    "expected exactly one top-level folder with a Chart.yaml (found: \(found)); is this a Helm chart archive?"
            )
        }
        return folder
    }
}
