import Foundation
import HelmKit
import Policy
import Upgrades

/// What a tree deploys through Helm, ready to check: every release it asks for (Flux
/// HelmReleases, Argo CD Applications, its own chart folders) rendered by Helm's engine into
/// generated manifests whose findings land on the values lines that caused them.
package struct ChartRendering: Sendable {
    package struct Outcome: Sendable {
        package var generated: [GeneratedManifests] = []
        /// Releases that could not be rendered, and values that were left out, with where and why.
        package var notes: [RenderNote] = []
        /// Notes about the whole run (no Helm library, for one).
        package var globalNotes: [String] = []
        /// Chart folders that were rendered: their templates are checked through the rendering.
        package var renderedChartFolders: Set<String> = []
        package var releaseCount = 0

        package init() {}

        /// Every note as one line, `file:line:column: message`.
        package var noteLines: [String] { globalNotes + notes.map(\.description) }
    }

    package let library: HelmLibrary
    /// Fetches published charts; nil renders only the charts of the tree.
    package let fetcher: ChartArchiveFetcher?
    /// Where fetched chart archives are kept between runs; nil keeps nothing.
    package let cacheFolder: URL?
    /// Renders in worker processes (`IsolatedChartRenderer`) when set: what the CLI and the bot
    /// do, so a hostile chart cannot hang or exhaust them; in this process otherwise.
    package var renderer: (any ChartRenderer)?
    /// Releases rendered at once.
    package var parallelism = max(2, ProcessInfo.processInfo.activeProcessorCount)

    /// Where a chart folder of the tree is on disk: itself for `check`, a copy of the revision's
    /// files for a review.
    package var folderOnDisk: @Sendable (String) throws -> URL = { URL(fileURLWithPath: $0) }

    package init(library: HelmLibrary, fetcher: ChartArchiveFetcher?, cacheFolder: URL?) {
        self.library = library
        self.fetcher = fetcher
        self.cacheFolder = cacheFolder
    }

    /// The releases `files` ask for. `mayHold` says which files can hold a release, a source or a
    /// values ConfigMap (a review knows it from the facts of earlier reviews); others are not read.
    package static func releases(
        files: [String], source: @escaping PolicyEngine.FileSource,
        mayHold: @escaping @Sendable (String) -> Bool = { _ in true }
    ) -> (releases: [ChartRelease], notes: [RenderNote]) {
        var notes: [RenderNote] = []
        let releases = ReleaseScanner.scan(files: files, source: source, mayHold: mayHold, notes: &notes)
        return (releases, notes)
    }

    package func render(files: [String], source: @escaping PolicyEngine.FileSource) async -> Outcome {
        let (releases, notes) = Self.releases(files: files, source: source)
        var outcome = await render(releases)
        outcome.notes = notes + outcome.notes
        return outcome
    }

    /// Renders `releases`, each on its own; one that fails is a note.
    package func render(_ releases: [ChartRelease]) async -> Outcome {
        var outcome = Outcome()
        outcome.releaseCount = releases.count
        var releases = releases
        if fetcher == nil {
            // Offline: one note for every release of a published chart, not one each.
            let published = releases.filter { if case .published = $0.chart { true } else { false } }
            if !published.isEmpty {
                releases.removeAll { if case .published = $0.chart { true } else { false } }
                let named = published.prefix(3).map(\.owner).joined(separator: ", ")
                outcome.globalNotes.append(
                    "\(published.count) release(s) of published charts are not rendered offline (\(named)\(published.count > 3 ? ", ..." : ""))"
                )
            }
        }
        let store = ChartStore(library: library, fetcher: fetcher, cacheFolder: cacheFolder, folderOnDisk: folderOnDisk)
        let results = await withTaskGroup(of: (Int, Result<GeneratedManifests, RenderNote>).self) { group in
            var next = 0
            var results: [(Int, Result<GeneratedManifests, RenderNote>)] = []
            func start() {
                guard next < releases.count else { return }
                let number = next
                let release = releases[number]
                let renderer = self.renderer
                group.addTask { (number, await Self.render(release, number: number, store: store, renderer: renderer)) }
                next += 1
            }
            for _ in 0..<parallelism { start() }
            for await result in group {
                results.append(result)
                start()
            }
            return results.sorted { $0.0 < $1.0 }
        }
        outcome.globalNotes += await store.notes
        for (number, result) in results {
            switch result {
            case .success(let generated):
                outcome.generated.append(generated)
                if case .folder(let folder) = releases[number].chart { outcome.renderedChartFolders.insert(folder) }
            case .failure(let note):
                outcome.notes.append(note)
            }
        }
        return outcome
    }

    private static func render(_ release: ChartRelease, number: Int, store: ChartStore, renderer: (any ChartRenderer)?)
        async -> Result<GeneratedManifests, RenderNote>
    {
        do {
            let chart = try await store.chart(release.chart)
            return .success(try ReleaseRenderer(renderer: renderer).render(release, chart: chart, number: number))
        } catch {
            return .failure(RenderNote(location: release.anchor, message: "\(release.owner): not rendered: \(error)"))
        }
    }
}
