/// A rule's reach (`PatternReach.of` of its expanded pattern), worked out when the embedded rules
/// were generated, so that a scan that compiles the rule need not parse its pattern again.
///
/// Parsing the generic rules' patterns (the assignment grammar expanded) was a fifth of a
/// pre-commit hook's time, more than compiling them. A note for speed, not part of what the rule
/// is: two rules that differ only in it are equal, and rules read from YAML have none.
public struct ReachNote: Sendable, Hashable {
    /// Whether the reach was worked out ahead.
    let isKnown: Bool
    /// How near its keywords a match starts; nil when it can start anywhere.
    let reach: MatchReach?

    init() {
        isKnown = false
        reach = nil
    }

    init(reach: MatchReach?) {
        isKnown = true
        self.reach = reach
    }

    public static func == (_: ReachNote, _: ReachNote) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}
