import Bot
import Testing

@Suite struct CommentMarkersTests {
    @Test func fingerprintSurvivesTheRoundTripThroughACommentBody() {
        let fingerprint = "runAsRootAllowed|apps/web-app.yaml|Deployment/shop/web--app|nginx|spec.template.spec"
        let body = "Some text\n\n" + CommentMarkers.finding(fingerprint) + "\n"
        #expect(CommentMarkers.fingerprint(in: body) == fingerprint)
        #expect(!CommentMarkers.finding(fingerprint).dropFirst(4).dropLast(3).contains("--"))
        #expect(CommentMarkers.fingerprint(in: "no marker here") == nil)
    }
}
