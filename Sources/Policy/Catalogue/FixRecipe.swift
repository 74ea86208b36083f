/// How to fix a check's finding, as data the check declares next to itself; the `Fixes` module
/// turns it into format-preserving edits.
package struct FixRecipe: Sendable {
    /// What the paths are relative to.
    package enum Target: Sendable { case container, podSpec, object }

    package enum Action: Sendable {
        /// Set the value at the path, inserting missing keys.
        case set([String], FixValue)
        /// Remove the key at the path.
        case remove([String])
        /// Remove the key the finding points at (`ports[2].hostPort`), wherever it is.
        case removeFindingKey
        /// Move the object to its replacement apiVersion where the shape changes (Ingress v1...),
        /// with the migrations the Fixes module knows; other objects are left as they are.
        case migrateShape
        /// Add the item to the list at the path (creating the list when missing), unless it is there.
        case addToList([String], FixValue)
        /// Remove the items of the list at the path that are among these values (compared in
        /// upper case, as capability names are read); the key goes when no item is left.
        case removeFromList([String], Set<String>)
        /// Set the value only for objects of these kinds, and only where nothing is set yet.
        case setIfMissing([String], FixValue, kinds: Set<String>)
    }

    package var target: Target
    package var actions: [Action]
    /// Why, in a few words, for the review comment and the fix report.
    package var reason: String
    /// False for fixes a person should look at first (a read-only root filesystem may need a
    /// writable emptyDir): reviews offer them as suggestions, `fix` applies them only when named.
    package var appliesByDefault: Bool
    /// When set, the fix also applies by default to containers the configuration opts in.
    package var enabledBySetting: FixSettings.Switch?
    /// Fixes that build on others' results (a limit copies the request) run after them.
    package var runsAfterOthers: Bool

    package init(
        target: Target, actions: [Action], reason: String, appliesByDefault: Bool = true,
        enabledBySetting: FixSettings.Switch? = nil, runsAfterOthers: Bool = false
    ) {
        self.runsAfterOthers = runsAfterOthers
        self.target = target
        self.actions = actions
        self.reason = reason
        self.appliesByDefault = appliesByDefault
        self.enabledBySetting = enabledBySetting
    }
}

/// A value a fix writes.
package enum FixValue: Sendable, Hashable {
    /// `false`, `100m`: written as is.
    case plain(String)
    /// Text, quoted where YAML would read it as something else.
    case string(String)
    /// A one-line list of text values: `[ALL]`.
    case list([String])
    /// The value already at this path of the target (the memory request for the memory
    /// limit; the template's labels for a selector), or the fallback; no fallback: not fixable.
    indirect case copy(of: [String], otherwise: FixValue?)
    /// The configured CPU or memory request for the container (`fixes.resources`), else the fallback.
    indirect case configuredRequest(FixSettings.Request, otherwise: FixValue)
    /// `{tcpSocket: {port: …}}` (or `httpGet` on `fixes.probePath`) on the container's named port, else its first containerPort;
    /// a container that exposes no port gets no probe.
    case tcpProbeOnContainerPort
    /// The replacement apiVersion of the object's deprecated one (config/deprecations.yaml),
    /// for the `apiVersion kind` pairs whose schema does not change; others are left to a person.
    case replacementAPIVersion(sameSchema: Set<String>)
}

extension Check {
    /// Checks without a fix declare none.
    package var fix: FixRecipe? { nil }
}
