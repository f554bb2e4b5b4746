#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `read(2)` and `write(2)`, callable from types that have methods of the same name.
enum SystemCall {
    static func read(_ descriptor: Int32, _ destination: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, destination, count)
        #else
        Darwin.read(descriptor, destination, count)
        #endif
    }

    static func write(_ descriptor: Int32, _ source: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, source, count)
        #else
        Darwin.write(descriptor, source, count)
        #endif
    }
}
