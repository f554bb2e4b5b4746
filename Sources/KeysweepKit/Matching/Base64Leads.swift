import Foundation

/// Base64 text that starts the way an encoded secret starts: `aHR0cHM6Ly` is `https://` encoded,
/// `UVV0SlF` is `AKIA` encoded twice. A value someone encoded (`echo -n … | base64` into a
/// Dockerfile `ARG`, a CI variable, a Helm value) begins with the encoding of its own first bytes,
/// so these prefixes find it without decoding every base64 run of a blob (images, key bodies,
/// lockfile hashes): the prefilter looks for them in the walk it makes for the rules' keywords,
/// and only a blob that holds one is searched again, for the exact prefixes.
enum Base64Leads {
    /// What an encoded secret starts with: URLs and connection strings that carry credentials, the
    /// prefixes of well-known tokens, a Docker registry config, an AWS credentials file, a
    /// kubeconfig and a Google service-account key. Not `-----BEGIN`: a rule takes base64 PEM as
    /// it is (`privatekey.base64-pem`), and the key would be found twice.
    static let words = [
        "https://", "http://", "postgres://", "postgresql://", "mysql://", "mongodb://", "mongodb+srv://", "redis://",
        "rediss://", "amqp://", "amqps://", "mssql://", "jdbc:", "ftp://", "sftp://", "smtp://", "ldap://", "ldaps://",
        "Server=", "Data Source=", "DefaultEndpointsProtocol=", "AccountEndpoint=", "Endpoint=sb://",
        "AKIA", "ASIA", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "xoxa-",
        "xoxe", "xapp-", "sk_live_", "rk_live_", "sk_test_", "sk-ant-", "sk-proj-", "AIza", "npm_", "pypi-", "dop_v1_",
        "hvs.", "shpat_",
        #"{"auths""#, "{\n  \"auths\"", "[default]", "aws_access_key_id", "apiVersion:",
        #"{"type":"service_account""#, "{\n  \"type\": \"service_account\"",
        // The same key with its members sorted (`jq -S`), as Pomerium's integration clusters hold it.
        #"{"auth_provider_x509_cert_url""#, "{\n\"auth_provider_x509_cert_url\"", "{\n  \"auth_provider_x509_cert_url\"",
    ]

    /// The encodings of `words`, once and twice, standard and URL-safe, each cut to the characters
    /// that the word alone decides.
    static let encoded: [[UInt8]] = {
        var leads: [[UInt8]] = []
        for word in words {
            let once = determinedPrefix(of: Array(word.utf8))
            leads += [once, determinedPrefix(of: once)]
        }
        leads += leads.map { lead in lead.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: "-") : $0 == UInt8(ascii: "/") ? UInt8(ascii: "_") : $0 } }
        var seen = Set<[UInt8]>()
        return leads.filter { $0.count >= 5 && seen.insert($0).inserted }
    }()

    /// The base64 characters that `bytes` decide alone, whatever follows them: six bits each, so
    /// three bytes give four characters and four bytes five.
    static func determinedPrefix(of bytes: [UInt8]) -> [UInt8] {
        Array(Data(bytes).base64EncodedString().utf8.prefix(bytes.count * 8 / 6))
    }

    /// The base64 (or base64url) runs of `bytes` that start with a lead, each up to `longestRun`
    /// bytes. `hitEnds`, where the prefilter saw a lead end (case folded, cut to its longest
    /// kept keyword), says where to look; without them every lead is searched for, which only
    /// decoded text (a value's inner layer, at most `longestRun` bytes) may cost.
    static func runs(in bytes: UnsafeRawBufferPointer, hitEnds: [Int]? = nil) -> [Range<Int>] {
        var starts = Set<Int>()
        if let hitEnds {
            for end in hitEnds {
                for start in max(0, end - KeywordPrefilter.longestKept)..<min(end, bytes.count) where startsLead(at: start, in: bytes) {
                    starts.insert(start)
                }
            }
        } else {
            for lead in encoded {
                var from = 0
                while let start = ByteSearch.firstIndex(of: lead, in: bytes, within: from..<bytes.count) {
                    from = start + 1
                    if start == 0 || !isRunByte(bytes[start - 1]) { starts.insert(start) }
                }
            }
        }
        return starts.sorted().compactMap { run(from: $0, in: bytes) }
    }

    /// Whether a lead starts a run at `start`: the byte before is no base64 character.
    private static func startsLead(at start: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard start == 0 || !isRunByte(bytes[start - 1]) else { return false }
        return encoded.contains { lead in
            start + lead.count <= bytes.count && lead.indices.allSatisfy { bytes[start + $0] == lead[$0] }
        }
    }

    /// The run of base64 characters (and up to two `=`) from `start`, if it is long enough.
    private static func run(from start: Int, in bytes: UnsafeRawBufferPointer) -> Range<Int>? {
        var end = start
        while end < bytes.count, end - start < longestRun, isRunByte(bytes[end]) { end += 1 }
        var padding = 0
        while end < bytes.count, padding < 2, bytes[end] == UInt8(ascii: "=") { end += 1; padding += 1 }
        return end - start >= shortestRun ? start..<end : nil
    }

    /// A run this short holds no secret worth decoding (12 bytes once decoded).
    static let shortestRun = 16
    /// Encoded values are one secret or one small file, not an archive.
    static let longestRun = 64 << 10

    /// `A-Z a-z 0-9 + /`, and `-` and `_` of base64url.
    static func isRunByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "_"): true
        default: false
        }
    }
}
