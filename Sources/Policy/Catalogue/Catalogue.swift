/// Every check Shipshape runs, in one list. Adding a check means adding its file under
/// `Checks/<Category>/<id>.swift`, a line here, and its default severity in `config/checks.yaml`;
/// `CatalogueTests` fails when one of the three is missing.
package enum Catalogue {
    package static let all: [any Check] = [
        // Reliability
        DeploymentMissingReplicas(), PriorityClassNotSet(), TagNotSpecified(), PullPolicyNotAlways(),
        ReadinessProbeMissing(), LivenessProbeMissing(), MetadataAndInstanceMismatched(), PdbDisruptionsIsZero(),
        MissingPodDisruptionBudget(), TopologySpreadConstraint(), HpaMaxAvailability(), HpaMinAvailability(),
        PdbMinAvailableGreaterThanHPAMinReplicas(),
        // Efficiency
        CpuRequestsMissing(), CpuLimitsMissing(), MemoryRequestsMissing(), MemoryLimitsMissing(),
        MissingResourceQuota(), MissingLimitRange(),
        // Security
        AutomountServiceAccountToken(), HostIPCSet(), HostPathSet(), HostProcess(), HostPIDSet(), LinuxHardening(),
        MissingNetworkPolicy(), NotReadOnlyRootFilesystem(), PrivilegeEscalationAllowed(), ProcMount(),
        RunAsRootAllowed(), RunAsPrivileged(), DangerousCapabilities(), InsecureCapabilities(), HostNetworkSet(),
        HostPortSet(), TlsSettingsMissing(), SensitiveContainerEnvVar(), SensitiveConfigmapContent(),
        ClusterrolePodExecAttach(), RolePodExecAttach(), ClusterrolebindingPodExecAttach(),
        RolebindingClusterRolePodExecAttach(), RolebindingRolePodExecAttach(), ClusterrolebindingClusterAdmin(),
        RolebindingClusterAdminClusterRole(), RolebindingClusterAdminRole(),
        // Compatibility and syntax
        DeprecatedApiVersion(), YamlSyntaxError(), DuplicateKey(),
    ]

    package static var ids: Set<String> { Set(all.map(\.id)) }

    package static var metadata: [CheckMetadata] { all.map(\.metadata) }

    package static func check(id: String) -> (any Check)? {
        all.first { $0.id == id }
    }
}
