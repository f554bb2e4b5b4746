#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FingerprintKey {
    /// Environment variable that holds the key text.
    public static let environmentVariable = "KEYSWEEP_FINGERPRINT_KEY"
    /// A key file larger than this is refused: a key is a line of text, and a file's size must not
    /// decide how much is read.
    static let maxFileSize = 64 * 1024

    /// The key a scan uses; the first source found wins: `--fingerprint-key-file`, the environment
    /// (`KEYSWEEP_FINGERPRINT_KEY`), the config's `fingerprint_key_file`, the config's
    /// `fingerprint_key`, else the builtin key. Trailing blanks and newlines are not part of a key,
    /// so that `echo key > file` and the same text in the environment give the same key.
    public static func resolve(file: String?, environment: String?, config: ProjectConfig?) throws(KeysweepError) -> FingerprintKey {
        if let file { return try contents(ofKeyFile: file) }
        if let environment {
            let text = trimmed(Array(environment.utf8))
            guard !text.isEmpty else { throw KeysweepError(.invalidFingerprintKey, "fingerprint key from \(environmentVariable): the variable is set but empty") }
            return FingerprintKey(project: text)
        }
        if let file = config?.fingerprintKeyFile { return try contents(ofKeyFile: file) }
        if let text = config?.fingerprintKey { return FingerprintKey(project: trimmed(Array(text.utf8))) }
        return .builtin
    }

    /// The key in `file`; an unreadable, empty or oversized file is an error naming it.
    static func contents(ofKeyFile file: String) throws(KeysweepError) -> FingerprintKey {
        func failure(_ reason: String) -> KeysweepError { KeysweepError(.invalidFingerprintKey, "cannot use fingerprint key file '\(file)': \(reason)") }
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes += buffer.prefix(count)
            if bytes.count > maxFileSize { throw failure("larger than \(maxFileSize) bytes; a key is one line of text") }
        }
        let key = trimmed(bytes)
        guard !key.isEmpty else { throw failure("the file is empty") }
        return FingerprintKey(project: key)
    }

    /// Without trailing spaces, tabs, carriage returns and newlines.
    static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        var end = bytes.count
        while end > 0, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n")].contains(bytes[end - 1]) { end -= 1 }
        return Array(bytes[..<end])
    }
}
