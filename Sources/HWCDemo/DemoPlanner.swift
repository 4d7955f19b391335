import HWCCore
import HWCDomain

/// Draws the households and the complaints of the demo's history from the seed: how many per
/// district and month (the seasons), who complains, what was lost, when it was reported, what
/// the inspector will find.
struct DemoPlanner {
  let scale: Double
  let first: CalendarDate
  let today: CalendarDate
  /// The districts planned (English names); nil for every one.
  let districts: Set<String>?
  var rng: SplitMix64
  var ids = DemoIDs()
  var claimants: [DemoClaimant] = []
  var plans: [ComplaintPlan] = []
  /// Field-form numbers issued per district.
  private var forms: [Int] = Array(repeating: 0, count: DemoPlaces.districts.count)

  init(
    seed: UInt64, scale: Double, first: CalendarDate, today: CalendarDate,
    districts: Set<String>? = nil
  ) {
    self.scale = scale
    self.first = first
    self.today = today
    self.districts = districts
    self.rng = SplitMix64(seed: seed).fork(1)
  }

  /// Where a complaint happens: a district, and a conservancy in it or not.
  private struct Place: Equatable {
    let district: Int
    let conservancy: String?
  }

  private struct Skeleton {
    let place: Place
    let kind: ConflictKind
    let incident: CalendarDate
  }

  /// Plans every complaint, sorted by report date.
  mutating func plan() {
    var skeletons: [Skeleton] = []
    for (index, district) in DemoPlaces.districts.enumerated()
    where districts?.contains(district.name) ?? true {
      for stream in district.streams {
        var month = first
        while month <= today {
          let days = CalendarDate.daysIn(month: month.month, year: month.year)
          let lastDay = month.year == today.year && month.month == today.month ? today.day : days
          let growth = month.year == first.year ? 1.0 : (stream.kind == .saiga ? 1.2 : 1.05)
          let expected =
            stream.perMonth * DemoSeasons.weight(stream.kind, month: month.month) * growth * scale
            * Double(lastDay) / Double(days)
          for _ in 0..<rng.count(expected) {
            let incident = CalendarDate(
              year: month.year, month: month.month, day: rng.int(1...lastDay))!
            var conservancy: String?
            if let inside = district.conservancy, stream.kind == .mountainPredation,
              rng.chance(inside.share)
            {
              conservancy = inside.name
            }
            skeletons.append(
              Skeleton(
                place: Place(district: index, conservancy: conservancy), kind: stream.kind,
                incident: incident))
          }
          month = month.adding(days: days)
        }
      }
    }
    // Households: about one for every three complaints of a place, at least four.
    var places: [Place] = []
    for skeleton in skeletons where !places.contains(skeleton.place) {
      places.append(skeleton.place)
    }
    var pools: [[Int]] = []
    for place in places {
      let complaints = skeletons.filter { $0.place == place }.count
      pools.append((0..<max(4, complaints / 3)).map { _ in addClaimant(place) })
    }
    for skeleton in skeletons {
      let pool = pools[places.firstIndex(of: skeleton.place)!]
      // Most households complain now and then; a few on the migration corridor, often.
      let pick = rng.chance(0.7) ? rng.int(0...pool.count - 1) : rng.skewed(0...pool.count - 1)
      addPlan(skeleton.kind, incident: skeleton.incident, claimant: pool[pick])
    }
    let order = plans.indices.sorted {
      (plans[$0].reported, $0) < (plans[$1].reported, $1)
    }
    // Keep `duplicateOf` pointing at the right plan after sorting.
    var position = Array(repeating: 0, count: plans.count)
    for (new, old) in order.enumerated() { position[old] = new }
    plans = order.map { old in
      var plan = plans[old]
      if let original = plan.duplicateOf { plan = plan.pointing(to: position[original]) }
      return plan
    }
  }

  private mutating func addClaimant(_ place: Place) -> Int {
    let profile = DemoPlaces.districts[place.district]
    let person = DemoNames.person(profile.country, &rng)
    let id = ids.issue(for: person, profile.country, &rng)
    let villages = place.conservancy == nil ? profile.villages : profile.conservancy!.villages
    var herd: [(livestockClass: String, heads: Int)] = []
    for kept in profile.herd where rng.chance(kept.share) {
      herd.append((kept.livestockClass, rng.skewed(kept.heads, power: 2)))
    }
    claimants.append(
      DemoClaimant(
        person: person, nationalID: id, district: place.district,
        conservancy: place.conservancy, village: rng.pick(villages), herd: herd,
        member: place.conservancy != nil && rng.chance(0.9), lapses: rng.chance(0.07),
        premiumDay: rng.int(0...30)))
    return claimants.count - 1
  }

