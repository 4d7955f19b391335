import Foundation
import HWCCore

/// How long the reliability suite runs and from which seed: short in `make test`, long with
/// `make reliability` (`HWC_RELIABILITY=long`), the same tests either way. The seed is printed
/// by every test and may be set with `HWC_RELIABILITY_SEED` to replay a run.
enum Reliability {
  /// Whether `HWC_RELIABILITY=long` asks for the long variants.
  static let long = ProcessInfo.processInfo.environment["HWC_RELIABILITY"] == "long"

  /// The base seed: `HWC_RELIABILITY_SEED`, or a fixed one so that every run is the same.
  static let seed: UInt64 =
    ProcessInfo.processInfo.environment["HWC_RELIABILITY_SEED"].flatMap { UInt64($0) }
    ?? 20_261_130

  /// `short` iterations in `make test`, `long` in `make reliability`.
  static func count(short: Int, long: Int) -> Int { Reliability.long ? long : short }

  /// A generator for the test called `name`, derived from the base seed; prints how to replay.
  static func generator(_ name: String) -> SplitMix64 {
    var salt: UInt64 = 1_469_598_103_934_665_603  // FNV-1a of the name, so each test differs
    for byte in name.utf8 { salt = (salt ^ UInt64(byte)) &* 1_099_511_628_211 }
    print(
      "reliability \(name): seed \(seed) (HWC_RELIABILITY_SEED=\(seed)), \(long ? "long" : "short")"
    )
    return SplitMix64(seed: seed).fork(salt)
  }

  /// Prints one figure of a test, in a form the README's RELIABILITY section quotes.
  static func report(_ name: String, _ figures: String) {
    print("reliability \(name) [\(long ? "long" : "short"), seed \(seed)]: \(figures)")
  }
}
