import Foundation
import GitKit
import Policy
import ShipshapeTesting
import Testing

@testable import Review

/// A pushed file larger than GitKit reads (`Repository.maximumBlobBytes`: Git stores it
/// compressed, so a small push can hold one) is reported as unreadable, and the review of the
/// rest goes on: the refusal once failed the whole review.
@Suite struct HugeBlobReviewTests {
    @Test func aFileOverTheBlobLimitIsUnreadableAndTheRestIsReviewed() throws {
        let (fixture, work) = try ReviewEngineTests.baseRepository()
        defer { fixture.shutdown() }
        try FileManager.default.createDirectory(atPath: work + "/apps", withIntermediateDirectories: true)
        var huge = Data("# ".utf8)
        huge.append(Data(repeating: UInt8(ascii: "x"), count: Repository.maximumBlobBytes))
        try huge.write(to: URL(fileURLWithPath: work + "/apps/huge.yaml"))
        try FileNameReviewTests.pod.write(toFile: work + "/apps/pod.yaml", atomically: true, encoding: .utf8)
        try fixture.commitAndPush(work, message: "pr", refspecs: [])

        let repository = try Repository.open(at: work)
        let review = try ReviewEngineTests.engine().review(ReviewRequest(base: "main", head: "pr"), in: repository)
        let found = Set(review.comments.filter { $0.finding.file == "apps/pod.yaml" }.map(\.finding.checkID))
        #expect(found.isSuperset(of: ["runAsPrivileged", "hostNetworkSet"]))
        let hugeOutcome = review.files.first { $0.path == "apps/huge.yaml" }
        #expect(hugeOutcome?.status == .unreadable)
        #expect(hugeOutcome?.error?.contains("over the limit of \(Repository.maximumBlobBytes) bytes") == true)
        let images = try ReviewEngineTests.engine().changedImages(in: review, repository: repository)
        #expect(images.count == 1, "the pod's image is still found beside the unreadable file")
    }
}
