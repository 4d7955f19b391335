import HWCCore

/// Seeded mutations of valid inputs, as a careless or hostile file could bring them: bit flips,
/// truncation, inserted quotes, commas, line breaks, NULs and invalid UTF-8, repeated chunks and
/// huge fields.
struct Mutator {
  var random: SplitMix64

  /// Bytes that break CSV and templates most often.
  static let awkward: [[UInt8]] = [
    Array("\"".utf8), Array(",".utf8), Array("\n".utf8), Array("\r".utf8), Array("\r\n".utf8),
    [0], [0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], Array("\"\"".utf8), Array("{{".utf8),
    Array("}}".utf8), Array("{%".utf8), Array("%}".utf8), Array("|".utf8), Array("=".utf8),
    Array(";".utf8), Array("ё".utf8), Array("\u{FEFF}".utf8),
  ]

  /// One to four mutations of `input`; `huge` allows a field of more than 1 MiB now and then.
  mutating func mutate(_ input: [UInt8], huge: Bool = false) -> [UInt8] {
    var bytes = input
    for _ in 0..<random.int(1...4) {
      let at = bytes.isEmpty ? 0 : random.below(bytes.count + 1)
      switch random.below(huge ? 8 : 7) {
      case 0 where !bytes.isEmpty:  // flip one bit
        let index = random.below(bytes.count)
        bytes[index] ^= UInt8(1) << UInt8(random.below(8))
      case 1:  // cut the input short
        bytes = Array(bytes.prefix(at))
      case 2, 3:  // insert an awkward byte sequence
        bytes.insert(contentsOf: random.pick(Self.awkward), at: at)
      case 4 where !bytes.isEmpty:  // delete a run
        let end = min(bytes.count, at + random.int(1...12))
        if at < end { bytes.removeSubrange(at..<end) }
      case 5 where !bytes.isEmpty:  // repeat a run
        let start = random.below(bytes.count)
        let end = min(bytes.count, start + random.int(1...80))
        bytes.insert(contentsOf: bytes[start..<end], at: at)
      case 6:  // a long field
        bytes.insert(
          contentsOf: [UInt8](repeating: UInt8(ascii: "x"), count: random.int(100...5000)), at: at)
      case 7:  // a field over 1 MiB
        bytes.insert(
          contentsOf: [UInt8](repeating: UInt8(ascii: "y"), count: (1 << 20) + 10), at: at)
      default:
        bytes.insert(contentsOf: random.pick(Self.awkward), at: at)
      }
    }
    return bytes
  }

  /// One to three mutations of a command line: a word dropped, repeated, swapped or replaced
  /// with an awkward one, an unknown or repeated option, `--name=value` forms.
  mutating func mutate(_ words: [String]) -> [String] {
    var words = words
    let awkward = [
      "", "-", "--", "---", "--=", "--help=1", "\"", "'", ",", "\n", "a\u{0}b", "\u{FFFD}",
      String(repeating: "9", count: 40), String(repeating: "z", count: 5000), "-1", "1e309",
      "2026-02-30", "KAZ-2026-9999", "--db", "--as", "--json", "--item", "=", "x=", "=1",
      "sheep_goat.adult=-3", "sheep_goat.adult=1e9", "hay=0.001", "../../etc/passwd", "ё",
    ]
    for _ in 0..<random.int(1...3) {
      let at = random.below(words.count + 1)
      switch random.below(6) {
      case 0 where !words.isEmpty: words.remove(at: random.below(words.count))
      case 1 where !words.isEmpty: words.insert(words[random.below(words.count)], at: at)
      case 2 where words.count > 1:
        words.swapAt(random.below(words.count), random.below(words.count))
      case 3 where !words.isEmpty: words[random.below(words.count)] = random.pick(awkward)
      case 4 where !words.isEmpty:
        let index = random.below(words.count)
        if words[index].hasPrefix("--"), index + 1 < words.count {
          words[index] += "=" + words[index + 1]
          words.remove(at: index + 1)
        }
      default: words.insert(random.pick(awkward), at: at)
      }
    }
    return words
  }
}
