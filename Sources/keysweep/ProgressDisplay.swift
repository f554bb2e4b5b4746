import Foundation
import KeysweepKit
import Synchronization

/// One line on a terminal's standard error that says how far a long scan has come: what was
/// scanned, the time it took, and, when the input knows its size, the time left. Redrawn a few
/// times a second; nothing for the first second, so quick scans (a pre-commit hook) stay silent.
/// The line is erased when the scan ends, before any report is written.
final class ProgressDisplay: Sendable {
    private let progress: ScanProgress
    private let noun: String
    private let started = ContinuousClock.now
    /// Drawing happens under this lock, so once `stop` has cleared `running` nothing more is drawn.
    private let state = Mutex<(running: Bool, drawn: Bool)>((true, false))

    static let firstDrawAfter: Duration = .seconds(1)
    static let interval: Duration = .milliseconds(250)

    /// A display for `progress` if standard error is a terminal that wants one; else nil.
    static func start(for progress: ScanProgress, counting noun: String, quiet: Bool) -> ProgressDisplay? {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard !quiet, isatty(STDERR_FILENO) == 1, term != "dumb" else { return nil }
        let display = ProgressDisplay(progress: progress, noun: noun)
        progress.whenFinished { display.stop() }
        Thread.detachNewThread { display.loop() }
        return display
    }

    private init(progress: ScanProgress, noun: String) {
        self.progress = progress
        self.noun = noun
    }

    private func loop() {
        Thread.sleep(forTimeInterval: Self.seconds(Self.firstDrawAfter))
        while true {
            let keepGoing = state.withLock { state in
                guard state.running else { return false }
                Self.write("\r" + line() + "\u{1B}[K")
                state.drawn = true
                return true
            }
            guard keepGoing else { return }
            Thread.sleep(forTimeInterval: Self.seconds(Self.interval))
        }
    }

    /// Stops drawing and erases the line. It returns at once: the drawing thread, asleep until its
    /// next turn, finds `running` cleared and ends without touching the terminal (waiting for it
    /// made every scan on a terminal last at least a second).
    func stop() {
        state.withLock { state in
            guard state.running else { return }
            state.running = false
            if state.drawn { Self.write("\r\u{1B}[K") }
        }
    }

    /// `keysweep: 123,456 objects, 2.1 GB in 0:12, about 0:08 left`
    func line() -> String {
        let (objects, bytes, fraction) = progress.snapshot
        let elapsed = Self.seconds(ContinuousClock.now - started)
        var text = "keysweep: \(Self.grouped(objects)) \(noun), \(Self.size(bytes)) in \(Self.clock(elapsed))"
        if let fraction, fraction > 0.02, fraction < 1 {
            text += ", about \(Self.clock(elapsed * (1 - fraction) / fraction)) left"
        }
        return text
    }

    static func grouped(_ count: Int) -> String {
        let digits = Array(String(count))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }

    static func size(_ bytes: Int) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1000 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
    }

    /// `m:ss`, or `h:mm:ss` from an hour on.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    private static func write(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Foundation.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
