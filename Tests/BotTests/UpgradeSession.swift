import Bot
import Forge
import Foundation
import GitKit
import HTTPKit
import Manifests
import Policy
import ShipshapeTesting
import Upgrades

/// A repository on a stand-in forge (Git served by a real `git http-backend`), a real registry
/// and a Helm repository on loopback: what the upgrade job's end-to-end tests drive.
final class UpgradeSession: @unchecked Sendable {
    static let repository = "acme/platform"
    static let botToken = "bot-token-0123456789"

    let flavor: TestForgeState.Flavor
    let fixture: GitFixture
    let bare: String
    let work: String
    let forge: TestForge
    let registry: RegistryFixture
    let charts: HelmRepositoryFixture
    let cache: URL

    static func chart(_ version: String, crds: [String], values: String, templates: [String: String] = [:])
        -> HelmChartArchive
    {
        HelmChartArchive(
            name: "cert-manager", version: version, appVersion: version, home: "https://cert-manager.io",
            sources: ["https://github.com/cert-manager/cert-manager"], values: values, templates: templates,
            crds: Dictionary(
                uniqueKeysWithValues: crds.map { name in
                    (
                        "\(name).yaml",
                        "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: \(name).cert-manager.io\n"
                    )
                }))
    }

    init(_ flavor: TestForgeState.Flavor = .github) throws {
        self.flavor = flavor
        fixture = try GitFixture()
        (bare, work) = try fixture.makeUpstream("platform")
        registry = try RegistryFixture.start()
        try registry.pushImage(repository: "jetstack/cert-manager-controller", tags: ["v1.14.2", "v1.14.5"])
        try registry.pushImage(
            repository: "team/api", tags: ["1.0.0", "1.1.0"],
            labels: ["org.opencontainers.image.source": "https://github.com/acme/api"])
        charts = try HelmRepositoryFixture.start(charts: [
            Self.chart(
                "v1.14.2", crds: ["certificates", "challenges"],
                values: "replicaCount: 1\nwebhook:\n  timeoutSeconds: 10\n"),
            Self.chart(
                "v1.14.5", crds: ["certificates", "issuers"],
                values: "replicaCount: 2\nwebhook:\n  timeoutSeconds: 10\nprometheus:\n  enabled: true\n",
                templates: [
                    "pdb.yaml":
                        "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: {{ .Release.Name }}\n"
                ]),
        ])
        forge = try TestForge(flavor: flavor)
        cache = FileManager.default.temporaryDirectory.appending(path: "shipshape-upgrade-\(UUID().uuidString)")
        let gitUser =
            switch flavor {
            case .github: "x-access-token"
            case .gitea: "shipshape-bot"
            case .gitlab: "oauth2"
            }
        let git = try fixture.startHTTPServer(token: Self.botToken, user: gitUser)
        forge.state.addUser(login: "shipshape-bot", token: Self.botToken, permission: "write")
        forge.state.addRepository(owner: "acme", name: "platform", cloneURL: git + "/platform.git")
        let (fixture, bare) = (fixture, bare)
        forge.state.followBranches {
            let listing =
                (try? fixture.git(
                    "--git-dir", bare, "for-each-ref", "--format=%(refname:short) %(objectname)", "refs/heads")) ?? ""
            return listing.split(separator: "\n").compactMap { line in
                let parts = line.split(separator: " ")
                return parts.count == 2 ? (UpgradeSession.repository, String(parts[0]), String(parts[1])) : nil
            }
        }
        try commit(
            files: [
                "infrastructure/sources.yaml": """
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: HelmRepository
                metadata:
                  name: jetstack
                  namespace: flux-system
                spec:
                  url: \(charts.url.absoluteString)
                """,
                "infrastructure/cert-manager.yaml": Self.certManager(
                    chart: "v1.14.2", image: "v1.14.2", host: registry.host),
                "apps/api/deployment.yaml": """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                spec:
                  template:
                    spec:
                      containers:
                        - name: api
                          image: \(registry.host)/team/api:1.0.0 # pinned
                """,
            ], message: "base")
    }

