import ArgumentParser
import Bot
import Dashboard
import Forge
import Foundation

/// `shipshape dashboard-page`: renders one repository's dashboard page from a queue database,
/// as a signed-in reader would get it, and says how long each rendering took (reading the scan
/// included). For `scripts/bench-dashboard`; not for people.
struct DashboardPageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard-page", abstract: "Render a repository's dashboard page from a queue database.",
        shouldDisplay: false)

    @Option(help: "The SQLite queue file.") var sqlite: String
    @Option(help: "The forge kind (github, gitea, gitlab).") var forge = "github"
    @Option(help: "The repository, owner/name.") var repository: String
    @Option(help: "Render this many times; the timings go to standard error.") var times = 1

    /// Everyone reads everything: the command is run by whoever can read the database file anyway.
    struct LocalReader: DashboardAccess {
        func viewer(cookieHeader: String?) async -> DashboardViewer? {
            DashboardViewer(login: "local", forge: "local", isAdmin: false, csrfToken: "")
        }
        func canRead(_ viewer: DashboardViewer, forge: String, repository: String) async -> Bool { true }
    }

    func run() async throws {
        guard let kind = ForgeKind(rawValue: forge) else {
            throw CommandFailure("--forge \(forge): github, gitea or gitlab")
        }
        let queue = try SQLiteJobQueue(path: sqlite)
        let endpoint = ForgeEndpoint(
            kind: kind, apiRoot: try ForgeEndpoint.apiRoot(kind: kind, instance: "https://\(forge).example.com"),
            authentication: .token(""))
        let pages = DashboardPages(
            access: LocalReader(), database: queue, forges: [endpoint], templates: try DashboardTemplates())
        let viewer = DashboardViewer(login: "local", forge: "local", isAdmin: false, csrfToken: "")
        var durations: [Duration] = []
        var html: String?
        let clock = ContinuousClock()
        for _ in 0..<max(1, times) {
            let start = clock.now
            html = try await pages.repositoryPage(viewer, forge: forge, repository: repository)
            durations.append(clock.now - start)
        }
        guard let html else { throw CommandFailure("\(sqlite): no scan of \(forge):\(repository)") }
        let milliseconds = durations.map {
            Double($0.components.attoseconds) / 1e15 + Double($0.components.seconds) * 1e3
        }
        .sorted()
        FileHandle.standardError.write(
            Data(
                String(
                    format: "rendered %d times: min %.1f ms, median %.1f ms, max %.1f ms (%d bytes)\n",
                    milliseconds.count, milliseconds[0], milliseconds[milliseconds.count / 2],
                    milliseconds[milliseconds.count - 1], html.utf8.count
                ).utf8))
        print(html)
    }
}
