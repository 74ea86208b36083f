import Foundation
import HelmKit
import Manifests
import Policy
import ShipshapeTesting
import Testing

@testable import Rendering

/// Charts from strangers' pull requests render in worker processes: a template that computes
/// forever or eats memory stops its worker, is a note, and the other releases still render.
@Suite struct IsolatedRenderingTests {
    /// The shipshape binary `swift build --build-tests` leaves beside the tests.
    static var shipshape: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../.build/debug/shipshape")
            .standardized.path
    }

    static func chart(_ name: String, data: String) -> [String: String] {
        [
            "charts/\(name)/Chart.yaml": "apiVersion: v2\nname: \(name)\nversion: 0.1.0\n",
            "charts/\(name)/templates/configmap.yaml":
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\ndata:\n  a: \"\(data)\"\n",
        ]
    }

    func check(_ files: [String: String], limits: IsolatedChartRenderer.Limits) async throws -> ChartRendering.Outcome {
        #expect(
            FileManager.default.isExecutableFile(atPath: Self.shipshape),
            "build shipshape first (swift build --build-tests)")
        let folder = FileManager.default.temporaryDirectory.appending(path: "shipshape-isolated-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in files {
            let url = folder.appending(path: path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        var rendering = ChartRendering(library: try RenderHarness.library.get(), fetcher: nil, cacheFolder: nil)
        rendering.renderer = IsolatedChartRenderer(executable: Self.shipshape, limits: limits)
        let paths = try ManifestWalker.files(under: [folder.path])
        return await rendering.render(files: paths) { try FileContents.read($0) }
    }

    @Test func aTemplateThatComputesForeverIsStoppedAndTheRestRenders() async throws {
        var limits = IsolatedChartRenderer.Limits()
        // Long enough for the fine chart's worker on a loaded machine; the spin never ends.
        limits.timeout = .seconds(15)
        let files = Self.chart("spin", data: "{{ range until 100000 }}{{ range until 100000 }}{{ end }}{{ end }}")
            .merging(Self.chart("fine", data: "ok")) { first, _ in first }
        let outcome = try await check(files, limits: limits)
        #expect(
            outcome.generated.map(\.label).contains { $0.contains("chart fine 0.1.0") },
            "\(outcome.notes.map(\.message))")
        let note = try #require(outcome.notes.first { $0.message.contains("spin") })
        #expect(note.message.contains("took longer than 15.0 seconds"), "\(note.message)")
    }

    @Test func aTemplateThatEatsMemoryStopsItsWorkerOnly() async throws {
        // The service's own memory limit (4 GiB): the hog asks for about 16 GB. A 2 GiB limit left
        // a debug build's worker (its binary, Swift's runtime and Go's reservations) so little
        // room that on a loaded machine the fine chart's worker died too.
        var limits = IsolatedChartRenderer.Limits()
        #expect(limits.memoryBytes == 4 << 30)
        // The subject is memory: no time limit a loaded machine could reach first (a full test
        // run with four builds beside it once took over 30 s for the fine chart).
        limits.timeout = .seconds(600)
        let files = Self.chart("hog", data: "{{ range until 2000000000 }}{{ end }}").merging(
            Self.chart("fine", data: "ok")
        ) { first, _ in first }
        let outcome = try await check(files, limits: limits)
        #expect(
            outcome.generated.map(\.label).contains { $0.contains("chart fine 0.1.0") },
            "\(outcome.notes.map(\.message))")
        let note = try #require(outcome.notes.first { $0.message.contains("hog") })
        #expect(note.message.contains("the render worker ended (over its memory limit of 4096 MiB"), "\(note.message)")
    }
}
