import Foundation

/// The default number of worker threads.
enum ProcessorCount {
    static var active: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
