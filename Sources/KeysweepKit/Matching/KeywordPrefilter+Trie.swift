extension KeywordPrefilter {
    /// The keyword trie with failure links, turned into a complete transition table.
    struct Trie {
        private var children: [[Int]] = []
        private var ruleOutputs: [Set<Int>] = []
        private let classCount: Int

        init(keywordsByRule: [[String]], classOf: [UInt16], classCount: Int) {
            self.classCount = classCount
            addState()
            for (rule, keywords) in keywordsByRule.enumerated() {
                for keyword in keywords {
                    var state = 0
                    for byte in keyword.utf8 {
                        let byteClass = Int(classOf[Int(KeywordPrefilter.fold(byte))])
                        if children[state][byteClass] < 0 {
                            children[state][byteClass] = addState()
                        }
                        state = children[state][byteClass]
                    }
                    ruleOutputs[state].insert(rule)
                }
            }
            buildFailureTransitions()
        }

        @discardableResult
        private mutating func addState() -> Int {
            children.append([Int](repeating: -1, count: classCount))
            ruleOutputs.append([])
            return children.count - 1
        }

        /// Breadth-first: each missing transition takes its failure state's transition, and each
        /// state inherits the outputs of its failure state. Class 0 never starts a keyword.
        private mutating func buildFailureTransitions() {
            var failure = [Int](repeating: 0, count: children.count)
            var queue: [Int] = []
            for byteClass in 0..<classCount {
                let child = children[0][byteClass]
                if child < 0 {
                    children[0][byteClass] = 0
                } else {
                    failure[child] = 0
                    queue.append(child)
                }
            }
            var head = 0
            while head < queue.count {
                let state = queue[head]
                head += 1
                ruleOutputs[state].formUnion(ruleOutputs[failure[state]])
                for byteClass in 0..<classCount {
                    let child = children[state][byteClass]
                    if child < 0 {
                        children[state][byteClass] = children[failure[state]][byteClass]
                    } else {
                        failure[child] = children[failure[state]][byteClass]
                        queue.append(child)
                    }
                }
            }
        }

        /// Lays out the premultiplied table: the states with an output first, then the others with
        /// the root first. Row offsets are taken from the root's row, so output states are negative.
        func compile() -> (table: [Int32], origin: Int, outputs: [[Int]]) {
            let loud = children.indices.filter { !ruleOutputs[$0].isEmpty }
            let silent = children.indices.filter { ruleOutputs[$0].isEmpty }
            precondition(silent.first == 0, "the root state has no output: keywords are never empty")
            let order = loud + silent
            let origin = loud.count * classCount
            var offset = [Int](repeating: 0, count: children.count)
            for (position, state) in order.enumerated() { offset[state] = position * classCount - origin }
            var table = [Int32](repeating: 0, count: children.count * classCount)
            for (position, state) in order.enumerated() {
                for byteClass in 0..<classCount {
                    table[position * classCount + byteClass] = Int32(offset[children[state][byteClass]])
                }
            }
            return (table, origin, loud.map { ruleOutputs[$0].sorted() })
        }
    }
}
