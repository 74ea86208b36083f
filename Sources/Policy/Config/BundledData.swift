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
}
