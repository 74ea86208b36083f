/// The sign-in's addresses, and which dashboard paths a sign-in may return to.
enum SignInPaths {
    static let signIn = "/dashboard/sign-in"
    static let callback = "/dashboard/oauth/callback"
    static let signOut = "/dashboard/sign-out"
    static let home = "/dashboard"

    /// `next` when it is a dashboard path of this server, else the overview: a sign-in never
    /// sends the browser to another site, nor back into itself.
    static func safeNext(_ next: String?) -> String {
        guard let next, next == home || next.hasPrefix(home + "/") || next.hasPrefix(home + "?"),
            !next.contains("//"), !next.contains("\\"), next.utf8.count <= 2_048,
            !next.hasPrefix(signIn), !next.hasPrefix(callback), !next.hasPrefix(signOut),
            next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else { return home }
        return next
    }
}
