import Bot
import Forge
import Foundation
import Hummingbird
import Logging
import Vulnerabilities

/// The dashboard's pages: overview, repository, jobs, and the retry of a dead job. Every request
/// asks `access` who is looking first: nobody is sent to the sign-in, a repository they cannot
/// read is 404 and left out of every list.
package struct DashboardPages: Sendable {
    package let access: any DashboardAccess
    package let database: any BotDatabase
    /// The configured forges by kind, for links into their web views.
    package let forges: [String: ForgeEndpoint]
    package let templates: DashboardTemplates
    /// The branch scans' image results, when `vulnerabilities:` is configured; nil leaves the
    /// repository page without its images section.
    package var imageScans: (any ImageScanArchive)?
    /// Scans drawn in a repository's trend and listed under "last scans".
    package var trendLength = 30
    /// Jobs listed per state on the jobs page.
    package var jobsListed = 100
    /// Where a store's failure is told in full; the page says only that the data could not be read.
    package var logger = Logger(label: "shipshape.dashboard")

    package init(
        access: any DashboardAccess, database: any BotDatabase, forges: [ForgeEndpoint], templates: DashboardTemplates
    ) {
        self.access = access
        self.database = database
        self.forges = Dictionary(forges.map { ($0.kind.rawValue, $0) }) { first, _ in first }
        self.templates = templates
    }

    func addRoutes(to router: Router<BasicRequestContext>) {
        let pages = self
        router.get("/dashboard") { request, _ in
            await pages.signedIn(request) { viewer in try await pages.overview(viewer) }
        }
        router.get("/dashboard/repositories/:forge/**") { request, context in
            await pages.signedIn(request) { viewer in
                let forge = context.parameters.get("forge") ?? ""
                let repository = context.parameters.getCatchAll().joined(separator: "/")
                return try await pages.repository(
                    viewer, forge: forge, repository: repository, filter: FindingFilter(query: Self.query(request)))
            }
        }
        router.get("/dashboard/jobs") { request, _ in
            await pages.signedIn(request) { viewer in
                let query = Self.query(request)
                return try await pages.jobs(viewer, notice: query["notice"], pages: JobListPages(query: query))
            }
        }
        router.post("/dashboard/jobs/:id/retry") { request, context in
            await pages.signedIn(request) { viewer in
                let form = FormFields(try await request.body.collect(upTo: FormFields.maximumBytes))
                return try await pages.retry(viewer, job: context.parameters.get("id").flatMap(Int64.init), form: form)
            }
        }
    }

    /// The request's query parameters, the first of each name.
    static func query(_ request: Request) -> [String: String] {
        var query: [String: String] = [:]
        for (name, value) in request.uri.queryParameters where query[String(name)] == nil {
            query[String(name)] = String(value)
        }
        return query
    }

    /// The page for a signed-in viewer; a 303 to the sign-in (coming back here afterwards) for nobody.
    func signedIn(_ request: Request, _ page: (DashboardViewer) async throws -> Response) async -> Response {
        let cookies = request.headers[values: .cookie]
        guard let viewer = await access.viewer(cookieHeader: cookies.isEmpty ? nil : cookies.joined(separator: "; "))
        else {
            let next = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
            return DashboardResponse.redirect(to: "/dashboard/sign-in?next=" + DashboardResponse.queryValue(next))
        }
        do {
            return try await page(viewer)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return errorPage(
                .contentTooLarge, "The form is larger than \(FormFields.maximumBytes) bytes.", viewer: viewer)
        } catch {
            // The store's error can name its file or host: it goes to the log, not to the page.
            logger.error("dashboard page \(request.uri.path) failed: \(error)")
            return errorPage(
                .serviceUnavailable, "The dashboard cannot read its data just now; the bot's log says why.",
                viewer: viewer)
        }
    }

    func readable(_ viewer: DashboardViewer, _ forge: String, _ repository: String) async -> Bool {
        await access.canRead(viewer, forge: forge, repository: repository)
    }

    func page(_ name: DashboardTemplates.Name, viewer: DashboardViewer, _ view: [String: Any]) -> Response {
        DashboardResponse.html(render(name, viewer: viewer, view))
    }

    func render(_ name: DashboardTemplates.Name, viewer: DashboardViewer, _ view: [String: Any]) -> String {
        templates.page(name, viewer: viewer, view)
    }

    /// An error page (`error.mustache`): 404 is the same for a repository that does not exist and
    /// one the viewer may not read.
    func errorPage(_ status: HTTPResponse.Status, _ message: String, viewer: DashboardViewer?) -> Response {
        let title =
            switch status {
            case .notFound: "Not found"
            case .forbidden: "Not allowed"
            default: status.reasonPhrase
            }
        return DashboardResponse.html(
            templates.page(.error, viewer: viewer, ["title": title, "message": message]), status: status)
    }

    func notFound(_ viewer: DashboardViewer) -> Response {
        errorPage(.notFound, "There is no such page here, or you may not see it.", viewer: viewer)
    }
}
