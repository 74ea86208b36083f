/// An id the forge sends as a number (GitHub, GitLab, Gitea) or as text, kept as text.
struct ForgeID: Decodable, Equatable, CustomStringConvertible {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Numbers first: every forge sends them for comments, reviews and notes.
        if let number = try? container.decode(Int.self) {
            text = String(number)
        } else {
            text = try container.decode(String.self)
        }
    }

    var description: String { text }
}