    static func certManager(chart: String, image: String, host: String) -> String {
        """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: cert-manager
          namespace: cert-manager
        spec:
          chart:
            spec:
              chart: cert-manager
              version: \(chart)
              sourceRef:
                kind: HelmRepository
                name: jetstack
                namespace: flux-system
          values:
            image:
              repository: \(host)/jetstack/cert-manager-controller
              tag: \(image)
        """
    }

    func shutdown() {
        forge.shutdown()
        registry.shutdown()
        charts.shutdown()
        fixture.shutdown()
        try? FileManager.default.removeItem(at: cache)
    }

    /// Commits to `main` as a person would.
    @discardableResult
    func commit(files: [String: String], message: String) throws -> String {
        // A fresh work clone has no commit yet: `main` exists after the first.
        if (try? fixture.git("rev-parse", "--verify", "-q", "main", in: work)) != nil {
            try fixture.git("checkout", "-q", "main", in: work)
        }
        for (path, text) in files { try fixture.write(text, to: path, in: work) }
        return try fixture.commitAndPush(work, message: message)
    }

    /// A person's commit on top of an upgrade branch.
    func pushByHand(to branch: String, file: String, text: String) throws {
        try fixture.git("fetch", "-q", "origin", "\(branch):\(branch)", in: work)
        try fixture.git("checkout", "-q", branch, in: work)
        try fixture.write(text, to: file, in: work)
        try fixture.git("add", "-A", in: work)
        try fixture.git(
            "-c", "user.name=Alice", "-c", "user.email=alice@example.com", "commit", "-q", "-m", "by hand", in: work)
        try fixture.git("push", "-q", "origin", branch, in: work)
        try fixture.git("checkout", "-q", "main", in: work)
    }

    func served(_ revision: String) throws -> String { try fixture.git("--git-dir", bare, "rev-parse", revision) }

    /// A person amends the bot's commit on an upgrade branch: the author stays the bot's.
    func amendByHand(_ branch: String, file: String, text: String) throws {
        try fixture.git("fetch", "-q", "origin", "+\(branch):\(branch)", in: work)
        try fixture.git("checkout", "-q", branch, in: work)
        try fixture.write(text, to: file, in: work)
        try fixture.git("add", "-A", in: work)
        try fixture.git(
            "-c", "user.name=Alice", "-c", "user.email=alice@example.com", "commit", "-q", "--amend", "--no-edit",
            in: work)
        try fixture.git("push", "-q", "--force", "origin", branch, in: work)
        try fixture.git("checkout", "-q", "main", in: work)
    }

    func servedFile(_ path: String, at revision: String) throws -> String {
        try fixture.git("--git-dir", bare, "show", "\(revision):\(path)")
    }

    func client() throws -> any Forge {
        let kind: ForgeKind =
            switch flavor {
            case .github: .github
            case .gitea: .gitea
            case .gitlab: .gitlab
            }
        let endpoint = ForgeEndpoint(kind: kind, apiRoot: forge.apiRoot, authentication: .token(Self.botToken))
        return try endpoint.forge(
            for: RepositoryID(Self.repository)!,
            client: HTTPClientFactory.make(policy: RetryPolicy(baseDelay: .milliseconds(1))))
    }

    func job(settings: UpgradeSettings = UpgradeSettings(), now: @escaping @Sendable () -> Date = { Date() }) throws
        -> UpgradeJob
    {
        let client = try client()
        let setup = UpgradeSetup(
            settings: settings, http: CurlHTTPClient(), cache: DiskCache(folder: nil),
            deprecations: try BundledData.deprecations(),
            kubernetesVersion: ReleaseVersion("1.30")!, tagListLifetime: .zero)
        return try setup.job(
            forge: client, mirrors: MirrorCache(directory: cache.path), templates: try CommentTemplates(), now: now)
    }

    var pullRequests: [[String: Any]] { forge.state.pullRequests(repository: Self.repository) }

    func pullRequest(branch: String) -> [String: Any]? {
        pullRequests.first {
            ($0["head"] as? [String: Any])?["ref"] as? String == branch || $0["source_branch"] as? String == branch
        }
    }
}
