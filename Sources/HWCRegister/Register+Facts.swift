import HWCCore
import HWCDomain
import HWCRules
import HWCStore

extension Register {
  /// Declares an emergency in a district for a period (`hwc emergency declare`, admin): saiga
  /// damage in Kazakhstan is paid only when one covers the incident date.
  public func declareEmergency(
    district name: String, from: String, to: String, decree: String, actor: Actor
  ) throws -> Int {
    try require(actor, .admin, to: "declare emergencies")
    let district = try reference.requireDistrict(name)
    try requireInOffice(districtID: district.id)
    guard district.country == .kz else {
      throw DomainError.invalid(
        field: .district, "\(district.name.en) is in Kyrgyzstan; emergencies apply to kz-state")
    }
    let first = try CalendarDate(from, field: .from)
    let last = try CalendarDate(to, field: .to)
    guard last >= first else {
      throw DomainError.invalid(field: .to, "\(last) is before --from \(first)")
    }
    let decree = decree.trimmingSpaces
    guard !decree.isEmpty, decree.count <= 100 else {
      throw DomainError.invalid(field: .decree, "is required (up to 100 characters)")
    }
    return try db.transaction {
      try refuseOverlap(districtID: district.id, from: first, to: last)
      try db.run(
        """
        INSERT INTO emergency(district_id, from_date, to_date, decree, declared_by, declared_at)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
        with: [
          district.id, first.description, last.description,
          decree, actor.id, clock.timestamp(),
        ])
      let id = db.lastInsertRowID
      try auditCreated("emergency", id: id, actor: actor.name)
      return id
    }
  }

  /// Records a poaching or retaliatory killing in a conservancy (`hwc incident record`): an
  /// officer or inspector of the conservancy. It suspends buffer payments for 365 days.
  public func recordIncident(
    conservancy name: String, kind: String, date text: String, note: String?, actor: Actor
  ) throws -> Int {
    let conservancy = try reference.requireConservancy(name)
    try requireInOffice(districtID: conservancy.districtID, conservancyID: conservancy.id)
    guard
      actor.has(.officer, districtID: conservancy.districtID, conservancyID: conservancy.id)
        || actor.has(.inspector, districtID: conservancy.districtID, conservancyID: conservancy.id)
    else {
      throw DomainError.notPermitted(
        "\(actor.name) may not record incidents in \(conservancy.name.en): that needs the officer "
          + "or inspector role for that conservancy")
    }
    let kind = kind.trimmingSpaces
    guard ["poaching", "retaliatory_killing"].contains(kind) else {
      throw DomainError.invalid(field: .kind, "'\(kind)' is not poaching or retaliatory_killing")
    }
    let when = try CalendarDate(text, field: .date)
    guard when <= clock.today else {
      throw DomainError.invalid(field: .date, "\(when) is in the future (today is \(clock.today))")
    }
    return try db.transaction {
      try db.run(
        """
        INSERT INTO wildlife_incident(conservancy_id, kind, incident_date, note, recorded_by,
          recorded_at) VALUES (?, ?, ?, ?, ?, ?)
        """,
        with: [
          conservancy.id, kind, when.description,
          note?.trimmingSpaces, actor.id,
          clock.timestamp(),
        ])
      let id = db.lastInsertRowID
      try auditCreated("incident", id: id, actor: actor.name)
      return id
    }
  }

  /// Insures heads of a class for a season in the claimant's conservancy (`hwc herd insure`): an
  /// officer of the conservancy. The premium is credited to the conservancy's buffer fund.
  /// Returns the row id and the premium, in minor units.
  public func insureHerd(
    nationalID: String, season text: String, livestockClass: String, heads text2: String,
    actor: Actor
  ) throws -> (id: Int, premiumMinor: Int) {
    let nationalID = try NationalID.lookup(nationalID, field: .claimant)
    guard let claimantID = try claimantID(nationalID: nationalID) else {
      throw DomainError.invalid(
        field: .claimant, "no claimant with national ID \(NationalID.mask(nationalID))")
    }
    // The claimant was just found, so its row is there; no conservancy reads as 0.
    guard
      let conservancyID = try db.scalar(
        Int.self, "SELECT coalesce(conservancy_id, 0) FROM claimant WHERE id = ?",
        with: [claimantID]),
      let conservancy = reference.conservancy(id: conservancyID)
    else {
      throw DomainError.invalid(
        field: .claimant,
        "the claimant belongs to no conservancy; buffer insurance is for conservancy members")
    }
    try require(
      actor, .officer, districtID: conservancy.districtID, conservancyID: conservancy.id,
      to: "insure herds")
    guard let season = Int(text.trimmingSpaces), (2000...2100).contains(season) else {
      throw DomainError.invalid(field: .season, "'\(text)' is not a season year (YYYY)")
    }
    let livestockClass = livestockClass.trimmingSpaces
    guard ["sheep_goat", "cattle", "horse", "yak"].contains(livestockClass) else {
      throw DomainError.invalid(
        field: .livestockClass,
        "'\(livestockClass)' is not insurable (sheep_goat, cattle, horse, yak)")
    }
    guard let heads = Int(text2.trimmingSpaces), heads > 0, heads <= 100_000 else {
      throw DomainError.invalid(
        field: .heads, "'\(text2)' is not a whole number of heads (1 or more)")
    }
    let start = CalendarDate(year: season, month: 1, day: 1)!
    let premium = try policy().value(.kgBuffer, "premium.\(livestockClass)", on: start)
    let premiumMinor = heads * premium.centi
    return try db.transaction {
      try db.run(
        """
        INSERT INTO herd_insurance(claimant_id, conservancy_id, season, livestock_class, heads,
          premium_minor, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
        with: [
          claimantID, conservancy.id, season,
          livestockClass, heads, premiumMinor,
          actor.id, clock.timestamp(),
        ])
      let id = db.lastInsertRowID
      try auditCreated("insurance", id: id, actor: actor.name)
      try creditPremium(
        insuranceID: id, conservancy: conservancy, minor: premiumMinor, actor: actor)
      return (id, premiumMinor)
    }
  }
}
