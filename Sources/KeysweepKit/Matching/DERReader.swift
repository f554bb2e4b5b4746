/// A minimal reader of ASN.1 DER: enough to walk a private key or a certificate to the fields the
/// inventory reports (algorithm, key size, validity), and the BER that PKCS#12 bundles are often
/// written in (Bouncy Castle's, Spring's sample key stores): a constructed element of indefinite
/// length, closed by two zero bytes, and an OCTET STRING in pieces, read as one string of its
/// pieces' octets. Malformed input yields nil, never a trap.
struct DERReader {
    /// One tag-length-value element.
    struct Element {
        let tag: UInt8
        let content: ArraySlice<UInt8>

        static let integer: UInt8 = 0x02
        static let octetString: UInt8 = 0x04
        static let objectIdentifier: UInt8 = 0x06
        static let utcTime: UInt8 = 0x17
        static let generalizedTime: UInt8 = 0x18
        static let sequence: UInt8 = 0x30

        /// The children of a constructed element.
        var children: [Element]? {
            var reader = DERReader(content)
            return reader.readAll()
        }

        /// An INTEGER's size in bits, without its sign byte.
        var integerBits: Int {
            let magnitude = content.drop { $0 == 0 }
            guard let first = magnitude.first else { return 0 }
            return (magnitude.count - 1) * 8 + (8 - first.leadingZeroBitCount)
        }

        /// A non-negative INTEGER of at most four bytes (a count, a length), or nil.
        var smallInteger: Int? {
            guard tag == Element.integer, (1...4).contains(content.count), let first = content.first, first < 0x80
            else { return nil }
            return content.reduce(0) { $0 << 8 | Int($1) }
        }

        /// An OBJECT IDENTIFIER in dotted form.
        var objectIdentifier: String? {
            guard tag == Element.objectIdentifier, let first = content.first else { return nil }
            var arcs = [Int(first) / 40, Int(first) % 40]
            var value = 0
            for byte in content.dropFirst() {
                value = value << 7 | Int(byte & 0x7F)
                if byte & 0x80 == 0 {
                    arcs.append(value)
                    value = 0
                }
                if value > Int(UInt32.max) { return nil }
            }
            return arcs.map(String.init).joined(separator: ".")
        }
    }

    private var bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    init(_ bytes: [UInt8]) {
        self.bytes = bytes[...]
    }

    /// How deep elements of indefinite length and pieces may nest: a bundle needs six or seven
    /// levels, and each level read scans the levels below it once more.
    private static let deepestIndefiniteNesting = 12

    /// The next element, or nil at the end or on malformed input.
    mutating func next() -> Element? { next(depth: 0) }

    private mutating func next(depth: Int) -> Element? {
        guard depth <= Self.deepestIndefiniteNesting, let tag = bytes.first, bytes.count >= 2 else { return nil }
        var index = bytes.startIndex + 1
        var length = Int(bytes[index])
        index += 1
        let content: ArraySlice<UInt8>
        if length == 0x80 {
            // BER's indefinite length, constructed elements only: the content runs to the two zero
            // bytes that close it, after its own elements.
            guard tag & 0x20 != 0 else { return nil }
            var inner = DERReader(bytes[index...])
            while !inner.bytes.starts(with: [0, 0]) {
                guard inner.next(depth: depth + 1) != nil else { return nil }
            }
            content = bytes[index..<inner.bytes.startIndex]
            bytes = inner.bytes.dropFirst(2)
        } else {
            if length & 0x80 != 0 {
                let count = length & 0x7F
                guard count >= 1, count <= 4, bytes.endIndex - index >= count else { return nil }
                length = 0
                for _ in 0..<count {
                    length = length << 8 | Int(bytes[index])
                    index += 1
                }
            }
            guard length >= 0, bytes.endIndex - index >= length else { return nil }
            content = bytes[index..<(index + length)]
            bytes = bytes[(index + length)...]
        }
        guard tag == Self.constructedOctetString else { return Element(tag: tag, content: content) }
        return Self.joinedPieces(of: content, depth: depth).map { Element(tag: Element.octetString, content: $0[...]) }
    }

    /// An OCTET STRING written in pieces (BER's constructed form).
    private static let constructedOctetString: UInt8 = 0x24

    /// The octets of a constructed OCTET STRING's pieces, each an OCTET STRING itself.
    private static func joinedPieces(of content: ArraySlice<UInt8>, depth: Int) -> [UInt8]? {
        var reader = DERReader(content)
        var octets: [UInt8] = []
        while !reader.bytes.isEmpty {
            guard let piece = reader.next(depth: depth + 1), piece.tag == Element.octetString else { return nil }
            octets += piece.content
        }
        return octets
    }

    /// Every element to the end; nil if any is malformed.
    mutating func readAll() -> [Element]? {
        var elements: [Element] = []
        while !bytes.isEmpty {
            guard let element = next() else { return nil }
            elements.append(element)
        }
        return elements
    }
}