  private mutating func addPlan(_ kind: ConflictKind, incident: CalendarDate, claimant: Int) {
    let household = claimants[claimant]
    let profile = DemoPlaces.districts[household.district]
    let damage = DemoSeasons.damage(kind, month: incident.month, in: profile, &rng)
    let predation = damage.type == "livestock_predation"
    // Most losses are reported within the deadline (3 days for predation, 10 for the rest).
    let (soon, later) = (rng.int(0...3), rng.int(4...10))
    let late = predation ? rng.int(4...9) : rng.int(11...30)
    let delay =
      predation
      ? rng.weighted([(0, 0.40), (1, 0.35), (2, 0.12), (3, 0.06), (late, 0.07)])
      : rng.weighted([(soon, 0.60), (later, 0.33), (late, 0.07)])
    let reported = incident.adding(days: delay)
    guard reported <= today else { return }
    let index = plans.count
    plans.append(
      makePlan(
        claimant: claimant, damage: damage, incident: incident, reported: reported,
        duplicateOf: nil))
    // Now and then the same loss is filed again a few days later (another family member, a
    // second field form).
    if rng.chance(0.02) {
      let again = reported.adding(days: rng.int(1...5))
      if again <= today {
        plans.append(
          makePlan(
            claimant: claimant, damage: damage, incident: incident.adding(days: rng.int(0...1)),
            reported: again, duplicateOf: index))
      }
    }
  }

  private mutating func makePlan(
    claimant: Int, damage: DemoDamage, incident: CalendarDate, reported: CalendarDate,
    duplicateOf: Int?
  ) -> ComplaintPlan {
    let household = claimants[claimant]
    let profile = DemoPlaces.districts[household.district]
    let predation = damage.type == "livestock_predation"
    let protected =
      !predation || rng.chance(household.conservancy != nil ? 0.8 : profile.mountains ? 0.7 : 0.6)
    var vet: String?
    if damage.type == "disease_spread", rng.chance(0.85) {
      vet =
        "VET-\(profile.name.prefix(3).uppercased())-\(reported.year % 100)-\(rng.int(100...999))"
    }
    var ref: String?
    if rng.chance(0.55) {
      forms[household.district] += 1
      let number = String(forms[household.district])
      ref =
        "\(profile.name.prefix(3).uppercased())-F-\(reported.year % 100)-"
        + String(repeating: "0", count: max(0, 4 - number.count)) + number
    }
    let conservancy = household.conservancy
    let center =
      conservancy != nil
      ? (profile.conservancy!.latitude, profile.conservancy!.longitude)
      : (profile.latitude, profile.longitude)
    let coordinates =
      rng.chance(0.8)
      ? DemoPlaces.coordinates(near: center.0, center.1, spread: 0.25, &rng) : nil
    var notes: String?
    if duplicateOf != nil {
      notes = "filed again by the herder's son"
    } else if rng.chance(0.05) {
      notes = "reported by phone to the akimat; form brought in later"
    }
    return ComplaintPlan(
      claimant: claimant, district: household.district, conservancy: conservancy,
      damage: damage, incident: incident, reported: reported, village: household.village,
      coordinates: coordinates, ref: ref, notes: notes, duplicateOf: duplicateOf,
      inspectionDelay: 2 + rng.skewed(0...18, power: 2), verified: verify(damage.items),
      protected: protected, vetCertificate: vet,
      finding: DemoFindings.finding(damage, protected: protected, &rng),
      rng: rng.fork(UInt64(plans.count + 1)))
  }

  /// What the inspector confirms: usually what was claimed, often a little less, rarely nothing.
  private mutating func verify(_ claimed: [ItemQuantity]) -> [ItemQuantity] {
    if rng.chance(0.02) { return claimed.map { ItemQuantity(item: $0.item, centi: 0) } }
    return claimed.map { item in
      let heads = ["sheep_goat", "cattle", "horse", "camel", "yak"].contains(
        String(item.item.prefix { $0 != "." }))
      let roll = rng.unit()
      if roll < 0.6 { return item }
      if heads {
        return ItemQuantity(item: item.item, centi: max(100, item.centi - 100))
      }
      let factor = roll < 0.93 ? rng.real(0.75...0.99) : rng.real(0.4...0.75)
      let quarters = max(1, Int(Double(item.centi) * factor / 25))
      return ItemQuantity(item: item.item, centi: quarters * 25)
    }
  }
}

extension ComplaintPlan {
  /// The same plan, repeating the plan now at `index`.
  func pointing(to index: Int) -> ComplaintPlan {
    ComplaintPlan(
      claimant: claimant, district: district, conservancy: conservancy, damage: damage,
      incident: incident, reported: reported, village: village, coordinates: coordinates,
      ref: ref, notes: notes, duplicateOf: index, inspectionDelay: inspectionDelay,
      verified: verified, protected: protected, vetCertificate: vetCertificate,
      finding: finding, rng: rng)
  }
}
