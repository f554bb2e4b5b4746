@testable import KeysweepKit

/// The context that a line check (`MadeUpNames`, `ExamplePhrase`: `context(before:in:)`) gives a
/// value written right after `prefix`.
func lineContext(of value: String, after prefix: String,
                 by check: (Int, UnsafeRawBufferPointer) -> LocationContext?) -> LocationContext? {
    Array((prefix + value).utf8).withUnsafeBytes { check(prefix.utf8.count, $0) }
}
