/// Jenkins' master key as a file: `$JENKINS_HOME/secrets/master.key`, 256 hex digits (128 random
/// bytes) and nothing else. Hashed, it unseals `secrets/hudson.util.Secret`, whose key encrypts
/// every credential Jenkins stores (`credentials.xml`, jobs' `config.xml`); a Jenkins home committed
/// with both files gives all of them away (see `JenkinsCredentials`).
///
/// As with Rails' `master.key`, the bytes say "256 hex digits" and the path says which: a blob of
/// that shape is matched wherever it is read and kept only at a master key's path once provenance
/// has placed it.
enum JenkinsMasterKey {
    static let length = 256

    /// The key in `bytes` when they are a whole key file: 256 hex digits, then at most a line end.
    static func secret(ofKeyFile bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        KeyFileLine.key(in: bytes, length: length, isKey: isPlausibleKey)
    }

    /// 256 hex digits in lower case, as Jenkins writes them (`Util.toHexString`).
    static func isPlausibleKey(_ key: [UInt8]) -> Bool {
        key.count == length && key.allSatisfy(ValueShape.isLowercaseHexDigit)
    }

    /// Whether `path` is a Jenkins home's master key: `master.key` in a `secrets` folder.
    static func isKeyPath(_ path: String) -> Bool {
        let components = path.split(separator: "/")
        return components.last == "master.key" && components.dropLast().last == "secrets"
    }

    /// The Jenkins home a key at `path` belongs to, with its trailing `/` (empty at the root).
    static func home(ofKeyAt path: String) -> String? {
        guard isKeyPath(path) else { return nil }
        return String(path.dropLast("secrets/master.key".count))
    }

    /// Whether a match of the master key rule at `location` stays: a key found as a whole file
    /// counts only at a master key's path; one written in a script (`> secrets/master.key`) anywhere.
    static func keepsLocation(_ location: Location) -> Bool {
        !location.isWholeFile || isKeyPath(location.path)
    }
}
