import HWCCore

/// The re-inspection draw (SPEC §13): whether an eligible assessment of a complaint is sampled
/// for a second inspection, decided by a seed and the complaint's id alone.
///
/// The seed is the hash of the last audit entry recorded before the start of the week (Monday
/// 00:00, office time) in which the assessment was recorded — the chain head at the end of the
/// previous week — or 32 zero bytes (`genesisSeed`) when the chain was still empty then. The
/// score is the first 8 bytes, big-endian, of SHA-256(seed ‖ UTF-8 complaint id), read as a
/// fraction of 2^64; the complaint is sampled when the score is below the rate in force.
///
/// Why this resists steering:
/// - The seed is fixed before the assessment it decides: every entry it covers was written in
///   an earlier week, before anyone could know which complaints this week's assessments will be,
///   and SHA-256 leaves nobody able to pick a seed that favours a given id.
/// - It is witnessed: printed audit anchors and office bundles carry chain heads, and the head
///   covers every earlier entry, so changing any earlier entry changes the seed and breaks the
///   chain that `hwc audit verify` and the anchors check.
/// - Entries added later (this week's, or any after the boundary) are not in the seed, so
///   recording more changes cannot re-roll a draw; nor can a re-assessment roll it away, since
///   a complaint once required stays required until honoured.
/// - Timing games — holding an assessment back a week to get another seed — leave traces: the
///   delay shows in processing times, and `hwc audit draws` lists each draw's week and seed.
///
/// What it cannot prevent: an insider who can write audited changes just before the week's
/// boundary may try several versions of the last entry to grind the seed toward an outcome for
/// complaints they expect next week. That shows as a burst of entries in the last hour before
/// the boundary, which `hwc audit draws` reports per seed.
public enum ReinspectionDrawRule {
  /// The seed of a draw made while the audit chain was empty.
  public static let genesisSeed = [UInt8](repeating: 0, count: 32)

  /// The score as an integer: the first 8 bytes, big-endian, of SHA-256(seed ‖ UTF-8 id).
  public static func score(seed: [UInt8], complaint: String) -> UInt64 {
    var hasher = SHA256()
    hasher.update(seed)
    hasher.update(complaint)
    let digest = hasher.finalize()
    return digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
  }

  /// The score as a fraction of 2^64, in [0, 1) (for printing; `sampled` compares exactly).
  public static func fraction(_ score: UInt64) -> Double {
    min(Double(score) / 18_446_744_073_709_551_616.0, 1.0.nextDown)
  }

  /// Whether `score` / 2^64 < `rateCenti` / 100, compared exactly: score × 100 < rate × 2^64,
  /// that is, the high word of score × 100 is below the rate in hundredths.
  public static func sampled(_ score: UInt64, rateCenti: Int) -> Bool {
    guard rateCenti > 0 else { return false }
    guard rateCenti < 100 else { return true }
    return score.multipliedFullWidth(by: 100).high < UInt64(rateCenti)
  }

  /// The Monday that starts the week of `date`.
  public static func weekStart(of date: CalendarDate) -> CalendarDate {
    // 1970-01-01 was a Thursday: three days after a Monday.
    let days = date.daysSinceEpoch
    let sinceMonday = ((days + 3) % 7 + 7) % 7
    return date.adding(days: -sinceMonday)
  }
}
