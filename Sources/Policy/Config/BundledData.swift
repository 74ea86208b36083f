import Manifests

/// The defaults built into the binary from `config/` (see the EmbedConfig plugin).
package enum BundledData {
    package static func text(of name: String) -> String? {
        EmbeddedConfig.files[name]
    }

    /// `config/checks.yaml`: every check's default severity and the default exemptions.
    package static func defaultConfiguration() throws(ConfigurationError) -> PolicyConfiguration {
        try ConfigurationReader.read(
            text: EmbeddedConfig.files["checks.yaml"] ?? "", file: "config/checks.yaml", knownChecks: Catalogue.ids)
    }

    /// `config/deprecations.yaml`.
    package static func deprecations() throws(ConfigurationError) -> DeprecationTable {
        try DeprecationTable.read(
            text: EmbeddedConfig.files["deprecations.yaml"] ?? "", file: "config/deprecations.yaml")
    }

    /// `config/deprecations.yaml`, parsed the first time a row or target is asked for: a run that
    /// judges no object never parses it (15 of the 65 million instructions of `check` of an empty
    /// folder, issue 22). The file is built into the binary and `DeprecationTests` reads it whole,
    /// so it failing to read here would be a defect of the build, not of anything a user gave.
    package static func deprecationsReadOnFirstUse() -> DeprecationTable {
        DeprecationTable(readingOnFirstUse: {
            do { return try deprecations() } catch { preconditionFailure("\(error)") }
        })
    }
}
