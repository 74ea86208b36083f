import ShipshapeTesting
import Testing

@testable import Forge

/// "Get repository permissions for a user" (docs.github.com/en/rest/collaborators): `permission`
/// is the base role, custom roles included; `role_name` names the role itself. A custom role built
/// on write may run `fix`; it was read as no permission at all.
@Suite struct GitHubPermissionTests {
    @Test(
        arguments: [
            ("write", "security-engineer", Permission.write), ("read", "auditor", .read),
            ("maintain", String?.none, .maintain),
            ("triage", nil, .triage), ("admin", nil, .admin), ("write", nil, .write),
        ] as [(String, String?, Permission)])
    func theBaseRoleCountsAndRoleNameOnlyRefinesIt(permission: String, customRole: String?, expected: Permission)
        async throws
    {
        let standIn = try StandInRepository(.github, bot: "shipshape")
        defer { standIn.forge.shutdown() }
        standIn.forge.state.addUser(login: "carol", token: "carol-token", permission: permission)
        if let customRole { standIn.forge.state.setCustomRole(login: "carol", role: customRole) }

        #expect(try await standIn.github().permission(of: "carol") == expected)
        #expect(standIn.forge.violations.isEmpty, "\(standIn.forge.violations)")
    }
}
