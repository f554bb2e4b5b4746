import Foundation

/// A point in time as seconds since the Unix epoch, UTC; parsed from and printed as ISO 8601.
///
/// Own arithmetic (days from the civil date) rather than `Calendar`: it is exact, has no locale,
/// and gives the same bytes on every machine.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let seconds: Int

    /// 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: what four-digit years can write. Dates come
    /// from strangers' commits and reports, so arithmetic on them must not overflow.
    public static let earliest = -62_167_219_200
    public static let latest = 253_402_300_799

    /// `seconds`, clamped to the years 0000-9999.
    public init(seconds: Int) {
        self.seconds = min(max(seconds, Self.earliest), Self.latest)
    }

    /// The system clock, to the second.
    public static var current: Timestamp { Timestamp(seconds: Int(Date().timeIntervalSince1970)) }

    /// `2024-03-01T12:00:00Z`, `2024-03-01T12:00:00+01:00`, `2024-03-01` (midnight UTC), or
    /// `@1709294400` (epoch seconds).
    public init?(iso8601 text: String) {
        if text.hasPrefix("@") {
            guard let seconds = Int(text.dropFirst()), (Self.earliest...Self.latest).contains(seconds) else { return nil }
            self.seconds = seconds
            return
        }
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var seconds = Timestamp.days(year: year, month: month, day: day) * 86_400
        if bytes.count > 10 {
            guard bytes.count >= 19, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
                  let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19) else { return nil }
            seconds += hour * 3600 + minute * 60 + second
            var rest = bytes[19...].drop { $0 == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            if rest.first == UInt8(ascii: "Z") {
                rest = rest.dropFirst()
            } else if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                let zone = Array(rest.dropFirst())
                guard zone.count == 5, let hours = Int(String(decoding: zone[0..<2], as: UTF8.self)),
                      let minutes = Int(String(decoding: zone[3..<5], as: UTF8.self)) else { return nil }
                seconds -= (sign == UInt8(ascii: "+") ? 1 : -1) * (hours * 3600 + minutes * 60)
                rest = []
            }
            guard rest.isEmpty else { return nil }
        }
        self.seconds = min(max(seconds, Self.earliest), Self.latest)
    }

    /// From ASN.1 UTCTime (`YYMMDDHHMMSSZ`, years 1950-2049) or GeneralizedTime (`YYYYMMDDHHMMSSZ`).
    init?(asn1 bytes: ArraySlice<UInt8>, generalized: Bool) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.hasSuffix("Z") else { return nil }
        var digits = String(text.dropLast())
        if !generalized {
            guard let short = Int(digits.prefix(2)) else { return nil }
            digits = (short < 50 ? "20" : "19") + digits
        }
        guard digits.count == 14, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        let characters = Array(digits)
        func field(_ from: Int, _ length: Int) -> Int { Int(String(characters[from..<(from + length)])) ?? 0 }
        self.init(iso8601: Self.iso8601(field(0, 4), field(4, 2), field(6, 2), field(8, 2), field(10, 2), field(12, 2)))
    }

    /// `2024-03-01T12:00:00Z`.
    public var description: String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let (year, month, day) = Timestamp.civil(days: days)
        let time = seconds - days * 86_400
        return Self.iso8601(year, month, day, time / 3600, time / 60 % 60, time % 60)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, zero-padded as `%04d` and `%02d` pad. Not `String(format:)`, whose
    /// run-time type checks of its arguments cost a pre-commit run about 1% of its time.
    private static func iso8601(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> String {
        padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2) + "T"
            + padded(hour, 2) + ":" + padded(minute, 2) + ":" + padded(second, 2) + "Z"
    }

    /// `value` in decimal, at least `width` characters with zeros after any sign, as `%0*d` writes it.
    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - sign.count - digits.count)) + digits
    }

    /// `2024-03-01T13:00:00+01:00`: the wall time at a zone offset of `minutes`, as git's `%aI`
    /// writes an author date. Any offset git can record (up to ±99:59) is written as given.
    public func description(atOffsetMinutes minutes: Int) -> String {
        let bounded = min(max(minutes, -(99 * 60 + 59)), 99 * 60 + 59)
        let local = Timestamp(seconds: seconds + bounded * 60).description.dropLast()
        let sign = bounded < 0 ? "-" : "+"
        return local + sign + Self.padded(abs(bounded) / 60, 2) + ":" + Self.padded(abs(bounded) % 60, 2)
    }

    /// `2024-03-01`.
    public var date: String { String(description.prefix(10)) }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    public func days(until later: Timestamp) -> Int {
        let difference = later.seconds - seconds
        return difference >= 0 ? difference / 86_400 : -((-difference) / 86_400)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `days(year:month:day:)`.
    static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
