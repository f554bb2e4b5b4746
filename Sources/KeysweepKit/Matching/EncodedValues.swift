import Foundation
import PCRE2

/// Finds values one encoding layer down, where a plain scan cannot see them: the base64 `data:`
/// values of a Kubernetes `Secret` (YAML or JSON), percent-encoded text (a connection string
/// passed as a URL parameter), and base64 text that starts the way an encoded secret starts
/// (`Base64Leads`: a URL, a token's prefix, a registry config), decoded up to twice. A Secret's
/// value is scanned as `key: value` text (or as is when it spans lines: a PEM key, a
/// `.dockerconfigjson`), so rules see the context they would see in a plain config; matches are
/// reported at the encoded text.
///
/// Bounded on purpose: values up to 64 KiB, Secret values only in blobs that declare a Secret,
/// percent-decoding only of runs with at least two escapes, other base64 only of runs that start
/// with a lead, two layers at most, and only values that decode to printable text.
struct EncodedValues {
    struct Value {
        /// The decoded text to scan.
        let text: [UInt8]
        /// Where the encoded value is in the blob.
        let span: Range<Int>
        /// `base64` or `percent`.
        let encoding: String
        /// Whether the encoded text is never the secret itself, so that a generic rule's match
        /// on it goes (a Secret's value, percent-encoded text). Other base64 may be a password
        /// as it is used: its match goes only when the decoded text holds a secret.
        var replacesPlainMatches = true
    }

    /// Words without which a blob holds nothing to decode: the prefilter looks for them in the
    /// same walk as the rules' keywords (case folded, so a superset of the exact checks below).
    enum Marker: Int, CaseIterable {
        /// `Secret`, of `kind: Secret`.
        case secretKind
        /// The escapes of `:` and `@`.
        case percentEscape
        /// Base64 of what a secret starts with (`Base64Leads`).
        case base64Lead

        var keywords: [String] {
            switch self {
            case .secretKind: ["secret"]
            case .percentEscape: ["%3a", "%40"]
            case .base64Lead: Base64Leads.encoded.map { String(decoding: $0, as: UTF8.self) }
            }
        }
    }

