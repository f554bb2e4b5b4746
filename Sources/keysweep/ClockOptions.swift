import ArgumentParser
import KeysweepKit

/// How ages and expiry are judged: the clock and the long-lived threshold (OWASP NHI7).
struct ClockOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Judge ages and expiry at this time instead of now, for reproducible reports (ISO 8601, e.g. 2026-01-31T00:00:00Z, or @EPOCH).", valueName: "timestamp"))
    var now: String?

    // `.unconditional` so that `-3` is read as a value and refused below, not taken for a flag.
    @Option(parsing: .unconditional, help: "A secret with no expiry is long-lived (NHI7) after this many days.")
    var longLivedDays = 90

    func validate() throws {
        if let now, Timestamp(iso8601: now) == nil {
            throw ValidationError("--now takes an ISO 8601 time such as 2026-01-31T00:00:00Z (or @EPOCH seconds), not '\(now)'")
        }
        if longLivedDays < 1 { throw ValidationError("--long-lived-days must be at least 1 day, not \(longLivedDays)") }
    }

    var timestamp: Timestamp? { now.flatMap(Timestamp.init(iso8601:)) }
    var policy: Enrichment.Policy { Enrichment.Policy(longLivedDays: longLivedDays) }
}
