/// The `dashboard:` section of `shipshape.yaml`: without it the dashboard is off (no routes, no
/// scan history written).
package struct DashboardSettings: Sendable, Equatable {
    /// Scans kept per repository (the newest); older ones are deleted when a scan is recorded.
    package var retainedScans: Int
    /// Scans older than this many days are deleted when a scan is recorded; nil keeps them.
    package var retainedDays: Int?
    /// Sign-in through the forges (`publicURL`, `sessionSecret`, `oauth`, `admins`); nil: nobody can sign in.
    package var signIn: DashboardSignInSettings?
    /// `dashboard.templates`: a folder of `NAME.mustache` files replacing the built-in pages of the same name.
    package var templates: String?

    package init(retainedScans: Int = 100, retainedDays: Int? = 90) {
        self.retainedScans = retainedScans
        self.retainedDays = retainedDays
    }
}
