#if canImport(Glibc)
import Glibc
#endif

/// The entry point: hands the command line to libFuzzer's driver with `fuzzerTestOneInput`.
///
/// SwiftPM links an executable with `main` aliased to this file's entry point, so libFuzzer's
/// own `main` is never linked in; `LLVMFuzzerRunDriver` is what that `main` would call.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzerTestOneInput(data, size) })
