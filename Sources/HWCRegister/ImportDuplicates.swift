import HWCCore
import HWCDomain
import HWCStore

/// The possible duplicates of the complaints an import creates, found in memory rather than by
/// a query per row: per claimant, the complaints that count (not withdrawn), read from the
/// register once, at the claimant's first new complaint, then kept with the ones the import adds.
///
/// It answers what `Register.flagPossibleDuplicates` asks the register: the other complaints of
/// the same claimant and damage type whose incident is within 7 days, the nearest (by incident
/// date, then the latest registered) and how many. Each complaint is packed in 8 bytes (row id,
/// incident day, damage type) in one list, chained to the claimant's previous one by a 4-byte
/// index, so a million take 12 MB, and a claimant costs one dictionary entry (the index of
/// their latest complaint); one that does not fit (a row id past
/// 2^36, a date out of range, a 16th damage type) turns the memory off and the caller asks the
/// register instead, which sees every row written so far.
struct ImportDuplicates {
  /// Every complaint kept, packed (`pack`), and the index of the same claimant's one before it
  /// (`UInt32.max`: none).
  private var packed: [UInt64] = []
  private var previous: [UInt32] = []
  /// Per claimant row id, the index of their latest complaint (`UInt32.max` when they have none).
  private var latest: [Int: UInt32] = [:]
  /// Damage types by their number in the packing.
  private var types: [String] = []
  /// False once something did not fit: every later question goes to the register.
  private(set) var usable = true

  /// Room for `capacity` complaints, so that the lists never grow by copying.
  init(capacity: Int) {
    packed.reserveCapacity(capacity)
    previous.reserveCapacity(capacity)
  }

  /// The nearest other complaint found, and how many there are.
  struct Match: Equatable {
    let id: Int
    let incident: CalendarDate
    let count: Int
  }

  private static let idBits: UInt64 = 36
  private static let dayBits: UInt64 = 24
  private static let dayBias = 1 << 23

  /// Complaint `id` of `claimantID`, of `type`, with its incident on `incident`, is being
  /// created: its match among the claimant's complaints so far, then it is kept with them.
  /// `registered` reads the claimant's complaints from the register (id, damage type, incident
  /// date, of those not withdrawn; a date it cannot read turns the memory off), once per
  /// claimant; `known` is false for a claimant the
  /// import itself added, who has none. Nil when there is no match; when `usable` is false
  /// afterwards, the answer is worthless and the register must be asked.
  mutating func add(
    id: Int, claimantID: Int, type: String, incident: CalendarDate, known: Bool,
    registered: (Int) throws -> [(id: Int, type: String, incident: CalendarDate?)]
  ) rethrows -> Match? {
    guard usable else { return nil }
    if latest[claimantID] == nil {
      latest[claimantID] = UInt32.max
      if known {
        // The new complaint's row may already be written: it is added below, once.
        for other in try registered(claimantID) where other.id != id {
          guard let incident = other.incident else {
            turnOff()
            return nil
          }
          guard let value = pack(other.id, other.type, incident) else { return nil }
          keep(value, of: claimantID)
        }
      }
    }
    guard let value = pack(id, type, incident) else { return nil }
    let typeBits = value >> (Self.idBits + Self.dayBits)
    let day = incident.daysSinceEpoch
    var nearest: (id: Int, distance: Int, day: Int)?
    var count = 0
    var index = latest[claimantID] ?? UInt32.max
    while index != UInt32.max {
      let other = packed[Int(index)]
      index = previous[Int(index)]
      guard other >> (Self.idBits + Self.dayBits) == typeBits else { continue }
      let otherDay = Int((other >> Self.idBits) & ((1 << Self.dayBits) - 1)) - Self.dayBias
      let distance = abs(otherDay - day)
      guard distance <= 7 else { continue }
      let otherID = Int(other & ((1 << Self.idBits) - 1))
      guard otherID != id else { continue }
      count += 1
      if let best = nearest,
        best.distance < distance || (best.distance == distance && best.id > otherID)
      {
        continue
      }
      nearest = (otherID, distance, otherDay)
    }
    keep(value, of: claimantID)
    guard usable, let nearest else { return nil }
    return Match(
      id: nearest.id, incident: CalendarDate(daysSinceEpoch: nearest.day), count: count)
  }

  /// Chains a packed complaint to the claimant's; past 2^32 - 1 complaints the memory is off.
  private mutating func keep(_ value: UInt64, of claimantID: Int) {
    guard packed.count < Int(UInt32.max) else { return turnOff() }
    previous.append(latest[claimantID] ?? UInt32.max)
    latest[claimantID] = UInt32(packed.count)
    packed.append(value)
  }

  /// The complaint packed in 8 bytes: damage type (4 bits), incident day (24), row id (36); nil
  /// (and the memory turned off) when it does not fit.
  private mutating func pack(_ id: Int, _ type: String, _ incident: CalendarDate) -> UInt64? {
    var typeIndex = types.firstIndex(of: type)
    if typeIndex == nil, types.count < 16 {
      types.append(type)
      typeIndex = types.count - 1
    }
    let day = incident.daysSinceEpoch + Self.dayBias
    guard let typeIndex, id >= 0, id < 1 << Self.idBits, day >= 0, day < 1 << Self.dayBits else {
      turnOff()
      return nil
    }
    return UInt64(typeIndex) << (Self.idBits + Self.dayBits) | UInt64(day) << Self.idBits
      | UInt64(id)
  }

  /// Stops answering: the register is asked from now on.
  private mutating func turnOff() {
    usable = false
    (packed, previous, latest) = ([], [], [:])
  }
}
