/// PKCS#12 bundles whose every part is encrypted under a password that is not a well-known one
/// (the carrier rule `keystore.pkcs12.sealed`), opened with the passwords the same scan found: a
/// `server.p12` exported from a browser or NSS, with `server.ssl.key-store-password=…` in the
/// settings beside it. A bundle that a found password opens to a key bag is a `keystore.pkcs12`
/// finding at each place of the carrier; one that opens to certificates only, or with none of
/// the passwords, stays out (a trust store, or unknown).
///
/// Each try is one KDF of the bundle's MAC (2,048 to 10,000 rounds, a few milliseconds), so the
/// passwords are the first `passwordLimit` distinct ones and the tries `tryLimit` in all.
struct SealedKeyStoreOpener {
    static let passwordLimit = 16
    static let tryLimit = 256

    let ruleSet: RuleSet

    /// `keystore.pkcs12` matches for the carried bundles among `matches` that their passwords open.
    func open(_ matches: [Match]) -> [Match] {
        let rules = ruleSet.rules.map(\.rule)
        guard let carrier = rules.firstIndex(where: { $0.validator == .pkcs12SealedKeyStore }),
              let reporter = rules.firstIndex(where: { $0.validator == .pkcs12KeyStore }) else { return [] }
        let sealed = Dictionary(grouping: matches.filter { $0.ruleIndex == carrier }, by: \.secret)
        guard !sealed.isEmpty else { return [] }
        let passwords = Self.passwords(in: matches, rules: rules)
        guard !passwords.isEmpty else { return [] }
        var opened: [Match] = []
        var tries = 0
        // Bundles in a fixed order, so that the same input gives the same report whatever the timing.
        for (secret, places) in sealed.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) where tries < Self.tryLimit {
            guard let bundle = LenientBase64.decode(secret), let contents = PKCS12Contents(bundle) else { continue }
            let candidates = Array(passwords.prefix(Self.tryLimit - tries))
            tries += candidates.count
            guard let password = PKCS12Password.firstPassword(of: bundle, among: candidates),
                  contents.showsKey(opening: password) else { continue }
            for place in places {
                var match = place
                match.ruleIndex = reporter
                opened.append(match)
            }
        }
        return opened
    }

    /// The distinct passwords of `matches` (rules of kind `password`, UTF-8), in the order of
    /// their first location.
    private static func passwords(in matches: [Match], rules: [Rule]) -> [String] {
        var seen: Set<[UInt8]> = []
        let distinct = matches.filter { rules[$0.ruleIndex].kind == .password }.sorted { $0.location < $1.location }
            .compactMap { match -> String? in
                guard seen.insert(match.secret).inserted else { return nil }
                return String(bytes: match.secret, encoding: .utf8)
            }
        return Array(distinct.prefix(passwordLimit))
    }
}
