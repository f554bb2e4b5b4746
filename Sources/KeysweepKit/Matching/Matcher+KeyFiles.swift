extension Matcher {
    /// A file that is nothing but a Rails credentials key (see `RailsMasterKey`): one match of
    /// the rule that reports those keys, at the file's start with no width, as a key store's
    /// (a comment would change the key: the file takes none). Nil for any other bytes.
    func scanKeyFile(_ bytes: UnsafeRawBufferPointer) -> BlobScan? {
        guard let key = RailsMasterKey.secret(ofKeyFile: bytes),
              let index = ruleSet.rules.firstIndex(where: { $0.rule.validator == .railsMasterKey }),
              Entropy.shannon(key) >= ruleSet.rules[index].rule.minEntropy ?? 0,
              !PlaceholderFilter.isPlaceholder(key)
        else { return nil }
        var scan = BlobScan()
        let start = TextPosition(line: 1, column: 1)
        scan.matches = [BlobMatch(ruleIndex: index, secret: key, entropy: Entropy.shannon(key), start: start, end: start, lineContext: "")]
        return scan
    }
}
