import Upgrades

extension FixingTagSearch {
    /// Each scanned image that has vulnerabilities at or above the threshold, with what the search
    /// found for it (from the first place `detection` pins it: its rules say which tags are
    /// allowed); the searches run a few at a time.
    package func annotate(_ results: [ImageScanResult], pinnedBy detection: DetectionReport) async
        -> [ImageScanResult]
    {
        var pinnedBy: [String: Dependency] = [:]
        for dependency in detection.dependencies {
            guard let image = ImageScanner.image(of: dependency), pinnedBy[image.description] == nil else { continue }
            pinnedBy[image.description] = dependency
        }
        let wanted = results.indices.filter { index in
            results[index].error == nil && results[index].vulnerabilities.contains { $0.severity >= minimumSeverity }
                && pinnedBy[results[index].image] != nil
        }
        return await withTaskGroup(of: (Int, FixingTag?).self) { group in
            var annotated = results
            var next = 0
            func start() {
                guard next < wanted.count, let dependency = pinnedBy[results[wanted[next]].image] else { return }
                let index = wanted[next]
                next += 1
                group.addTask { (index, await search(dependency, current: results[index].vulnerabilities)) }
            }
            for _ in 0..<4 { start() }
            for await (index, found) in group {
                annotated[index].fixingTag = found
                start()
            }
            return annotated
        }
    }
}
