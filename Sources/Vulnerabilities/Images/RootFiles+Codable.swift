import Foundation

/// Kept on disk by the layer cache as JSON: bytes as base64 (`Data`), not as arrays of numbers.
extension RootFiles.Content: Codable {
    private enum CodingKeys: String, CodingKey { case bytes, goBinary, symbolicLink }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let data = try container.decodeIfPresent(Data.self, forKey: .bytes) {
            self = .bytes(Array(data))
        } else if let info = try container.decodeIfPresent(GoBuildInfo.self, forKey: .goBinary) {
            self = .goBinary(info)
        } else if let target = try container.decodeIfPresent(String.self, forKey: .symbolicLink) {
            self = .symbolicLink(target)
        } else {
            self = .other
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .bytes(let bytes): try container.encode(Data(bytes), forKey: .bytes)
        case .goBinary(let info): try container.encode(info, forKey: .goBinary)
        case .symbolicLink(let target): try container.encode(target, forKey: .symbolicLink)
        case .other: break
        }
    }
}
