import Synchronization

/// An inflater that remembers whether a build asked it for a chart.
final class ChartUse: ChartInflater {
    let inflater: any ChartInflater
    private let asked = Mutex(false)

    init(inflater: any ChartInflater) { self.inflater = inflater }

    var used: Bool { asked.withLock { $0 } }

    func inflate(chartFolder: String, valuesJSON: String, release: String, namespace: String) throws
        -> [InflatedTemplate]
    {
        asked.withLock { $0 = true }
        return try inflater.inflate(
            chartFolder: chartFolder, valuesJSON: valuesJSON, release: release, namespace: namespace)
    }
}
