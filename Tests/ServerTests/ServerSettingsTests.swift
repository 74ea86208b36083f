import Server
import Testing

@Suite struct ServerSettingsTests {
    @Test func defaultsAcceptWhatGitHubMaySend() {
        let settings = ServerSettings()
        #expect(settings.port == 8080)
        #expect(settings.maximumBodyBytes == 25 * 1024 * 1024, "GitHub delivers payloads up to 25 MB")
    }
}
