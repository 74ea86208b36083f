extension LoopbackHTTPServer {
    /// The head of `response` at once, then its body `piece` bytes at a time, each after
    /// `interval`; with no interval, only the first piece, then a wait until the server shuts down
    /// (a stall). The connection closes afterwards.
    func sendSlowly(
        _ response: ServedResponse, method: String, to stream: SocketStream, piece: Int, interval: Duration?
    ) {
        let bytes = response.wireBytes(forMethod: method, closing: true)
        var sent = bytes.count - (method == "HEAD" ? 0 : response.body.count)
        guard stream.write(Array(bytes[..<sent])) else { return }
        guard let interval else {
            _ = stream.write(Array(bytes[sent..<min(sent + piece, bytes.count)]))
            _ = pause(.seconds(3600))
            return
        }
        while sent < bytes.count {
            guard pause(interval) else { return }
            let end = min(sent + max(1, piece), bytes.count)
            guard stream.write(Array(bytes[sent..<end])) else { return }
            sent = end
        }
    }
}
