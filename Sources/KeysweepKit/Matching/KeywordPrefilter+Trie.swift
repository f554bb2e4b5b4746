extension KeywordPrefilter {
    /// The keyword trie with failure links, turned into a complete transition table.
    ///
    /// The trie is kept sparse (each state's edges in a sibling list) while failure links and
    /// outputs are worked out; the dense table is then written once, in its final layout, each row
    /// a copy of its failure state's row with the state's own edges written over it. A pre-commit
    /// hook builds it on every run: filling a dense table of state numbers first and renumbering it
    /// after took 4 ms for the builtin rules' 5,800 states of 57 classes (1.3 MB).
    struct Trie {
        /// Each state's first edge, or -1. Edges are numbered like the states they lead to (every
        /// state but the root is entered by exactly one edge).
        private var firstEdge: [Int32] = []
        /// The next edge of the same parent, or -1.
        private var nextEdge: [Int32] = []
        /// The byte class each state is entered by (the root's is unused).
        private var entryClass: [Int32] = []
        /// The root's edges by class: the root has the most edges, and every keyword starts there.
        private var rootEdge: [Int32]
        /// Rules each state reports, sorted, without duplicates.
        private var ruleOutputs: [[Int]] = []
        /// How many bytes each state's string has (its depth in the trie).
        private var depths: [Int32] = []
        /// The longest proper suffix of each state's string that is also a state (root: itself).
        private var failure: [Int32] = []
        /// The states, parents before children.
        private var breadthFirst: [Int32] = []
        private let classCount: Int

        init(keywordsByRule: [[[UInt8]]], classOf: [UInt16], classCount: Int) {
            self.classCount = classCount
            rootEdge = [Int32](repeating: -1, count: classCount)
            let mostStates = 1 + keywordsByRule.joined().reduce(0) { $0 + $1.count }
            firstEdge.reserveCapacity(mostStates)
            nextEdge.reserveCapacity(mostStates)
            entryClass.reserveCapacity(mostStates)
            depths.reserveCapacity(mostStates)
            ruleOutputs.reserveCapacity(mostStates)
            addState(depth: 0, entryClass: 0)
            for (rule, keywords) in keywordsByRule.enumerated() {
                for keyword in keywords {
                    var state = 0
                    for byte in keyword {
                        let byteClass = Int(classOf[Int(KeywordPrefilter.fold(byte))])
                        state = child(of: state, byteClass) ?? addChild(of: state, byteClass)
                    }
                    if ruleOutputs[state].last != rule { ruleOutputs[state].append(rule) }
                }
            }
            linkFailures()
        }

        private var stateCount: Int { ruleOutputs.count }

        /// The state `state` goes to on `byteClass` in the trie (no failure links), if any.
        private func child(of state: Int, _ byteClass: Int) -> Int? {
            if state == 0 {
                let edge = rootEdge[byteClass]
                return edge < 0 ? nil : Int(edge)
            }
            var edge = firstEdge[state]
            while edge >= 0 {
                if entryClass[Int(edge)] == byteClass { return Int(edge) }
                edge = nextEdge[Int(edge)]
            }
            return nil
        }

        private mutating func addChild(of parent: Int, _ byteClass: Int) -> Int {
            let state = addState(depth: depths[parent] + 1, entryClass: byteClass)
            if parent == 0 { rootEdge[byteClass] = Int32(state) }
            nextEdge[state] = firstEdge[parent]
            firstEdge[parent] = Int32(state)
            return state
        }

        @discardableResult
        private mutating func addState(depth: Int32, entryClass byteClass: Int) -> Int {
            firstEdge.append(-1)
            nextEdge.append(-1)
            entryClass.append(Int32(byteClass))
            ruleOutputs.append([])
            depths.append(depth)
            return stateCount - 1
        }

        /// Calls `body` with each child of `state`, in no particular order.
        private func forEachChild(of state: Int, _ body: (Int) -> Void) {
            var edge = firstEdge[state]
            while edge >= 0 {
                body(Int(edge))
                edge = nextEdge[Int(edge)]
            }
        }

        /// Breadth-first: a state's failure is found by following its parent's failures until one
        /// has an edge on the same class, and a state inherits the outputs of its failure state.
        private mutating func linkFailures() {
            failure = [Int32](repeating: 0, count: stateCount)
            breadthFirst = [0]
            breadthFirst.reserveCapacity(stateCount)
            var head = 0
            while head < breadthFirst.count {
                let parent = Int(breadthFirst[head])
                head += 1
                // The edges are walked here, not with `forEachChild`: the loop writes `failure` and
                // `ruleOutputs`, and a closure doing so would overlap that method's read of `self`.
                var edge = firstEdge[parent]
                while edge >= 0 {
                    let state = Int(edge)
                    edge = nextEdge[state]
                    breadthFirst.append(Int32(state))
                    guard parent != 0 else { continue }
                    let byteClass = Int(entryClass[state])
                    var candidate = Int(failure[parent])
                    while true {
                        if let next = child(of: candidate, byteClass) {
                            failure[state] = Int32(next)
                            break
                        }
                        if candidate == 0 { break }
                        candidate = Int(failure[candidate])
                    }
                    let inherited = ruleOutputs[Int(failure[state])]
                    if !inherited.isEmpty {
                        ruleOutputs[state] = Array(Set(ruleOutputs[state] + inherited)).sorted()
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
            let origin = loud.count * classCount
            var offset = [Int32](repeating: 0, count: stateCount)
            for (position, state) in (loud + silent).enumerated() { offset[state] = Int32(position * classCount - origin) }
            let width = classCount
            let table = [Int32](unsafeUninitializedCapacity: stateCount * width) { table, count in
                let base = table.baseAddress!
                // Parents come before children, and a failure state is shallower than its state,
                // so the row copied is always written already. The root's missing edges return to
                // the root (offset 0).
                for state in breadthFirst.lazy.map({ Int($0) }) {
                    let row = base + origin + Int(offset[state])
                    if state == 0 {
                        row.initialize(repeating: 0, count: width)
                    } else {
                        row.initialize(from: base + origin + Int(offset[Int(failure[state])]), count: width)
                    }
                    forEachChild(of: state) { child in row[Int(entryClass[child])] = offset[child] }
                }
                count = stateCount * width
            }
            return (table, origin, loud.map { ruleOutputs[$0] }, loud.map { depths[$0] })
        }
    }
}
