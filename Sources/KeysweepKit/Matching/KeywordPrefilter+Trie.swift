extension KeywordPrefilter {
    /// The keyword trie with failure links, turned into a complete transition table.
    ///
    /// Built in flat arrays (one row of `classCount` entries per state) rather than an array per
    /// state: a pre-commit hook builds it on every run, and 2,400 states cost 3 ms the other way.
    struct Trie {
        /// `children[state * classCount + class]`: the next state, or -1 before failure links.
        private var children: [Int32] = []
        /// Rules each state reports, sorted, without duplicates.
        private var ruleOutputs: [[Int]] = []
        /// How many bytes each state's string has (its depth in the trie).
        private var depths: [Int32] = []
        private let classCount: Int

        init(keywordsByRule: [[[UInt8]]], classOf: [UInt16], classCount: Int) {
            self.classCount = classCount
            // At most one state per keyword byte, and the root: reserved at once, the table is not
            // copied as it grows (the builtin rules' 5,600 states of 57 classes take 1.2 MB).
            let mostStates = 1 + keywordsByRule.joined().reduce(0) { $0 + $1.count }
            children.reserveCapacity(mostStates * classCount)
            ruleOutputs.reserveCapacity(mostStates)
            depths.reserveCapacity(mostStates)
            addState(depth: 0)
            for (rule, keywords) in keywordsByRule.enumerated() {
                for keyword in keywords {
                    var state = 0
                    for byte in keyword {
                        let slot = state * classCount + Int(classOf[Int(KeywordPrefilter.fold(byte))])
                        if children[slot] < 0 { children[slot] = Int32(addState(depth: depths[state] + 1)) }
                        state = Int(children[slot])
                    }
                    if ruleOutputs[state].last != rule { ruleOutputs[state].append(rule) }
                }
            }
            buildFailureTransitions()
        }

        private var stateCount: Int { ruleOutputs.count }

        @discardableResult
        private mutating func addState(depth: Int32) -> Int {
            children.append(contentsOf: repeatElement(-1, count: classCount))
            ruleOutputs.append([])
            depths.append(depth)
            return stateCount - 1
        }

        /// Breadth-first: each missing transition takes its failure state's transition, and each
        /// state inherits the outputs of its failure state. Class 0 never starts a keyword.
        private mutating func buildFailureTransitions() {
            var failure = [Int](repeating: 0, count: stateCount)
            var queue: [Int] = []
            for byteClass in 0..<classCount {
                let child = Int(children[byteClass])
                if child < 0 {
                    children[byteClass] = 0
                } else {
                    queue.append(child)
                }
            }
            var head = 0
            while head < queue.count {
                let state = queue[head]
                head += 1
                let inherited = ruleOutputs[failure[state]]
                if !inherited.isEmpty {
                    ruleOutputs[state] = Array(Set(ruleOutputs[state] + inherited)).sorted()
                }
                let row = state * classCount, failureRow = failure[state] * classCount
                // Every entry of the table is visited here: without bounds checks, the rows being in
                // the table by construction.
                children.withUnsafeMutableBufferPointer { children in
                    for byteClass in 0..<classCount {
                        let child = Int(children[row + byteClass])
                        if child < 0 {
                            children[row + byteClass] = children[failureRow + byteClass]
                        } else {
                            failure[child] = Int(children[failureRow + byteClass])
                            queue.append(child)
                        }
                    }
                }
            }
        }

        /// Lays out the premultiplied table: the states with an output first, then the others with
        /// the root first. Row offsets are taken from the root's row, so output states are negative.
        func compile() -> (table: [Int32], origin: Int, outputs: [[Int]], outputDepths: [Int32]) {
            let loud = (0..<stateCount).filter { !ruleOutputs[$0].isEmpty }
            let silent = (0..<stateCount).filter { ruleOutputs[$0].isEmpty }
            precondition(silent.first == 0, "the root state has no output: keywords are never empty")
            let order = loud + silent
            let origin = loud.count * classCount
            var offset = [Int32](repeating: 0, count: stateCount)
            for (position, state) in order.enumerated() { offset[state] = Int32(position * classCount - origin) }
            let table = [Int32](unsafeUninitializedCapacity: stateCount * classCount) { table, count in
                children.withUnsafeBufferPointer { children in
                    offset.withUnsafeBufferPointer { offset in
                        for (position, state) in order.enumerated() {
                            let row = state * classCount
                            for byteClass in 0..<classCount {
                                let target = offset[Int(children[row + byteClass])]
                                table.initializeElement(at: position * classCount + byteClass, to: target)
                            }
                        }
                    }
                }
                count = stateCount * classCount
            }
            return (table, origin, loud.map { ruleOutputs[$0] }, loud.map { depths[$0] })
        }
    }
}
