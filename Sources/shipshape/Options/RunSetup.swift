import ArgumentParser
import Foundation
import Manifests
import Policy

/// The configuration, deprecation data and engine one command runs with.
struct RunSetup {
    var configuration: PolicyConfiguration
    var engine: PolicyEngine

    static func load(configPath: String?, kubeVersion: ReleaseVersion?) throws -> RunSetup {
        var configuration = try BundledData.defaultConfiguration()
        if let configPath {
            guard let data = FileManager.default.contents(atPath: configPath) else {
                throw CommandFailure("\(configPath): cannot read the configuration file")
            }
            let text = String(decoding: data, as: UTF8.self)
            configuration = configuration.merging(
                try ConfigurationReader.read(text: text, file: configPath, knownChecks: Catalogue.ids))
        }
        let deprecations = BundledData.deprecationsReadOnFirstUse()
        let settings = EvaluationSettings(
            deprecations: deprecations,
            kubernetesVersion: kubeVersion ?? configuration.kubernetesVersion,
            targetVersions: configuration.targetVersions
        )
        return RunSetup(
            configuration: configuration, engine: PolicyEngine(configuration: configuration, settings: settings))
    }
}

/// A failure the user can act on; printed as is, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
