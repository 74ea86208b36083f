import Testing

@testable import Policy

@Suite struct ImageTagTests {
    @Test(arguments: [
        ("nginx", "none"), ("nginx:latest", "latest"), ("nginx:1.27", "version"),
        ("registry:5000/team/app", "none"), ("registry:5000/team/app:2.0", "version"),
        ("app@sha256:0123", "digest"), ("app:1.0@sha256:0123", "digest"),
        ("team/app:", "none"), ("team/app:1.0/", "version"), ("/", "none"),
    ])
    func tagsAreReadFromTheLastPathComponent(_ image: String, _ expected: String) {
        #expect("\(ImageReference(image).tag)" == expected)
    }
}
