import Server
import Testing

@Suite struct ServerSettingsTests {
    @Test func defaultsListenEverywhereOnEightyEightyWithAFiveMegabyteLimit() {
        let settings = ServerSettings()
        #expect(settings.port == 8080)
        #expect(settings.maximumBodyBytes == 5 * 1024 * 1024)
    }
}
