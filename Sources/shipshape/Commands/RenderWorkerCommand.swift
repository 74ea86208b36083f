import ArgumentParser
import Foundation
import HelmKit

/// `shipshape render-worker`: renders charts for another shipshape process, one JSON request per
/// line on standard input, one JSON answer per line on standard output, until input ends. Runs
/// under that process's limits (`IsolatedChartRenderer`); not for people.
struct RenderWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-worker", abstract: "Render charts for another shipshape process.",
        shouldDisplay: false)

    func run() throws {
        let library = try HelmLibrary(path: HelmLibraryLocator.locate().get())
        let renderer = InProcessChartRenderer(library: library)
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        while let line = readLine(strippingNewline: true) {
            var response = RenderResponse()
            do {
                let request = try decoder.decode(RenderRequest.self, from: Data(line.utf8))
                let templates = try renderer.render(
                    chartFolder: request.chartFolder, valuesJSON: request.valuesJSON,
                    release: request.release, namespace: request.namespace)
                response.templates = Dictionary(
                    templates.map { ($0.template, $0.manifest) }, uniquingKeysWith: { first, _ in first })
            } catch let error as HelmError {
                response.error = error.message
            } catch {
                response.error = "\(error)"
            }
            FileHandle.standardOutput.write(try encoder.encode(response) + Data("\n".utf8))
        }
    }
}
