import Foundation
import PCRE2

/// Finds values one base64 layer down, where a plain scan cannot see them: the `data:` values of a
/// Kubernetes `Secret` (YAML or JSON). Each decoded value is scanned as `key: value` text (or as
/// is, when it spans lines: a PEM key, a `.dockerconfigjson`), so rules see the same context
/// they would in a plain config; matches are reported at the encoded text.
///
/// Bounded on purpose: one layer, values up to 64 KiB, only in blobs that declare a Secret, and
/// only values that decode to printable text.
struct EncodedValues {
    struct Value {
        /// The decoded text to scan.
        let text: [UInt8]
        /// Where the encoded value is in the blob.
        let span: Range<Int>
    }

    private let yamlValue: Pattern
    private let jsonValue: Pattern

    init() {
        do {
            yamlValue = try Pattern(#"(?m)^[ \t]+(?<key>[A-Za-z0-9_.-]{1,253}):[ \t]*["']?(?<value>[A-Za-z0-9+/]{8,65535}={0,2})["']?[ \t]*(?:#[^\n]*)?\r?$"#)
            jsonValue = try Pattern(#""(?<key>[A-Za-z0-9_.-]{1,253})"[ \t]*:[ \t]*"(?<value>[A-Za-z0-9+/]{8,65535}={0,2})""#)
        } catch {
            preconditionFailure("encoded-value patterns do not compile: \(error)")
        }
    }

    /// Whether the blob declares a Kubernetes Secret (`kind: Secret`, `"kind": "Secret"`).
    static func mayHoldSecretData(_ bytes: UnsafeRawBufferPointer) -> Bool {
        contains(bytes, "kind: Secret") || contains(bytes, "\"kind\": \"Secret\"") || contains(bytes, "\"kind\":\"Secret\"")
    }

    func values(in bytes: UnsafeRawBufferPointer, scratch: MatchScratch) -> [Value] {
        var values: [Value] = []
        for pattern in [yamlValue, jsonValue] {
            guard let keyGroup = pattern.groupNumbers["key"], let valueGroup = pattern.groupNumbers["value"] else { continue }
            var start = 0
            while case .match(let groups) = pattern.firstMatch(in: bytes, from: start, scratch: scratch) {
                start = max(groups.whole.upperBound, start + 1)
                guard let key = groups[keyGroup], let span = groups[valueGroup],
                      let decoded = Data(base64Encoded: Data(bytes[span])).map(Array.init), Self.isPrintable(decoded)
                else { continue }
                let text = decoded.contains(UInt8(ascii: "\n")) ? decoded : Array(bytes[key]) + Array(": ".utf8) + decoded
                values.append(Value(text: text, span: span))
            }
        }
        return values
    }

    /// UTF-8 text without control bytes other than tab, CR and LF.
    static func isPrintable(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty, String(validatingUTF8: bytes.map { CChar(bitPattern: $0) } + [0]) != nil else { return false }
        return bytes.allSatisfy { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// `memchr` for the needle's first byte, then a comparison: the blob is read at memory speed.
    private static func contains(_ bytes: UnsafeRawBufferPointer, _ needle: String) -> Bool {
        let needle = Array(needle.utf8)
        guard let base = bytes.baseAddress, let first = needle.first, bytes.count >= needle.count else { return false }
        var offset = 0
        let last = bytes.count - needle.count
        while offset <= last {
            guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
            let index = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + index, needle, needle.count) == 0 { return true }
            offset = index + 1
        }
        return false
    }
}