    /// Compiled on first use and shared: a matcher is made for each worker and each decryption
    /// pass, and most blobs never need a value's inner layer.
    private static let valuePatterns: (yaml: Pattern, json: Pattern) = {
        do {
            let yaml = try Pattern(#"(?m)^[ \t]+(?<key>[A-Za-z0-9_.-]{1,253}):[ \t]*["']?(?<value>[A-Za-z0-9+/]{8,65535}={0,2})["']?[ \t]*(?:#[^\n]*)?\r?$"#)
            let json = try Pattern(#""(?<key>[A-Za-z0-9_.-]{1,253})"[ \t]*:[ \t]*"(?<value>[A-Za-z0-9+/]{8,65535}={0,2})""#)
            return (yaml, json)
        } catch {
            preconditionFailure("encoded-value patterns do not compile: \(error)")
        }
    }()
    private var yamlValue: Pattern { Self.valuePatterns.yaml }
    private var jsonValue: Pattern { Self.valuePatterns.json }

    /// Whether the blob declares a Kubernetes Secret (`kind: Secret`, `"kind": "Secret"`): one
    /// pass for `Secret` (its `S` is rarer than `k` or `"` in source text), then `kind` just before.
    static func mayHoldSecretData(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var from = 0
        while let hit = ByteSearch.firstIndex(of: secretWord, in: bytes, within: from..<bytes.count) {
            let before = bytes[max(0, hit - 12)..<hit]
            if before.count >= 4, (0...(before.count - 4)).contains(where: { offset in
                before.dropFirst(offset).prefix(4).elementsEqual(kindWord)
            }) { return true }
            from = hit + 1
        }
        return false
    }

    private static let secretWord = Array("Secret".utf8)
    private static let kindWord = Array("kind".utf8)

    /// Whether the blob has percent-escapes of `:` or `@`, the bytes a credential in a URL needs.
    /// One pass over the `%` bytes (every blob pays for this check), not one per needle.
    static func mayHoldPercentEncoding(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var from = 0
        while let percent = ByteSearch.firstIndex(of: [UInt8(ascii: "%")], in: bytes, within: from..<bytes.count) {
            guard percent + 2 < bytes.count else { return false }
            let high = bytes[percent + 1], low = bytes[percent + 2] | 0x20
            if (high == UInt8(ascii: "3") && low == UInt8(ascii: "a")) || (high == UInt8(ascii: "4") && bytes[percent + 2] == UInt8(ascii: "0")) {
                return true
            }
            from = percent + 1
        }
        return false
    }

    /// The encoded values of `bytes`, which hold `markers` (see `Marker`); `leadHitEnds`, where
    /// the prefilter saw a base64 lead end.
    func values(in bytes: UnsafeRawBufferPointer, markers: Set<Marker>, leadHitEnds: [Int], scratch: MatchScratch) -> [Value] {
        var values: [Value] = []
        if markers.contains(.secretKind), Self.mayHoldSecretData(bytes) { values += secretDataValues(in: bytes, scratch: scratch) }
        if markers.contains(.percentEscape), Self.mayHoldPercentEncoding(bytes) { values += percentEncodedValues(in: bytes, scratch: scratch) }
        if markers.contains(.base64Lead) { values += Self.base64Values(in: bytes, hitEnds: leadHitEnds, layers: 2) }
        return values
    }

    /// The printable text of base64 runs that start with a lead (`Base64Leads`), and of the runs
    /// inside that text, `layers` deep: a value encoded twice is reported at the outer run. At
    /// most `mostBase64Values` runs a blob are decoded.
    static func base64Values(in bytes: UnsafeRawBufferPointer, hitEnds: [Int]?, layers: Int) -> [Value] {
        var values: [Value] = []
        for run in Base64Leads.runs(in: bytes, hitEnds: hitEnds).prefix(mostBase64Values) {
            guard let decoded = LenientBase64.decode(bytes[run]), decoded.count >= 8, isPrintable(decoded) else { continue }
            values.append(Value(text: decoded, span: run, encoding: "base64", replacesPlainMatches: false))
            guard layers > 1 else { continue }
            let inner = decoded.withUnsafeBytes { base64Values(in: $0, hitEnds: nil, layers: layers - 1) }
            values += inner.map { Value(text: $0.text, span: run, encoding: "base64", replacesPlainMatches: false) }
        }
        return values
    }

    /// Runs of URL characters holding at least two `%XX` escapes, found from each `%` outwards
    /// (a regex that starts with a character class would crawl through the whole blob).
    private func percentEncodedValues(in bytes: UnsafeRawBufferPointer, scratch: MatchScratch) -> [Value] {
        var values: [Value] = []
        var from = 0
        while let percent = ByteSearch.firstIndex(of: [UInt8(ascii: "%")], in: bytes, within: from..<bytes.count) {
            var start = percent
            while start > 0, percent - start < 512, Self.isRunByte(bytes[start - 1]) { start -= 1 }
            var end = percent
            var escapes = 0
            while end < bytes.count, end - percent < 4096 {
                if bytes[end] == UInt8(ascii: "%") {
                    guard end + 2 < bytes.count, ValueShape.isHexDigit(bytes[end + 1]), ValueShape.isHexDigit(bytes[end + 2]) else { break }
                    escapes += 1
                    end += 3
                } else if Self.isRunByte(bytes[end]) {
                    end += 1
                } else {
                    break
                }
            }
            from = max(end, percent + 1)
            guard escapes >= 2, let decoded = Self.percentDecode(bytes[start..<end]), Self.isPrintable(decoded) else { continue }
            values.append(Value(text: decoded, span: start..<end, encoding: "percent"))
        }
        return values
    }

    /// Unreserved URL characters (RFC 3986), which percent-encoded text is made of besides escapes.
    private static func isRunByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "-"): true
        default: false
        }
    }

    /// `%XX` escapes decoded (and `+` left alone: it is literal outside form bodies).
    static func percentDecode(_ encoded: UnsafeRawBufferPointer.SubSequence) -> [UInt8]? {
        var decoded: [UInt8] = []
        var index = encoded.startIndex
        while index < encoded.endIndex {
            if encoded[index] == UInt8(ascii: "%"), index + 2 < encoded.endIndex,
               let high = ValueShape.hexValue(encoded[index + 1]), let low = ValueShape.hexValue(encoded[index + 2]) {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(encoded[index])
                index += 1
            }
        }
        return decoded
    }

    private func secretDataValues(in bytes: UnsafeRawBufferPointer, scratch: MatchScratch) -> [Value] {
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
                values.append(Value(text: text, span: span, encoding: "base64"))
            }
        }
        return values
    }

    /// A bound on the base64 values decoded in one blob: a file of hostile text cannot make the
    /// scan decode and search thousands of them.
    static let mostBase64Values = 256

    /// UTF-8 text without control bytes other than tab, CR and LF.
    static func isPrintable(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty, String(validating: bytes, as: UTF8.self) != nil else { return false }
        return bytes.allSatisfy { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}
