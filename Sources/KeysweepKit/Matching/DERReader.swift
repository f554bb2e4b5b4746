/// A minimal reader of ASN.1 DER: enough to walk a private key or a certificate to the fields the
/// inventory reports (algorithm, key size, validity). Malformed input yields nil, never a trap.
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

    /// The next element, or nil at the end or on malformed input.
    mutating func next() -> Element? {
        guard let tag = bytes.first, bytes.count >= 2 else { return nil }
        var index = bytes.startIndex + 1
        var length = Int(bytes[index])
        index += 1
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
        let element = Element(tag: tag, content: bytes[index..<(index + length)])
        bytes = bytes[(index + length)...]
        return element
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
