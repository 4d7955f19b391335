import HWCCore
import HWCDomain
import HWCStore

/// The details of a claimant an officer corrects, as typed; nil leaves a detail as it is.
public struct ClaimantCorrection: Sendable {
  public var name: String?
  public var village: String?
  /// `CLASS=HEADS` pairs replacing the declared herd as a whole; nil keeps it.
  public var herd: [String]?
  public var district: String?
  public var conservancy: String?
  /// The preferred language of the claimant's documents (`kk`, `ky`, `ru`, `en`, …).
  public var lang: String?

  public init(
    name: String? = nil, village: String? = nil, herd: [String]? = nil, district: String? = nil,
    conservancy: String? = nil, lang: String? = nil
  ) {
    self.name = name
    self.village = village
    self.herd = herd
    self.district = district
    self.conservancy = conservancy
    self.lang = lang
  }
}

extension Register {
  /// Corrects a claimant's name, village, home district or conservancy, declared herd or preferred
  /// language (`hwc
  /// claimant correct`): an officer of the claimant's district (and of the new one), with a
  /// reason. The national ID is never corrected: a wrong one is a different person. The new
  /// details are checked as `claimant add` checks them; a correction row keeps old and new, and
  /// a replaced herd is declared anew (a class left out is declared with 0 heads).
  public func correctClaimant(
    nationalID: String, _ correction: ClaimantCorrection, reason text: String, actor: Actor
  ) throws -> (claimant: ClaimantRecord, changes: [FieldChange]) {
    let reason = try Register.reason(text)
    guard let id = try claimantID(nationalID: nationalID) else {
      throw DomainError.notFound("no claimant with national ID \(NationalID.mask(nationalID))")
    }
    let old = try claimant(id: id)
    let oldDistrict = try reference.requireDistrict(old.district)
    try require(
      actor, .officer, districtID: oldDistrict.id,
      conservancyID: old.conservancy.flatMap { try? reference.requireConservancy($0).id },
      to: "correct claimants")
    if let name = correction.district {
      let district = try reference.requireDistrict(name)
      guard district.country == oldDistrict.country else {
        throw DomainError.invalid(
          field: .district,
          "\(district.name.en) is a \(district.country.rawValue) district and the claimant's "
            + "national ID is of \(oldDistrict.country.rawValue): a claimant moves only within "
            + "their country")
      }
    }
    let oldHerd = old.herd.filter { $0.heads > 0 }.map { "\($0.livestockClass)=\($0.heads)" }
    let checked = try checkClaimant(
      ClaimantDraft(
        name: correction.name ?? old.name, nationalID: nationalID.trimmingSpaces,
        district: correction.district ?? old.district,
        village: correction.village ?? old.village,
        conservancy: correction.conservancy
          ?? (correction.district == nil ? old.conservancy : nil),
        herd: correction.herd ?? oldHerd, lang: correction.lang ?? old.lang))
    if checked.district.id != oldDistrict.id {
      try require(
        actor, .officer, districtID: checked.district.id, conservancyID: checked.conservancy?.id,
        to: "move claimants")
    }
    let newHerd = checked.herd.filter { $0.1 > 0 }.map { "\($0.0)=\($0.1)" }.sorted()
    let changes = [
      FieldChange("name", old: old.name, new: checked.name),
      FieldChange("district", old: old.district, new: checked.district.name.en),
      FieldChange("conservancy", old: old.conservancy, new: checked.conservancy?.name.en),
      FieldChange("village", old: old.village, new: checked.village),
      FieldChange("lang", old: old.lang, new: checked.lang),
      FieldChange(
        "herd", old: oldHerd.joined(separator: ", "), new: newHerd.joined(separator: ", ")),
    ].filter { $0.old != $0.new }.sorted { $0.field < $1.field }
    try Register.requireChanges(changes, of: "claimant \(old.maskedID)")
    return try db.transaction {
      let change = try beginChange("claimant", id: id)
      try db.run(
        """
        UPDATE claimant SET name = ?, district_id = ?, conservancy_id = ?, village = ?, lang = ?
        WHERE id = ?
        """,
        with: [
          checked.name, checked.district.id, checked.conservancy?.id, checked.village,
          checked.lang, id,
        ])
      if correction.herd != nil {
        let declared = Dictionary(uniqueKeysWithValues: checked.herd.map { ($0.0, $0.1) })
        let classes = Set(declared.keys).union(old.herd.map(\.livestockClass)).sorted()
        for livestockClass in classes {
          let heads = declared[livestockClass] ?? 0
          guard heads != old.herd.first(where: { $0.livestockClass == livestockClass })?.heads
          else { continue }
          try db.run(
            """
            INSERT INTO herd_declaration(claimant_id, livestock_class, heads, declared_at)
            VALUES (?, ?, ?, ?)
            """, with: [id, livestockClass, heads, clock.timestamp()])
        }
      }
      try commitChange(change, action: "correct", actor: actor.name)
      _ = try recordCorrection(
        "correct", of: .claimant(id), reason: reason, changes: changes, actor: actor)
      return (try claimant(id: id), changes)
    }
  }

  /// The corrections of a claimant, oldest first (`hwc claimant show`).
  public func claimantCorrections(nationalID: String) throws -> [CorrectionRecord] {
    guard let id = try claimantID(nationalID: nationalID) else { return [] }
    return try corrections("claimant_id", id: id)
  }
}
