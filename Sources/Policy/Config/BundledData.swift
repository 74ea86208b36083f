import Manifests

/// The defaults built into the binary from `config/` (see the EmbedConfig plugin).
public enum BundledData {
    public static func text(of name: String) -> String? {
        EmbeddedConfig.files[name]
    }

    /// `config/checks.yaml`: every check's default severity and the default exemptions.
    public static func defaultConfiguration() throws(ConfigurationError) -> PolicyConfiguration {
        try ConfigurationReader.read(
            text: EmbeddedConfig.files["checks.yaml"] ?? "", file: "config/checks.yaml", knownChecks: Catalogue.ids)
    }

    /// `config/deprecations.yaml`.
    public static func deprecations() throws(ConfigurationError) -> DeprecationTable {
        try DeprecationTable.read(
            text: EmbeddedConfig.files["deprecations.yaml"] ?? "", file: "config/deprecations.yaml")
    }
}
