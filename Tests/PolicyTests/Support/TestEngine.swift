import Foundation
import Manifests
import Policy

/// The engine as `shipshape check` builds it: bundled severities, exemptions and deprecation data.
enum TestEngine {
    static func make(configuration extra: PolicyConfiguration? = nil, kubernetesVersion: ReleaseVersion? = nil) throws
        -> PolicyEngine
    {
        var configuration = try BundledData.defaultConfiguration()
        if let extra { configuration = configuration.merging(extra) }
        let settings = EvaluationSettings(
            deprecations: try BundledData.deprecations(), kubernetesVersion: kubernetesVersion,
            targetVersions: configuration.targetVersions)
        return PolicyEngine(configuration: configuration, settings: settings)
    }

    /// Reads files from disk, as `shipshape check` does.
    static let fileSource: PolicyEngine.FileSource = { path in
        guard let data = FileManager.default.contents(atPath: path) else { throw CocoaError(.fileReadUnknown) }
        return Array(data)
    }

    static func check(_ text: String, path: String = "test.yaml", configuration: PolicyConfiguration? = nil) throws
        -> CheckReport
    {
        try make(configuration: configuration).run(files: [(path, text)])
    }
}
