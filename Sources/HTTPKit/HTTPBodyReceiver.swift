import Foundation

/// Takes a response's body piece by piece as it arrives, instead of the client collecting it
/// whole: for bodies too large to hold in memory (image layers). Only a successful (2xx) final
/// answer's body goes to it; redirects, refusals and errors are collected as usual, so a caller
/// can still read why. `receive` runs on the transfer's own thread, one piece after the other,
/// never on Swift's shared pool; throwing stops the transfer, and `send` throws that error.
package protocol HTTPBodyReceiver: AnyObject, Sendable {
    func receive(_ bytes: UnsafeRawBufferPointer) throws
}

extension HTTPClient {
    /// For clients that cannot stream (wrappers written for whole bodies, stand-ins): the whole
    /// body, handed over once it is all there.
    package func send(_ request: HTTPRequest, bodyTo receiver: any HTTPBodyReceiver) async throws -> HTTPResponse {
        var response = try await send(request)
        guard response.isSuccess else { return response }
        try response.body.withUnsafeBytes { try receiver.receive($0) }
        response.body = Data()
        return response
    }
}
