import Forge

/// The fenced block a forge turns into a one-click "commit suggestion".
enum SuggestionBlock {
    static func render(_ suggestion: Suggestion, fence style: ForgeCapabilities.SuggestionFence) -> String {
        let body = suggestion.replacement.joined(separator: "\n")
        // A fence longer than any backtick run inside keeps the replacement intact.
        var fence = "```"
        while body.contains(fence) { fence += "`" }
        let opener =
            switch style {
            case .github: fence + "suggestion"
            // GitLab's comment sits on the last line; -N takes in the N lines above it.
            case .gitlab: fence + "suggestion:-\(suggestion.endLine - suggestion.startLine)+0"
            }
        return opener + "\n" + body + (body.isEmpty ? "" : "\n") + fence
    }
}
