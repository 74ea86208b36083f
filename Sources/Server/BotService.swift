import Bot
import Forge
import Foundation
import GitKit
import HTTPKit
import HelmKit
import Hummingbird
import Logging
import Manifests
import Policy
import Rendering
import Review
import ServiceLifecycle
import UnixSignals
import Upgrades
import Vulnerabilities

/// `shipshape serve`: the webhook server and the workers in one process, sharing one queue;
/// SIGTERM and SIGINT shut it down gracefully.
package struct BotService: Sendable {
    package let configuration: BotConfiguration
    package let queue: any BotDatabase
    package let metrics = ServerMetrics()
    let logger = Logger(label: "shipshape")

    package init(configuration: BotConfiguration, queue: any BotDatabase) {
        self.configuration = configuration
        self.queue = queue
    }

    package func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let secrets = WebhookSecrets(
            Dictionary(configuration.forges.map { ($0.endpoint.kind, $0.webhookSecret) }) { first, _ in first })
        let intake = WebhookIntake(
            secrets: secrets,
            routing: EventRouting(
                scanDefaultBranch: configuration.scanDefaultBranch,
                reviewDrafts: configuration.reviewDrafts), queue: queue,
            gitHubAppID: configuration.forges.lazy.compactMap { settings -> Int? in
                guard case .gitHubApp(let id, _, _, _) = settings.endpoint.authentication else { return nil }
                return Int(id)
            }.first,
            installations: queue)
        let forgeClient = HTTPClientFactory.make(
            caBundle: configuration.caBundlePath, plainHTTPHosts: configuration.plainHTTPForgeHosts)
        let forgeChecks = configuration.forges.map { settings in
            (forge: settings.endpoint.kind.rawValue, check: settings.endpoint.credentialCheck(client: forgeClient))
        }
        let handler = try makeHandler()
        let server = WebhookServer(
            settings: ServerSettings(
                host: configuration.host, port: configuration.port,
                maximumBodyBytes: configuration.maximumBodyBytes),
            intake: intake, metrics: metrics,
            readiness: Readiness(queue: queue, forgeChecks: forgeChecks, logger: logger),
            dashboard: try dashboardSite(imageScans: handler.vulnerabilities?.imageScans), logger: logger)
        if let images = handler.vulnerabilities {
            metrics.addCollector { [metrics = self.metrics] in
                metrics.images(
                    images.statistics.snapshot, imports: (try? await images.advisories.imports()) ?? [], now: Date())
            }
        }
        let metrics = self.metrics
        let logger = self.logger
        let host = ProcessInfo.processInfo.hostName
        let workers = (0..<configuration.workers).map { index in
            let lease = Duration.seconds(configuration.leaseSeconds)
            let settings = Worker.Settings(
                leaseDuration: lease, heartbeatInterval: lease / 4, idlePoll: .milliseconds(500),
                shutdownGrace: .seconds(25))
            return Worker(
                queue: queue, handler: handler, owner: "\(host)-\(getpid())-\(index)", settings: settings,
                logger: logger
            ) { job, outcome, duration in
                metrics.job(kind: job.kind.rawValue, outcome: outcome.rawValue, duration: duration)
                logger.info("job \(outcome.rawValue) after \(duration)", metadata: job.logMetadata)
            }
        }
        // With no workers (an intake-only replica) there is no worker service: a service that ends
        // would end the process.
        var services: [any Service] = [server.service(onRunning: onListening)]
        if !workers.isEmpty { services.append(WorkerService(workers: workers)) }
        if !configuration.schedules.isEmpty {
            let leadership = queue.leadership()
            // On the intake's threads too: a firing's enqueue may be handed the next group commit.
            services.append(
                IntakeService(
                    wrapped: SchedulerService(
                        scheduler: Scheduler(schedules: configuration.schedules, queue: queue, logger: logger),
                        leadership: leadership)))
        }
        if let schedule = try handler.vulnerabilities?.importSchedule() {
            services.append(AdvisoryImportService(schedule: schedule))
        }
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// Helm's library, when installed: reviews then render the charts a pull request affects and
    /// upgrade pull requests say what the new chart changes; without it, the log says why once.
    func helmLibrary() -> HelmLibrary? {
        do {
            return try HelmLibrary(path: HelmLibraryLocator.locate().get())
        } catch {
            logger.warning("charts are not rendered (reviews check the files as written): \(error)")
            return nil
        }
    }

    func chartRendering(_ library: HelmLibrary) -> ChartRendering? {
        let cacheFolder = URL(fileURLWithPath: configuration.cacheDirectory + "/upgrades")
        let http = HTTPClientFactory.make(
            caBundle: configuration.caBundlePath, plainHTTPHosts: configuration.upgrades.plainHTTPHosts,
            rateLimits: StandardRateLimits())
        let lookup: VersionLookup
        do {
            lookup = try VersionLookup.make(
                settings: configuration.upgrades, http: http, cache: DiskCache(folder: cacheFolder))
        } catch {
            logger.warning("charts are not fetched (the upgrades settings cannot be used): \(error)")
            return nil
        }
        var rendering = ChartRendering(
            library: library, fetcher: ChartArchiveFetcher(lookup: lookup, http: http), cacheFolder: cacheFolder)
        // Pull requests are strangers' code: their charts render in worker processes under limits.
        rendering.renderer = IsolatedChartRenderer(executable: IsolatedChartRenderer.thisProgram)
        return rendering
    }

    func makeHandler() throws -> BotJobHandler {
        var defaults = try BundledData.defaultConfiguration()
        if let path = configuration.repositoryDefaults {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw BotConfigurationReader.Problems(
                    file: path, problems: [(1, "cannot read the repository defaults")])
            }
            defaults = defaults.merging(
                try ConfigurationReader.read(text: text, file: path, knownChecks: Catalogue.ids))
        }
        let deprecations = try BundledData.deprecations()
        var engine = ReviewEngine(
            defaults: defaults, deprecations: deprecations,
            facts: FactsCache(directory: configuration.cacheDirectory + "/facts"))
        let library = helmLibrary()
        engine.rendering = library.flatMap(chartRendering)
        let client = MeteredHTTPClient(
            wrapped: HTTPClientFactory.make(
                caBundle: configuration.caBundlePath, plainHTTPHosts: configuration.plainHTTPForgeHosts),
            metrics: metrics)
        let forges = ForgeDirectory(
            endpoints: configuration.forges.map(\.endpoint), client: client,
            installations: queue)
        var handler = BotJobHandler(
            forges: forges,
            mirrors: MirrorCache(
                directory: configuration.cacheDirectory + "/mirrors", plainHTTPHosts: configuration.plainHTTPForgeHosts),
            engine: engine,
            templates: try CommentTemplates(overrides: configuration.templates),
            publication: PublicationSettings(maximumInlineComments: configuration.maximumInlineComments),
            authorizer: CommandAuthorizer(allowedUsers: configuration.allowedUsers),
            upgrades: upgradeSetup(library: library, defaults: defaults, deprecations: deprecations),
            committer: configuration.commitAuthor, vulnerabilities: try vulnerabilitySetup())
        if let dashboard = configuration.dashboard {
            handler.scanHistory = ScanHistoryRecorder(
                history: queue,
                retention: ScanRetention(
                    scansPerRepository: dashboard.retainedScans,
                    maximumAge: dashboard.retainedDays.map { Double($0) * 86_400 }))
        }
        return handler
    }

    /// The image scans of reviews and schedules, when `vulnerabilities:` is configured: advisories
    /// kept in the PostgreSQL queue's database when there is one (no SQLite file is opened then),
    /// else in the `advisories:` SQLite file.
    private func vulnerabilitySetup() throws -> VulnerabilitySetup? {
        guard let settings = configuration.vulnerabilities else { return nil }
        let (store, storeName) = try advisoryStore(settings)
        let http = HTTPClientFactory.make(
            caBundle: configuration.caBundlePath, plainHTTPHosts: configuration.upgrades.plainHTTPHosts,
            rateLimits: StandardRateLimits())
        return try VulnerabilitySetup(
            settings: settings, store: store, storeName: storeName, upgrades: configuration.upgrades,
            http: http,
            cache: DiskCache(folder: URL(fileURLWithPath: configuration.cacheDirectory + "/upgrades")),
            layerFolder: URL(fileURLWithPath: configuration.cacheDirectory + "/layers"))
    }

    private func advisoryStore(_ settings: VulnerabilitySettings) throws -> (
        any AdvisoryStore & ImageScanArchive, String
    ) {
        if let shared = queue.sharedAdvisories() { return (shared, "the PostgreSQL queue's database") }
        // The configuration reader asks for `advisories:` beside a SQLite queue; this is for one built otherwise.
        guard let path = settings.advisoryDatabase else { throw NoAdvisoryDatabase() }
        do {
            return (try AdvisoryDatabase(path: path), "SQLite \(path)")
        } catch {
            throw BotConfigurationReader.Problems(
                file: path, problems: [(1, "cannot open the advisory database: \(error)")])
        }
    }

    struct NoAdvisoryDatabase: Error, CustomStringConvertible {
        var description: String { "with a SQLite queue, `vulnerabilities` needs `advisories: PATH` (the SQLite file)" }
    }

    private func upgradeSetup(library: HelmLibrary?, defaults: PolicyConfiguration, deprecations: DeprecationTable)
        -> UpgradeSetup
    {
        let http = HTTPClientFactory.make(
            caBundle: configuration.caBundlePath, plainHTTPHosts: configuration.upgrades.plainHTTPHosts,
            rateLimits: StandardRateLimits())
        var setup = UpgradeSetup(
            settings: configuration.upgrades, http: http,
            cache: DiskCache(folder: URL(fileURLWithPath: configuration.cacheDirectory + "/upgrades")),
            deprecations: deprecations,
            kubernetesVersion: defaults.kubernetesVersion ?? deprecations.newestKubernetes
                ?? ReleaseVersion("1.35")!, committer: configuration.commitAuthor)
        setup.library = library
        // Upgrades render the repository's values too: under the same limits as reviews.
        setup.renderer = IsolatedChartRenderer(executable: IsolatedChartRenderer.thisProgram)
        return setup
    }
}
