/// An error that ends a run with exit code 2: bad arguments, rules, inputs or outputs.
///
/// Structured as swift-nio's `FileSystemError` is: a `code` that callers test (never the text),
/// the input it concerns, the reason in words, what to do about it, and the underlying error.
/// `message` builds the sentence people read, in one place, so that every message names the
/// input, the reason and the remedy in the same order.
public struct KeysweepError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// An argument or option that cannot be used.
        case usage
        /// A named input (file, folder, dump, stream) that cannot be read.
        case unreadableInput
        /// An input read in part: a truncated dump, a damaged pack or object.
        case damagedInput
        /// A path that is not a git repository.
        case notARepository
        /// git is not installed or not on PATH.
        case gitMissing
        /// A git process failed.
        case gitFailed
        /// A branch, tag or commit that the repository does not have.
        case unknownRevision
        case invalidRules
        case invalidConfig
        case invalidBaseline
        /// A JSON report given to `merge` or `explain` that is not one.
        case invalidReport
        case invalidFingerprintKey
        /// A report that cannot be written.
        case reportNotWritable
        /// A rule or fingerprint asked for that does not exist.
        case notFound
        /// A message not yet given a code of its own (see `init(_:)`).
        case unclassified
    }

    public let code: Code
    /// The input or output concerned, as the user named it.
    public let path: String?
    /// What is wrong, in words.
    public let reason: String
    /// What to do about it, when there is something to do.
    public let remedy: String?
    /// The error this one wraps, when there is one.
    public let underlying: (any Error & Sendable)?

    public init(_ code: Code, path: String? = nil, _ reason: String, remedy: String? = nil, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.path = path
        self.reason = reason
        self.remedy = remedy
        self.underlying = underlying
    }

    /// A ready-made message with no code: the form older call sites use. New code names a code.
    public init(_ message: String) {
        self.init(.unclassified, message)
    }

    /// `<what failed on the input>: <reason>; <remedy>`.
    public var message: String {
        var text = subject.map { $0 + ": " + reason } ?? reason
        if let remedy { text += "; " + remedy }
        return text
    }

    public var description: String { message }

    /// What failed, naming the input: the start of every message that has a path.
    private var subject: String? {
        guard let path else { return nil }
        switch code {
        case .usage, .unclassified, .notFound: return "'\(path)'"
        case .unreadableInput: return "cannot read '\(path)'"
        case .damagedInput: return "damaged input '\(path)'"
        case .notARepository: return "cannot scan '\(path)'"
        case .gitMissing, .gitFailed: return "git failed in '\(path)'"
        case .unknownRevision: return "cannot scan the history of '\(path)'"
        case .invalidRules: return "invalid rules in '\(path)'"
        case .invalidConfig: return "invalid config '\(path)'"
        case .invalidBaseline: return "cannot use baseline '\(path)'"
        case .invalidReport: return "cannot use report '\(path)'"
        case .invalidFingerprintKey: return "cannot use fingerprint key '\(path)'"
        case .reportNotWritable: return "cannot write report '\(path)'"
        }
    }
}
