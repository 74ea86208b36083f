import Foundation

/// Takes a response's body piece by piece as it arrives, instead of the client collecting it
/// whole: for bodies too large to hold in memory (image layers). Only a successful (2xx) final
/// answer's body goes to it; redirects, refusals and errors are collected as usual, so a caller
/// can still read why. `receive` runs on the transfer's own thread, one piece after the other,
/// never on Swift's shared pool; throwing stops the transfer, and `send` throws that error. The
/// time `receive` takes is the transfer's time: a large body is sent with an `idleTimeout` and a
/// generous `timeout`, not the client's default limit for a whole exchange.
///
/// Every `HTTPClient` hands the body over as it arrives (there is no default that collects it
/// first): a receiver's limits apply before more than a piece of the body is held.
package protocol HTTPBodyReceiver: AnyObject, Sendable {
    func receive(_ bytes: UnsafeRawBufferPointer) throws
}
