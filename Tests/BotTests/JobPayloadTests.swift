import Bot
import Forge
import Foundation
import Testing

/// A job's payload is typed by its kind and stored in the flat JSON of every earlier version.
@Suite struct JobPayloadTests {
    static let repository = RepositoryID("acme/shop")!

    /// Bytes an earlier version stored, each read back as its kind, and written again the same.
    @Test(arguments: [
        (
            JobKind.review, #"{"forge":"github","headSHA":"abc","number":7,"repository":"acme\/shop"}"#,
            JobPayload.Work.review(number: 7, headSHA: "abc")
        ),
        (
            .command,
            #"{"author":"alice","authorPermission":2,"body":"\/shipshape fix","commentID":"99","commentKind":"inline","forge":"gitea","number":7,"repository":"acme\/shop"}"#,
            .command(
                .init(
                    number: 7, commentID: "99", commentKind: .inline, author: "alice", body: "/shipshape fix",
                    authorPermission: Permission(rawValue: 2)))
        ),
        (
            .scan, #"{"forge":"gitlab","headSHA":"def","ref":"refs\/heads\/main","repository":"acme\/shop"}"#,
            .scan(headSHA: "def", ref: "refs/heads/main")
        ),
        (.upgrade, #"{"forge":"github","repository":"acme\/shop"}"#, .upgrade),
    ])
    func storedPayloadsOfEveryKindReadBackAndWriteTheSame(kind: JobKind, stored: String, work: JobPayload.Work) throws {
        let payload = try JobPayload.decode(Data(stored.utf8), kind: kind)
        #expect(payload.work == work)
        #expect(payload.kind == kind)
        #expect(payload.repository == Self.repository)
        #expect(String(decoding: payload.encoded(), as: UTF8.self) == stored)
    }

    /// A command stored before the comment's kind was kept is a conversation comment.
    @Test func aCommandWithoutACommentKindIsAConversationComment() throws {
        let stored =
            #"{"author":"alice","body":"\/shipshape fix","commentID":"99","forge":"github","number":7,"repository":"acme\/shop"}"#
        #expect(try JobPayload.decode(Data(stored.utf8), kind: .command).command?.commentKind == .conversation)
    }

    @Test(arguments: [
        (
            JobKind.review, #"{"forge":"github","headSHA":"abc","repository":"acme/shop"}"#,
            "a review job's payload has no `number`"
        ),
        (
            .command, #"{"forge":"github","number":7,"repository":"acme/shop","author":"a","body":"b"}"#,
            "a command job's payload has no `commentID`"
        ),
        (.scan, #"{"forge":"bitbucket","repository":"acme/shop"}"#, "unknown forge 'bitbucket'"),
        (.upgrade, #"{"forge":"github","repository":"shop"}"#, "'shop', which is not owner/name"),
    ])
    func aPayloadMissingWhatItsKindNeedsIsAnErrorNamingIt(kind: JobKind, stored: String, message: String) {
        let error = #expect(throws: JobPayloadError.self) { try JobPayload.decode(Data(stored.utf8), kind: kind) }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
    }
}
