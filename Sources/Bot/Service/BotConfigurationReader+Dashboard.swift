import Foundation
import Manifests

extension BotConfigurationReader {
    /// `dashboard:` (an empty section turns the dashboard on with the defaults):
    /// `retention: {scans: 100, days: 90}`; `days: 0` keeps scans whatever their age; `templates: DIR`.
    mutating func dashboardSettings(_ node: YAMLNode) -> DashboardSettings {
        var settings = DashboardSettings()
        knownKeys(node, Self.dashboardSignInKeys.union(["retention", "templates"]), in: "dashboard")
        settings.signIn = dashboardSignIn(node)
        if let folder = node["templates"] {
            settings.templates = string(folder, "dashboard.templates")
            var isFolder: ObjCBool = false
            if let path = settings.templates,
                !FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) || !isFolder.boolValue
            {
                problem(folder, "dashboard.templates: \(path) is not a folder")
            }
        }
        if let retention = node["retention"] {
            knownKeys(retention, ["scans", "days"], in: "dashboard.retention")
            if let scans = retention["scans"] {
                settings.retainedScans =
                    integer(scans, "dashboard.retention.scans", in: 1...100_000) ?? settings.retainedScans
            }
            if let days = retention["days"], let number = integer(days, "dashboard.retention.days", in: 0...36_500) {
                settings.retainedDays = number == 0 ? nil : number
            }
        }
        return settings
    }
}
