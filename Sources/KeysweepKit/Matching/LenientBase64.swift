import Foundation

/// Base64 as people write it: standard or URL-safe (`-` and `_`), padded or not (a registry's
/// `auth` in `.dockercfg`, base64url tokens). Foundation's decoder takes only standard, padded
/// text.
enum LenientBase64 {
    /// `run` decoded, standard or URL-safe, padded or not; nil when it is not base64.
    static func decode(_ run: some Collection<UInt8>) -> [UInt8]? {
        var text = run.filter { $0 != UInt8(ascii: "=") }.map { byte -> UInt8 in
            byte == UInt8(ascii: "-") ? UInt8(ascii: "+") : byte == UInt8(ascii: "_") ? UInt8(ascii: "/") : byte
        }
        // A character left over after the last full group carries too few bits for a byte.
        if text.count % 4 == 1 { text.removeLast() }
        text += Array(repeating: UInt8(ascii: "="), count: (4 - text.count % 4) % 4)
        return Data(base64Encoded: Data(text)).map(Array.init)
    }
}
