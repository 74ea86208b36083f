import Synchronization

/// Idle easy handles, most recently used first, so that sequential requests to one host ride
/// one kept-alive connection.
final class EasyHandlePool: Sendable {
    private let idle = Mutex<[EasyHandle]>([])
    private let maximumIdle: Int

    init(maximumIdle: Int) {
        self.maximumIdle = maximumIdle
    }

    /// An idle handle, or a new one; nil only when libcurl cannot make one.
    func take(curl: CurlFunctions) -> EasyHandle? {
        if let handle = idle.withLock({ $0.popLast() }) { return handle }
        return EasyHandle(curl: curl)
    }

    /// Resets the handle's options and keeps it (and its connections) for the next request.
    func giveBack(_ handle: EasyHandle) {
        handle.reset()
        idle.withLock { handles in
            if handles.count < maximumIdle { handles.append(handle) }
        }
    }
}
