/// Markdown for text that comes from a chart.
enum MarkdownText {
    /// A code span that holds `text` literally, whatever backticks it contains.
    static func code(_ text: String) -> String {
        var longestRun = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        guard longestRun > 0 else { return "`\(text)`" }
        let fence = String(repeating: "`", count: longestRun + 1)
        return "\(fence) \(text) \(fence)"
    }
}
