/// A pax extended header's records, `LENGTH KEY=VALUE\n` each, LENGTH counting the whole record.
enum PaxRecords {
    static func parse(_ data: ArraySlice<UInt8>) throws(ArchiveError) -> [String: String] {
        var records: [String: String] = [:]
        var index = data.startIndex
        while index < data.endIndex {
            guard let space = data[index...].firstIndex(of: UInt8(ascii: " ")),
                let length = Int(String(decoding: data[index..<space], as: UTF8.self)), length > space - index,
                length <= data.endIndex - index
            else {
                throw ArchiveError(
                    reason: "has a malformed pax record at byte \(index - data.startIndex) of its extended header")
            }
            let record = data[(space + 1)..<(index + length - 1)]
            if let equals = record.firstIndex(of: UInt8(ascii: "=")) {
                records[String(decoding: record[..<equals], as: UTF8.self)] = String(
                    decoding: record[(equals + 1)...], as: UTF8.self)
            }
            index += length
        }
        return records
    }
}
