/// The decoding layer of the matcher: secrets inside base64 Secret values, percent-encoded text
/// and base64 that starts like an encoded secret, reported at the encoded text (see
/// `EncodedValues`).
extension Matcher {
    /// Where the prefilter saw a base64 lead end in the blob it last walked (see `Base64Leads`).
    private func leadHitEnds(_ markers: Set<EncodedValues.Marker>) -> [Int] {
        guard markers.contains(.base64Lead) else { return [] }
        let marker = ruleSet.rules.count + EncodedValues.Marker.base64Lead.rawValue
        var ends: [Int] = []
        for hit in hits {
            ruleSet.prefilter.forEachRule(of: hit) { group in
                if group == marker { ends.append(hit.end) }
            }
        }
        return ends
    }

    /// `markers`: those the prefilter found in `bytes`; without them there is nothing to decode.
    func scanEncodedValues(in bytes: UnsafeRawBufferPointer, markers: Set<EncodedValues.Marker>, into result: inout BlobScan) {
        guard !markers.isEmpty else { return }
        let values = encodedValues.values(in: bytes, markers: markers, leadHitEnds: leadHitEnds(markers), scratch: scratch)
        guard !values.isEmpty else { return }
        var allowance = suppress ? InlineAllowance(bytes: bytes) : nil
        // One location per secret and line: a value decoded twice (a Secret's data value that
        // also starts like encoded text) or a secret also found plain on its line counts once,
        // but the same key encoded in two manifests of one file is two locations.
        struct Sighting: Hashable { let rule: Int, secret: [UInt8], line: Int }
        var seen = Set(result.matches.map { Sighting(rule: $0.ruleIndex, secret: $0.secret, line: $0.start.line) })
        // Where the values start and end, resolved in one walk at the first value that holds a
        // secret: most blobs' values hold none.
        var positions: [Int: TextPosition]?
        func position(_ offset: Int) -> TextPosition {
            if positions == nil {
                positions = TextPositionResolver.resolve(values.flatMap { [$0.span.lowerBound, $0.span.upperBound] }, in: bytes)
            }
            return positions?[offset] ?? TextPosition(line: 1, column: 1)
        }
        for value in values {
            // The encoded text is not the secret; what it decodes to is.
            let encoded = Array(bytes[value.span])
            let dropsGenericMatch: (BlobMatch) -> Bool = { $0.secret == encoded && self.ruleSet.rules[$0.ruleIndex].rule.isGeneric }
            if value.replacesPlainMatches { result.matches.removeAll(where: dropsGenericMatch) }
            // A key a rule took in its base64 form (`privatekey.pem-base64`) is the key decoded:
            // one finding, whose identity is the key as a `.pem` file writes it.
            let dropsEncodedKey: (BlobMatch) -> Bool = { $0.secret == encoded && self.ruleSet.rules[$0.ruleIndex].rule.kind == .privateKey }
            var inner = value.text.withUnsafeBytes { scanPlain($0) }
            result.limitHits += inner.limitHits
            result.rejectedByValidator.merge(inner.rejectedByValidator, uniquingKeysWith: +)
            if !inner.matches.isEmpty {
                let line = position(value.span.lowerBound).line
                inner.matches.removeAll { !seen.insert(Sighting(rule: $0.ruleIndex, secret: $0.secret, line: line)).inserted }
            }
            guard !inner.matches.isEmpty else { continue }
            if !value.replacesPlainMatches { result.matches.removeAll(where: dropsGenericMatch) }
            if inner.matches.contains(where: { ruleSet.rules[$0.ruleIndex].rule.kind == .privateKey }) {
                result.matches.removeAll(where: dropsEncodedKey)
            }
            if inner.matches.contains(where: { allowance?.allows(ruleID: ruleSet.rules[$0.ruleIndex].rule.id, secret: value.span) == true }) {
                result.suppressedInline += inner.matches.count
                continue
            }
            let context = LineContext.hash(around: value.span, in: bytes)
            result.matches += inner.matches.map { match in
                BlobMatch(ruleIndex: match.ruleIndex, secret: match.secret, entropy: match.entropy,
                          start: position(value.span.lowerBound), end: position(value.span.upperBound),
                          lineContext: context, encoding: value.encoding)
            }
        }
    }
}
