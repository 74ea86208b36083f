/// One package's header as the rpmdb stores it: a count of index entries and the size of the
/// data store (both big-endian 32-bit), 16-byte entries (tag, type, offset, count), then the data.
/// Every offset and count is checked against the blob, so a lying header is an error.
struct RPMHeader {
    enum Tag: Int32 {
        case name = 1000
        case version = 1001
        case release = 1002
        case epoch = 1003
        case arch = 1022
        case sourceRPM = 1044
    }

    private var strings: [Int32: String] = [:]
    private var integers: [Int32: Int32] = [:]

    init(blob: [UInt8]) throws(PackageDatabaseError) {
        func int32(_ at: Int) -> Int32 {
            Int32(
                bitPattern: UInt32(blob[at]) << 24 | UInt32(blob[at + 1]) << 16 | UInt32(blob[at + 2]) << 8
                    | UInt32(blob[at + 3]))
        }
        guard blob.count >= 8 else { throw PackageDatabaseError("an rpm header is shorter than its 8-byte preamble") }
        let indexCount = Int(int32(0))
        let dataSize = Int(int32(4))
        let dataStart = 8 + indexCount * 16
        guard indexCount >= 0, indexCount < 100_000, dataSize >= 0, dataStart + dataSize <= blob.count else {
            throw PackageDatabaseError(
                "an rpm header claims \(indexCount) entries and \(dataSize) data bytes, more than its \(blob.count) bytes"
            )
        }
        for entry in 0..<indexCount {
            let at = 8 + entry * 16
            let (tag, type, offset) = (int32(at), int32(at + 4), Int(int32(at + 8)))
            guard Tag(rawValue: tag) != nil else { continue }
            guard offset >= 0, offset < dataSize else {
                throw PackageDatabaseError("rpm header tag \(tag) points outside its data")
            }
            let data = blob[(dataStart + offset)..<(dataStart + dataSize)]
            switch type {
            case 6, 8, 9:  // STRING, STRING_ARRAY, I18NSTRING: the first string
                strings[tag] = String(decoding: data.prefix { $0 != 0 }, as: UTF8.self)
            case 4 where data.count >= 4:  // INT32
                integers[tag] = int32(dataStart + offset)
            default:
                continue
            }
        }
    }

    func string(_ tag: Tag) -> String? { strings[tag.rawValue] }
    func integer(_ tag: Tag) -> Int32? { integers[tag.rawValue] }
}
